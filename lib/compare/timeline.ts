import type { SavedClause, SavedItem } from '../library/schema';
import { outcomeSummary } from './adapters';
import type { Comparison } from './comparison';

/** One item of a topic in a council's history: when, where, and what was done. */
export interface TimelineEntry {
  item: SavedItem;
  clauses: SavedClause[];
  /** "agreed, noted"; '' when no clause was read or saved. */
  outcome: string;
}

/** A council's row: its entries on the topic by year ('' for an undated meeting). */
export interface TimelineRow {
  host: string;
  council: string;
  byYear: Map<string, TimelineEntry[]>;
}

/** One topic across councils (rows) and years (columns). */
export interface Timeline {
  years: string[];
  rows: TimelineRow[];
}

const yearOf = (date: string) => date.slice(0, 4);

/** The comparison's items laid out by council and year: each council's entries stay in date order. */
export function topicTimeline(comparison: Comparison): Timeline {
  const years = new Set<string>();
  const rows = comparison.columns.map((column) => {
    const byYear = new Map<string, TimelineEntry[]>();
    for (const { item, clauses } of column.entries) {
      const year = yearOf(item.date);
      years.add(year);
      const entry = { item, clauses, outcome: outcomeSummary(clauses.map((c) => c.outcome)) };
      byYear.set(year, [...(byYear.get(year) ?? []), entry]);
    }
    return { host: column.host, council: column.council, byYear };
  });
  // Undated last.
  return { years: [...years].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b))), rows };
}

/** One council's items on the topic across its meetings, earliest first (an annual report that comes back). */
export function councilHistory(timeline: Timeline, host: string): TimelineEntry[] {
  const row = timeline.rows.find((r) => r.host === host);
  if (!row) return [];
  return timeline.years.flatMap((year) => row.byYear.get(year) ?? []);
}
