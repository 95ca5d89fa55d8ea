import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { ownFixturesDir, repoRoot } from '../../support/pages';

/** Runs the CLI exactly as the README says: `npm run --silent parse -- …`. The timeout only stops a
 * run that blocks (a FIFO read used to), so the test fails instead of hanging. */
function parse(...args: string[]) {
  return parseWith({}, ...args);
}

function parseWith(env: Record<string, string>, ...args: string[]) {
  const run = spawnSync('npm', ['run', '--silent', 'parse', '--', ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...env } });
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

describe('npm run parse, bad input', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'parse-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const southampton = readFileSync(SOUTHAMPTON, 'utf8');
  const meetingOf = (stdout: string) => (JSON.parse(stdout) as { kind: string | null; items?: { title: string; minutes: string }[] }[])[0];

  it('decodes a windows-1252 page by the WHATWG mapping: ’ is U+2019', () => {
    const file = path.join(dir, 'cp1252.html');
    // Python's cp1252 codec writes the bytes, as an old council server would send them.
    const bytes = execFileSync('python3', ['-c', "import sys; sys.stdout.buffer.write(sys.stdin.read().encode('cp1252'))"], {
      input: southampton.replace('<meta charset="utf-8">', '<meta charset="windows-1252">'),
    });
    expect(bytes.includes(0x92)).toBe(true);
    writeFileSync(file, bytes);
    const run = parse(file, '--url', SOUTHAMPTON_URL);
    expect(run.status).toBe(0);
    const minutes = meetingOf(run.stdout)?.items?.[0]?.minutes ?? '';
    expect(minutes).toContain('Service Lead for Children\u2019s Social Care');
    expect(minutes).not.toContain('\u0092');
  }, 60_000);

  it('reads UTF-16 pages, little- and big-endian, with or without a byte-order mark', () => {
    const le = Buffer.from(southampton.replace('<meta charset="utf-8">', '<meta charset="utf-16">'), 'utf16le');
    const files = {
      'le-bom.html': Buffer.concat([Buffer.from([0xff, 0xfe]), le]),
      'be-bom.html': Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()]),
      'le.html': le,
    };
    for (const [name, bytes] of Object.entries(files)) {
      writeFileSync(path.join(dir, name), bytes);
      const run = parse(path.join(dir, name), '--url', SOUTHAMPTON_URL);
      expect(run.status, name).toBe(0);
      const meeting = meetingOf(run.stdout);
      expect(meeting?.kind, name).toBe('meeting');
      expect(meeting?.items?.map((i) => i.title)[0], name).toBe('Child Sexual Exploitation in Southampton - Update');
    }
  }, 120_000);

  it('refuses a FIFO and a directory with a clear reason instead of blocking, and still prints the other files', () => {
    const fifo = path.join(dir, 'page.fifo');
    execFileSync('mkfifo', [fifo]);
    const folder = path.join(dir, 'saved-page_files');
    mkdirSync(folder);
    const run = parse(fifo, folder, SOUTHAMPTON, '--url', SOUTHAMPTON_URL);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`parse: cannot read ${fifo}: it is not a regular file (a pipe, socket or device)`);
    expect(run.stderr).toContain(`parse: cannot read ${folder}: it is a directory, not a saved page`);
    expect(meetingOf(run.stdout)?.kind).toBe('meeting');
  }, 60_000);

  it('refuses a 29 MB page of 10,000 items with a clear reason instead of aborting out of memory', () => {
    // The Southampton page's four item rows, repeated 2,500 times: their document lists left
    // out and a paragraph of minutes added to each, to make 29.5 MB.
    const start = southampton.indexOf('<tr>', southampton.indexOf('</th></tr>'));
    const end = southampton.indexOf('</table>', start);
    const plain = southampton.slice(start, end).replace(/<ul\s+class="mgBulletList"\s*>[\s\S]*?<\/ul>/g, '');
    const sentence = 'The Panel discussed the report and its appendices at length. ';
    const perRow = (29.5e6 - Buffer.byteLength(southampton) - Buffer.byteLength(plain) * 2500) / 10_000;
    const filler = `<p class="MsoNormal">${sentence.repeat(10).slice(0, Math.round(perRow) - 27)}</p>`;
    const rows = plain.replaceAll('</td>\n</tr>', `${filler}</td>\n</tr>`);
    const huge = southampton.slice(0, start) + rows.repeat(2500) + southampton.slice(end);
    const file = path.join(dir, 'huge.html');
    writeFileSync(file, huge);
    expect(huge.match(/class="mgItemNumberCell"/g)).toHaveLength(10_000);
    expect(Buffer.byteLength(huge)).toBeGreaterThan(29e6);
    expect(Buffer.byteLength(huge)).toBeLessThan(30e6);
    // Node's usual heap (4 GB), whatever the environment running the tests sets.
    const run = parseWith({ NODE_OPTIONS: '--max-old-space-size=4096' }, file, SOUTHAMPTON, '--url', SOUTHAMPTON_URL);
    expect(run.stderr).not.toContain('heap out of memory');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`parse: cannot read ${file}: it is 29\\.\\d MB, more than the [\\d.]+ MB this process has memory to parse; run with NODE_OPTIONS=--max-old-space-size=\\d+ to read it`));
    expect(meetingOf(run.stdout)?.kind).toBe('meeting');
  }, 60_000);

  it('takes only an http(s) --url', () => {
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x']) {
      const run = parse(SOUTHAMPTON, '--url', url);
      expect(run.status, url).toBe(2);
      expect(run.stderr, url).toContain(`--url is an http or https address, not a ${url.slice(0, url.indexOf(':') + 1)} one`);
      expect(run.stdout, url).toBe('');
    }
    expect(parse(SOUTHAMPTON, '--url', 'not a url').stderr).toContain('--url is the page\'s web address (http or https), not "not a url"');
  }, 120_000);

  it('neutralises a formula in a clause that spans paragraphs in --format csv', () => {
    const file = path.join(dir, 'formula.html');
    const minutes = '<p class="MsoNormal">RESOLVED:</p><p class="MsoNormal">(1) =HYPERLINK("http://evil.example","Click")</p><p class="MsoNormal">and that the report be noted.</p>';
    writeFileSync(file, southampton.replace(/(<p\s+class="mgSubItemTitleTxt"\s*>Minutes:<\/p>\s*<div class="mgWordPara">)/, `$1${minutes}`));
    const run = parse(file, '--url', SOUTHAMPTON_URL, '--format', 'csv');
    expect(run.status).toBe(0);
    const rows = Papa.parse<Record<string, string>>(run.stdout.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    // The clause spans the two inserted paragraphs; the page's own minutes after it are prose, not clause.
    expect(rows[0]?.clause_text).toBe('\'=HYPERLINK("http://evil.example","Click")\nand that the report be noted.');
  }, 60_000);
});
