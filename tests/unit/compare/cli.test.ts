import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ownFixturesDir, repoRoot } from '../../support/pages';
import { SOUTHAMPTON, WORCESTERSHIRE } from './fixtures';

/** Runs the CLI as a researcher would: `npm run --silent compare -- …`. */
function compare(...args: string[]) {
  const run = spawnSync('npm', ['run', '--silent', 'compare', '--', ...args], { cwd: repoRoot, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const fixture = (name: string) => path.join(ownFixturesDir, name);
const SEEDS = [fixture(SOUTHAMPTON.file), '--url', SOUTHAMPTON.url, fixture(WORCESTERSHIRE.file), '--url', WORCESTERSHIRE.url];

describe('npm run compare', () => {
  it('prints the groups found across the pages as JSON', () => {
    const run = compare(...SEEDS);
    // Worcestershire's items 1–4: apologies, declarations, public participation, minutes.
    expect(run.stderr).toBe('compare: 4 procedural items not compared\n');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([
      {
        label: 'child sexual exploitation',
        members: [
          {
            kind: 'meeting-item',
            host: 'worcestershire.moderngov.co.uk',
            council: 'Worcestershire County Council',
            committee: 'Children and Families Overview and Scrutiny Panel',
            meetingDate: '2015-05-22',
            itemNumber: '5',
            title: 'Child Sexual Exploitation: Update',
            // The meeting page prints no resolution for item 5 (its agenda-item page does).
            outcome: '',
            url: WORCESTERSHIRE.url,
          },
          {
            kind: 'meeting-item',
            host: 'www.southampton.gov.uk',
            council: 'Southampton City Council',
            committee: 'Children and Families Scrutiny Panel',
            meetingDate: '2016-11-03',
            itemNumber: '5',
            title: 'Child Sexual Exploitation in Southampton - Update',
            outcome: 'resolved, recommended',
            url: SOUTHAMPTON.url,
          },
        ],
      },
    ]);
  }, 60_000);

  it('compares meeting, agenda-item and decision pages of several councils, and says how many procedural items it left out', () => {
    const topic = (file: string, url: string) => [path.join(ownFixturesDir, 'topics', file), '--url', url];
    const run = compare(
      ...topic('bathnes-meeting-2019-11-14.html', 'https://democracy.bathnes.gov.uk/ieListDocuments.aspx?CId=124&MId=5268'),
      ...topic('darlington-item-2023-11-30.html', 'https://democracy.darlington.gov.uk/mgAi.aspx?ID=10486'),
      ...topic('tameside-decision-2018-12-12.html', 'http://tameside.moderngov.co.uk/ieDecisionDetails.aspx?ID=229'),
      ...topic('kirklees-decision-2023-11-21.html', 'https://democracy.kirklees.gov.uk/ieDecisionDetails.aspx?ID=11874'),
    );
    expect(run.status).toBe(0);
    // The Bath and North East Somerset meeting opens with its evacuation procedure, apologies, declarations and minutes.
    expect(run.stderr).toMatch(/^compare: \d+ procedural items not compared$/m);
    const groups = JSON.parse(run.stdout) as { label: string; members: { kind: string; council: string; title: string }[] }[];
    const taxSupport = groups.find((group) => group.members.some((m) => m.title === 'Council Tax Support Scheme'));
    // One council tax support scheme from each council, as each prints it, whatever the page.
    expect(taxSupport?.members.map((m) => [m.kind, m.council, m.title]).sort()).toEqual([
      ['decision', 'Kirklees Council', 'Council Tax Reduction Scheme 2024/25'],
      ['decision', 'Tameside Metropolitan Borough Council', 'Council Tax Support Scheme'],
      ['item', 'Darlington Borough Council', 'Council Tax Support Scheme 2024/25'],
      ['meeting-item', 'Bath and North East Somerset Council', 'LOCAL COUNCIL TAX REDUCTION SCHEME 2020/21'],
    ]);
    for (const group of groups) for (const m of group.members) expect(m.title).not.toMatch(/apolog|declaration|minutes|evacuation/i);
  }, 60_000);

  it('skips pages that are no meeting, says so, and still compares the others', () => {
    const run = compare(fixture('not-moderngov-council-news.html'), ...SEEDS, fixture('southampton-attendance-2016-11-03.html'));
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('compare: skipped');
    expect(run.stderr).toContain('not-moderngov-council-news.html: Not a ModernGov page');
    expect(run.stderr).toContain('southampton-attendance-2016-11-03.html: it is a ModernGov attendance page, which holds no item, decision or issue to compare.');
    expect(JSON.parse(run.stdout)).toHaveLength(1);
  }, 60_000);

  it('reports an unreadable file and exits 1; a high threshold leaves no group', () => {
    const run = compare('/nonexistent/page.html', ...SEEDS, '--threshold', '0.9');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('compare: cannot read /nonexistent/page.html');
    expect(JSON.parse(run.stdout)).toEqual([]);
  }, 60_000);

  it('explains its options when the command line is wrong', () => {
    const bad = compare(...SEEDS, '--threshold', 'high');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--threshold is a number above 0 and at most 1, not "high"');
    const none = compare();
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('usage: npm run --silent compare -- FILE.html…');
  }, 60_000);
});
