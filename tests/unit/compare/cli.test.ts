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
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([
      {
        label: 'child sexual exploitation',
        members: [
          { host: 'worcestershire.moderngov.co.uk', meetingDate: '2015-05-22', itemNumber: '5', title: 'Child Sexual Exploitation: Update' },
          { host: 'www.southampton.gov.uk', meetingDate: '2016-11-03', itemNumber: '5', title: 'Child Sexual Exploitation in Southampton - Update' },
        ],
      },
    ]);
  }, 60_000);

  it('skips pages that are no meeting, says so, and still compares the others', () => {
    const run = compare(fixture('not-moderngov-council-news.html'), ...SEEDS, fixture('southampton-attendance-2016-11-03.html'));
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('compare: skipped');
    expect(run.stderr).toContain('not-moderngov-council-news.html: Not a ModernGov page');
    expect(run.stderr).toContain('southampton-attendance-2016-11-03.html: it is a ModernGov attendance page');
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
