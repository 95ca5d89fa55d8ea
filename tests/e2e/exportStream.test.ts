import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHUNK_ROWS } from '@/lib/export/streamCsv';
import { meetingPostings, type MeetingIndex, type MeetingWords, type Posting, type PostingKey } from '@/lib/library/postings';
import { planSave } from '@/lib/library/savePlan';
import type { SavedClause, SavedMeeting } from '@/lib/library/schema';
import { item, meeting } from '../support/records';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';
import { holdWrites, pickPrivateFiles, privateFile, releaseWrites } from './support/saveFile';

/** 25 meetings of 10 items × 100 clauses: two and a half chunks of the streamed export. */
const MEETINGS = 25;
const CLAUSES = MEETINGS * 1000;
const n = (x: number) => x.toLocaleString('en-GB');

/** The rows a save of each meeting writes (savePlan.ts, and its index rows: postings.ts), made here and put into the extension's own IndexedDB. */
function libraryRows(): { meetings: SavedMeeting[]; clauses: SavedClause[]; index: { entries: MeetingIndex[]; words: MeetingWords[]; postings: [PostingKey, Posting][] } } {
  const meetings: SavedMeeting[] = [];
  const clauses: SavedClause[] = [];
  const index = { entries: [] as MeetingIndex[], words: [] as MeetingWords[], postings: [] as [PostingKey, Posting][] };
  for (let m = 0; m < MEETINGS; m++) {
    const items = Array.from({ length: 10 }, (_, i) =>
      item(String(i + 1), `Item ${i + 1}`, Array.from({ length: 100 }, (_, c) => [`(${c + 1})`, `That grant ${m}-${i}-${c} be approved.`] as [string, string])),
    );
    const record = meeting({ id: String(100 + m), date: `2020-01-${String(m + 1).padStart(2, '0')}`, items });
    const plan = planSave(record, { scope: 'meeting' }, {}, { meeting: undefined, items: [], clauses: [], deletions: [] }, '2026-11-30T12:00:00.000Z');
    if (!plan.meeting) throw new Error('a whole-meeting save plans its meeting row');
    meetings.push(plan.meeting);
    clauses.push(...plan.clauses);
    const built = meetingPostings(plan.meeting, plan.meeting.date, [], plan.clauses);
    index.entries.push(built.entry);
    index.words.push(built.words);
    for (const [word, posting] of built.postings) index.postings.push([[word, built.entry.orderKey], posting]);
  }
  return { meetings, clauses, index };
}

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
});

describe('CSV export streamed to a file', () => {
  it('shows its progress, cancels leaving no file, and writes every row the table shows, in its order', { timeout: 180_000 }, async () => {
    expect(CLAUSES).toBeGreaterThan(2 * CHUNK_ROWS);
    const library = await browser.openExtensionPage('library.html');
    await library.getByRole('status').filter({ hasText: '0 clauses match.' }).waitFor();
    const { meetings, clauses, index } = libraryRows();
    // Plain puts into the library the page opened, a few thousand rows a transaction.
    for (let i = 0; i < clauses.length; i += 5000) {
      await library.evaluate(
        ([ms, cs, ix]) =>
          new Promise<void>((resolve, reject) => {
            const open = indexedDB.open('council-minutes');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const tx = open.result.transaction(['meetings', 'clauses', 'meetingIndex', 'meetingWords', 'postings'], 'readwrite');
              for (const m of ms) tx.objectStore('meetings').put(m);
              if (ix) {
                for (const e of ix.entries) tx.objectStore('meetingIndex').put(e);
                for (const w of ix.words) tx.objectStore('meetingWords').put(w);
                for (const [key, p] of ix.postings) tx.objectStore('postings').put(p, key);
              }
              for (const c of cs) tx.objectStore('clauses').put(c);
              tx.oncomplete = () => {
                open.result.close();
                resolve();
              };
              tx.onerror = () => reject(tx.error);
            };
          }),
        [i === 0 ? meetings : [], clauses.slice(i, i + 5000), i === 0 ? index : null] as const,
      );
    }
    await library.reload();
    await library.getByRole('status').filter({ hasText: `${CLAUSES} clauses match. Showing the newest 200` }).waitFor();
    await pickPrivateFiles(library);
    const name = `council-minutes-clauses-${new Date().toISOString().slice(0, 10)}.csv`;

    // Held after the first chunk: the progress bar shows it, and Cancel stops the export.
    await holdWrites(library);
    await library.getByRole('button', { name: 'Export clauses as CSV' }).click();
    await library.locator('.export-progress').filter({ hasText: `Exporting clauses: ${n(CHUNK_ROWS)} of about ${n(CLAUSES)} clauses` }).waitFor();
    const progress = library.locator('.export-progress progress');
    expect([await progress.getAttribute('value'), await progress.getAttribute('max')]).toEqual([String(CHUNK_ROWS), String(CLAUSES)]);
    expect(await library.getByRole('button', { name: 'Export clauses as CSV' }).isDisabled()).toBe(true);
    await library.getByRole('button', { name: 'Cancel', exact: true }).click();
    await releaseWrites(library);
    await library.getByRole('status').filter({ hasText: /^Export cancelled after [\d,]+ clauses: no file was saved\.$/ }).waitFor();
    expect(await library.locator('.export-progress').count()).toBe(0);
    expect(await privateFile(library, name)).toBeNull();

    // Not held: every clause, in the library's order, newest meeting first.
    await library.getByRole('button', { name: 'Export clauses as CSV' }).click();
    await library.getByRole('status').filter({ hasText: `Exported ${n(CLAUSES)} clauses as CSV.` }).waitFor();
    const text = await privateFile(library, name);
    expect(text?.startsWith('\uFEFFcouncil,host,committee,meeting_date')).toBe(true);
    const rows = Papa.parse<Record<string, string>>((text ?? '').slice(1), { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(CLAUSES);
    expect(rows.slice(0, 2).map((r) => [r.meeting_date, r.item_number, r.clause_label, r.clause_text])).toEqual([
      ['2020-01-25', '1', '(1)', 'That grant 24-0-0 be approved.'],
      ['2020-01-25', '1', '(2)', 'That grant 24-0-1 be approved.'],
    ]);
    expect(rows.at(-1)?.clause_text).toBe('That grant 0-9-99 be approved.');
    expect(new Set(rows.map((r) => r.clause_text)).size).toBe(CLAUSES);
    // The file's first rows are the table's 200, cell for cell.
    const shown = await library.locator('table.results tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td')).slice(0, 6).map((td) => td.textContent ?? '')));
    expect(shown).toHaveLength(200);
    expect(rows.slice(0, 200).map((r) => [r.council, r.committee, r.meeting_date, `${r.item_number}. ${r.item_title}`, `${r.clause_label} ${r.clause_text}`, r.outcome])).toEqual(shown);
    await library.close();
  });
});
