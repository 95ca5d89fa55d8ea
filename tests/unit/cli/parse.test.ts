import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { ownFixturesDir, repoRoot } from '../../support/pages';

/** Runs the CLI exactly as the README says: `npm run --silent parse -- …`. */
function parse(...args: string[]) {
  const run = spawnSync('npm', ['run', '--silent', 'parse', '--', ...args], { cwd: repoRoot, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const SOUTHAMPTON = path.join(ownFixturesDir, 'southampton-meeting-2016-11-03.html');
const SOUTHAMPTON_URL = 'https://www.southampton.gov.uk/modernGov/ieListDocuments.aspx?CId=600&MId=7105&Ver=4';
const NEWS = path.join(ownFixturesDir, 'not-moderngov-council-news.html');

describe('npm run parse', () => {
  it('prints one JSON object per file; a non-ModernGov page gives kind null and a reason', () => {
    const run = parse(SOUTHAMPTON, '--url', SOUTHAMPTON_URL, NEWS);
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as { file: string; kind: string | null; reason?: string; items?: unknown[]; meeting?: { date: string } }[];
    expect(out.map((o) => [path.basename(o.file), o.kind])).toEqual([
      ['southampton-meeting-2016-11-03.html', 'meeting'],
      ['not-moderngov-council-news.html', null],
    ]);
    expect(out[0]?.items).toHaveLength(4);
    expect(out[0]?.meeting?.date).toBe('2016-11-03');
    expect(out[1]?.reason).toMatch(/^Not a ModernGov page/);
  }, 60_000);

  it('prints one CSV row per clause', () => {
    const run = parse(SOUTHAMPTON, '--url', SOUTHAMPTON_URL, '--format', 'csv');
    expect(run.status).toBe(0);
    const rows = Papa.parse<Record<string, string>>(run.stdout.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    expect(rows.map((r) => `${r.item_number} ${r.clause_label}`.trim())).toEqual(['5 (i)', '5 (ii)', '5 (iii)', '6 (i)', '6 (ii)', '6 (iii)', '6 (iv)', '8']);
    expect(rows[0]).toMatchObject({ council: 'Southampton City Council', host: 'www.southampton.gov.uk', meeting_date: '2016-11-03', meeting_url: SOUTHAMPTON_URL });
    expect(rows.map((r) => [r.formula, r.section, r.exempt])).toEqual([...Array(7).fill(['RESOLVED', 'minutes', 'no']), ['The Panel noted', 'minutes', 'no']]);
  }, 60_000);

  it('reports an unreadable file on stderr, exits 1, and still prints the others', () => {
    const run = parse('/nonexistent/page.html', SOUTHAMPTON, '--url', SOUTHAMPTON_URL);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('parse: cannot read /nonexistent/page.html');
    expect((JSON.parse(run.stdout) as unknown[]).length).toBe(1);
  }, 60_000);

  it('warns when no original address is known, and explains its options', () => {
    const run = parse(SOUTHAMPTON);
    const [record] = JSON.parse(run.stdout) as { warnings: string[] }[];
    expect(record?.warnings).toContain('No original address was given (--url), so links in the page could not be resolved.');
    const usage = parse('--format', 'xml', SOUTHAMPTON);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('--format is json, csv, csl-json, ris or bibtex, not "xml"');
  }, 60_000);

  it('prints references to every item and clause as CSL-JSON, RIS or BibTeX, retrieved when the file was saved', () => {
    // A copy whose modification time says when it was saved.
    const copy = path.join(mkdtempSync(path.join(tmpdir(), 'cite-')), 'southampton.html');
    copyFileSync(SOUTHAMPTON, copy);
    utimesSync(copy, new Date('2026-11-20T12:00:00Z'), new Date('2026-11-20T12:00:00Z'));
    const csl = parse(copy, '--url', SOUTHAMPTON_URL, '--format', 'csl-json', NEWS);
    expect(csl.status).toBe(0);
    expect(csl.stderr).toContain('parse: nothing to cite in');
    const items = JSON.parse(csl.stdout) as { id: string; title: string; accessed: unknown; URL: string }[];
    // Items 5 to 8 and their eight clauses: three of item 5, four of item 6, one of item 8.
    expect(items).toHaveLength(12);
    expect(items[1]).toMatchObject({
      id: 'southampton2016-5-i',
      title: 'Item 5: Child Sexual Exploitation in Southampton - Update, resolution (i)',
      accessed: { 'date-parts': [[2026, 11, 20]] },
      URL: SOUTHAMPTON_URL,
    });
    const ris = parse(copy, '--url', SOUTHAMPTON_URL, '--format', 'ris');
    expect(ris.stdout.match(/^TY {2}- RPRT\r$/gm)).toHaveLength(12);
    expect(ris.stdout).toContain('TI  - Item 6: Elective Home Education and Safeguarding Arrangements, resolution (iv)\r\n');
    const bib = parse(copy, '--url', SOUTHAMPTON_URL, '--format', 'bibtex');
    expect(bib.stdout.match(/^@techreport\{/gm)).toHaveLength(12);
    expect(bib.stdout).toContain('@techreport{southampton2016-8,\n');
  }, 60_000);
});
