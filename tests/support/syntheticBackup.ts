import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { backupWriter, type BackupRecord } from '@/lib/library/backupStream';
import { planSave } from '@/lib/library/savePlan';
import { LIBRARY_VERSION } from '@/lib/library/versions';
import { item, meeting } from './records';

const SAVED_AT = '2026-11-30T12:00:00.000Z';

/** Meeting `m` of the synthetic library: `items` items of `clauses` clauses each, every text its own. */
function plan(m: number, items: number, clauses: number) {
  const record = meeting({
    id: String(100 + m),
    date: `20${String(10 + (m % 15)).padStart(2, '0')}-${String(1 + (m % 12)).padStart(2, '0')}-${String(1 + (m % 28)).padStart(2, '0')}`,
    items: Array.from({ length: items }, (_, i) =>
      item(String(i + 1), `Item ${i + 1} of meeting ${m}`, Array.from({ length: clauses }, (_, c) => [`(${c + 1})`, `That grant ${m}-${i}-${c} for the youth service be approved.`] as [string, string])),
    ),
  });
  return planSave(record, { scope: 'meeting' }, {}, { meeting: undefined, items: [], clauses: [], deletions: [] }, SAVED_AT);
}

/** The records of synthetic meeting `m`, as a save of it writes them: for checking a sample of a restored library. */
export const syntheticMeeting = plan;

export interface SyntheticBackup {
  bytes: number;
  counts: { councils: number; committees: number; meetings: number; items: number; clauses: number };
}

/**
 * A backup file of `meetings` synthetic meetings of one council and committee, written by the
 * backup's own writer (backupStream.ts) a meeting's records at a time, table after table: the
 * meetings and items first (planned once), then every meeting's clauses (planned again), so
 * nothing bigger than a meeting is held.
 */
export function writeSyntheticBackup(file: string, meetings: number, items = 10, clauses = 100): SyntheticBackup {
  const writer = backupWriter(LIBRARY_VERSION, new Date(SAVED_AT));
  const fd = openSync(file, 'w');
  let first = true;
  const write = (batch: BackupRecord[]) => {
    if (batch.length === 0) return;
    writeSync(fd, writer.format(batch, first));
    first = false;
  };
  const counts = { councils: 1, committees: 1, meetings, items: 0, clauses: 0 };
  try {
    const sample = meeting();
    write([['councils', { host: sample.council.host, name: sample.council.name }]]);
    write([['committees', { host: sample.council.host, committeeId: sample.committee.id, name: sample.committee.name }]]);
    const itemRecords: BackupRecord[] = [];
    for (let m = 0; m < meetings; m += 1) {
      const p = plan(m, items, clauses);
      if (p.meeting) write([['meetings', p.meeting]]);
      itemRecords.push(...p.items.map((r): BackupRecord => ['items', r]));
    }
    counts.items = itemRecords.length;
    write(itemRecords);
    for (let m = 0; m < meetings; m += 1) {
      const p = plan(m, items, clauses);
      counts.clauses += p.clauses.length;
      write(p.clauses.map((r): BackupRecord => ['clauses', r]));
    }
    writeSync(fd, writer.closing());
  } finally {
    closeSync(fd);
  }
  return { bytes: statSync(file).size, counts };
}
