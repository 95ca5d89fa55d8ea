import type { Timeline } from './timeline';
import { toCsv } from '../export/csv';

export const TIMELINE_COLUMNS = [
  'topic', 'council', 'host', 'year', 'meeting_date', 'committee', 'item_number', 'item_title', 'outcome',
] as const;

type TimelineRow = Record<(typeof TIMELINE_COLUMNS)[number], string>;

/** The topic over time as a spreadsheet: one row per item, council by council, each council's in date order. */
export function timelineCsv(topic: string, timeline: Timeline): string {
  const rows: TimelineRow[] = timeline.rows.flatMap((row) =>
    timeline.years.flatMap((year) =>
      (row.byYear.get(year) ?? []).map(({ item, outcome }) => ({
        topic,
        council: row.council,
        host: row.host,
        year,
        meeting_date: item.date,
        committee: item.committeeName,
        item_number: item.number ?? '',
        item_title: item.title,
        outcome,
      })),
    ),
  );
  return toCsv(rows, [...TIMELINE_COLUMNS]);
}
