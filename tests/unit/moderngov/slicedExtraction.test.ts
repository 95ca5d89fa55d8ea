import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodePage } from '@/lib/encoding/decodePage';
import { extractionJsonSteps } from '@/lib/messages/extractionJson';
import { contentHash } from '@/lib/moderngov/contentHash';
import { extractPage, extractPageInSlices } from '@/lib/moderngov/extract';
import { findItemTable, itemRows } from '@/lib/moderngov/extractItems';
import { runInSlices, runToEnd, type Steps } from '@/lib/moderngov/steps';
import { SHARED_FIXTURE_URLS, statedUrl } from '../../support/fixtureAddresses';
import { largeMeetingHtml } from '../../support/largeMeeting';
import { hasSharedFixtures, htmlDocument, ownFixturesDir, sharedFixturesDir } from '../../support/pages';

/** Every HTML page under a folder, with the address it names (or the shared fixtures' table gives). */
function pagesUnder(dir: string, prefix: string): { name: string; html: string; url: string }[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => {
      const html = decodePage(readFileSync(path.join(dir, f)));
      return { name: `${prefix}${f}`, html, url: SHARED_FIXTURE_URLS[`${prefix}${f}`] ?? statedUrl(html) ?? 'https://democracy.council.example/ieListDocuments.aspx?CId=1&MId=1' };
    });
}

const PAGES = [...pagesUnder(ownFixturesDir, ''), ...(hasSharedFixtures ? pagesUnder(path.join(sharedFixturesDir, 'fragments'), 'fragments/') : [])];

/** Slices of no length: a pause at every step, counted. */
async function sliced(html: string, url: string): Promise<{ extraction: Awaited<ReturnType<typeof extractPageInSlices>>; pauses: number }> {
  let pauses = 0;
  const extraction = await extractPageInSlices(htmlDocument(html), url, { sliceMs: 0, pause: async () => void pauses++ });
  return { extraction, pauses };
}

describe('extraction in slices', () => {
  it('finds the fixture pages', () => {
    // tests/fixtures holds its 13 own pages and the catalogue, held-back, evaluation and topic pages.
    expect(PAGES.length).toBeGreaterThan(150);
  });

  it.each(PAGES.map((p) => [p.name, p] as const))('reads %s exactly as extractPage does', async (_name, page) => {
    const once = extractPage(htmlDocument(page.html), page.url);
    const { extraction, pauses } = await sliced(page.html, page.url);
    expect(extraction).toEqual(once);
    // What the content script sends: the reading's JSON text, written an item at a time.
    expect(JSON.parse(runToEnd(extractionJsonSteps(extraction)))).toEqual(once);
    if (once.kind === 'meeting') {
      // A step after detection, one per row of the items table, one per item's JSON and one per 64K characters hashed.
      expect(pauses).toBeGreaterThanOrEqual(1 + itemTableRows(page.html) + once.items.length + 1);
      // The hash worked out in steps is the hash of the record's JSON in one string.
      const { url: _url, ...meeting } = once.meeting;
      expect(once.contentHash).toBe(contentHash([once.council, once.committee, meeting, once.items, once.attendance]));
    } else if (once.kind !== null) expect(pauses).toBe(1);
  });

  it('reads a meeting of 300 items in slices, the same record as in one go', async () => {
    const base = PAGES.find((p) => p.name === 'southampton-meeting-2016-11-03.html');
    if (!base) throw new Error('the Southampton meeting page is missing');
    const html = largeMeetingHtml(htmlDocument(base.html), 300);
    const once = extractPage(htmlDocument(html), base.url);
    if (once.kind !== 'meeting') throw new Error(`read as ${String(once.kind)}`);
    expect(once.items).toHaveLength(300);
    expect(once.items[299]?.number).toBe('300');
    const { extraction, pauses } = await sliced(html, base.url);
    expect(extraction).toEqual(once);
    // 300 rows, 300 items' JSON, and the hash of the items' JSON (and a little more) in steps of 64K characters.
    expect(pauses).toBeGreaterThanOrEqual(1 + 300 + 300 + Math.floor(JSON.stringify(once.items).length / 65536));
  }, 60_000);

  it('gives an unreadable address the same message, with no pause', async () => {
    const { extraction, pauses } = await sliced('<p>x</p>', 'not an address');
    expect(extraction).toEqual(extractPage(htmlDocument('<p>x</p>'), 'not an address'));
    expect(extraction.kind).toBeNull();
    expect(pauses).toBe(0);
  });
});

/** Rows of the items table (item rows, and empty rows that hold none), each a step. */
function itemTableRows(html: string): number {
  const table = findItemTable(htmlDocument(html));
  return table ? itemRows(table).length : 0;
}

describe('runInSlices', () => {
  function* counting(n: number): Steps<number> {
    for (let i = 0; i < n; i++) yield;
    return n;
  }

  it('pauses only when a slice has run its length', async () => {
    let clock = 0;
    const pausedAt: number[] = [];
    // Each step takes 3 ms on the fake clock; slices of 10 ms pause after the 4th, 8th… step.
    const steps = (function* (): Steps<string> {
      for (let i = 0; i < 10; i++) {
        clock += 3;
        yield;
      }
      return 'done';
    })();
    const result = await runInSlices(steps, { sliceMs: 10, now: () => clock, pause: async () => void pausedAt.push(clock) });
    expect(result).toBe('done');
    expect(pausedAt).toEqual([12, 24]);
  });

  it('never pauses work that fits in one slice', async () => {
    let pauses = 0;
    expect(await runInSlices(counting(50), { sliceMs: 1e9, pause: async () => void pauses++ })).toBe(50);
    expect(pauses).toBe(0);
  });
});
