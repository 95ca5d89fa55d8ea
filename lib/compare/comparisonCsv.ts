import type { Comparison } from './comparison';
import { toCsv } from '../export/csv';

export const COMPARISON_COLUMNS = [
  'topic', 'council', 'host', 'meeting_date', 'item_number', 'item_title', 'clause_label', 'clause_text', 'outcome',
] as const;

type ComparisonRow = Record<(typeof COMPARISON_COLUMNS)[number], string>;

/** The comparison as a spreadsheet: one row per clause (or per item without saved clauses), council by council. */
export function comparisonCsv(topic: string, comparison: Comparison): string {
  const rows: ComparisonRow[] = comparison.columns.flatMap((column) =>
    column.entries.flatMap(({ item, clauses }) => {
      const base = { topic, council: column.council, host: column.host, meeting_date: item.date, item_number: item.number ?? '', item_title: item.title };
      if (clauses.length === 0) return [{ ...base, clause_label: '', clause_text: '', outcome: '' }];
      return clauses.map((c) => ({ ...base, clause_label: c.label ?? '', clause_text: c.text, outcome: c.outcome }));
    }),
  );
  return toCsv(rows, [...COMPARISON_COLUMNS]);
}
