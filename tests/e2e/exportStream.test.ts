import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHUNK_ROWS } from '@/lib/export/streamCsv';
import { BACKUP_FORMAT, BACKUP_VERSION } from '@/lib/library/backupSchema';
import { planSave } from '@/lib/library/savePlan';
import { LIBRARY_VERSION } from '@/lib/library/versions';
import type { SavedClause, SavedMeeting } from '@/lib/library/schema';
import { item, meeting } from '../support/records';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';
import { holdWrites, pickPrivateFiles, privateFile, releaseWrites } from './support/saveFile';

/** 25 meetings of 10 items × 100 clauses: two and a half chunks of the streamed export. */
const MEETINGS = 25;
const CLAUSES = MEETINGS * 1000;
const n = (x: number) => x.toLocaleString('en-GB');

/** The rows a save of each meeting writes (savePlan.ts), made here and restored into the extension's own IndexedDB. */
function libraryRows(): { meetings: SavedMeeting[]; clauses: SavedClause[] } {
  const meetings: SavedMeeting[] = [];
  const clauses: SavedClause[] = [];
  for (let m = 0; m < MEETINGS; m++) {
    const items = Array.from({ length: 10 }, (_, i) =>
      item(String(i + 1), `Item ${i + 1}`, Array.from({ length: 100 }, (_, c) => [`(${c + 1})`, `That grant ${m}-${i}-${c} be approved.`] as [string, string])),
    );
    const record = meeting({ id: String(100 + m), date: `2020-01-${String(m + 1).padStart(2, '0')}`, items });
    const plan = planSave(record, { scope: 'meeting' }, {}, { meeting: undefined, items: [], clauses: [], deletions: [] }, '2026-11-30T12:00:00.000Z');
    if (plan.meeting) meetings.push(plan.meeting);
    clauses.push(...plan.clauses);
  }
  return { meetings, clauses };
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
    // Into the library the page opened through its own write path (a restore), which also builds
    // the search postings and meeting index the page's first view and count read.
    const { meetings, clauses } = libraryRows();
    const backup = path.join(mkdtempSync(path.join(tmpdir(), 'export-stream-')), 'council-minutes-backup.json');
    const tables = { councils: [], committees: [], meetings, items: [], clauses };
    writeFileSync(backup, JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: '2026-11-30T12:00:00.000Z', databaseVersion: LIBRARY_VERSION, tables }));
    await library.getByLabel('Restore from a backup').setInputFiles(backup);
    await library.getByRole('status').filter({ hasText: /Restored|restore|backup/i }).waitFor({ timeout: 120_000 });
    expect(await library.getByRole('status').textContent()).toContain(`${MEETINGS} meetings, 0 items, ${CLAUSES.toLocaleString('en-GB')} clauses`);
    await library.reload();
    await library.getByRole('status').filter({ hasText: `${CLAUSES.toLocaleString('en-GB')} clauses match. Showing the newest 200` }).waitFor();
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
