import { itemKey } from '../library/identity';
import type { SavedClause, SavedItem } from '../library/schema';
import { placeTermsOf, tokensOf } from './normalise';

/** One council's column: its items on the topic, earliest meeting first, each with its saved clauses. */
export interface ComparisonColumn {
  host: string;
  council: string;
  entries: { item: SavedItem; clauses: SavedClause[] }[];
}

export interface Comparison {
  columns: ComparisonColumn[];
  /** Terms printed in more than one council's column: the wording they share. */
  shared: ReadonlySet<string>;
  /** Place terms of every council compared: never highlighted as shared wording. */
  places: ReadonlySet<string>;
}

/** Lays out the items with the given ids (their `itemKey`s, as compare docs name them) side by side by council. */
export function buildComparison(ids: string[], items: SavedItem[], clauses: SavedClause[]): Comparison {
  const wanted = new Set(ids);
  const chosen = items.filter((item) => wanted.has(itemKey(item)));
  const clausesOf = new Map<string, SavedClause[]>();
  for (const clause of clauses) {
    const key = itemKey(clause);
    if (!wanted.has(key)) continue;
    clausesOf.set(key, [...(clausesOf.get(key) ?? []), clause].sort((a, b) => a.clauseIndex - b.clauseIndex));
  }
  const byHost = new Map<string, ComparisonColumn>();
  for (const item of chosen) {
    const column = byHost.get(item.host) ?? { host: item.host, council: item.councilName ?? item.host, entries: [] };
    column.entries.push({ item, clauses: clausesOf.get(itemKey(item)) ?? [] });
    byHost.set(item.host, column);
  }
  const columns = [...byHost.values()].sort((a, b) => a.council.localeCompare(b.council));
  for (const column of columns) column.entries.sort((a, b) => a.item.date.localeCompare(b.item.date) || a.item.order - b.item.order);

  const places = new Set(columns.flatMap((c) => placeTermsOf(c.council, c.host)));
  const columnsWith = new Map<string, number>();
  for (const column of columns) {
    const terms = new Set(
      column.entries.flatMap(({ item, clauses: cs }) => tokensOf([item.title, ...cs.map((c) => c.text), ...item.notedPoints].join('\n'), places).map((t) => t.term)),
    );
    for (const term of terms) columnsWith.set(term, (columnsWith.get(term) ?? 0) + 1);
  }
  const shared = new Set([...columnsWith].filter(([, n]) => n > 1).map(([term]) => term));
  return { columns, shared, places };
}

/** A text cut into runs, marking the words whose term the councils share (rendered as text, never HTML). */
export function highlightShared(text: string, comparison: Pick<Comparison, 'shared' | 'places'>): { text: string; shared: boolean }[] {
  const runs: { text: string; shared: boolean }[] = [];
  for (const part of text.split(/([A-Za-z\u00C0-\u024F'’]+)/)) {
    if (!part) continue;
    const token = /[A-Za-z]/.test(part) ? tokensOf(part, comparison.places)[0] : undefined;
    const shared = token !== undefined && comparison.shared.has(token.term);
    const last = runs[runs.length - 1];
    if (last && last.shared === shared) last.text += part;
    else runs.push({ text: part, shared });
  }
  // "Child Sexual Exploitation" is one marked phrase, not three marked words.
  return runs.reduce<{ text: string; shared: boolean }[]>((merged, run, i) => {
    const before = merged[merged.length - 1];
    const gap = !run.shared && /^\s+$/.test(run.text) && before?.shared && runs[i + 1]?.shared;
    if (before && (gap || (run.shared && before.shared))) before.text += run.text;
    else merged.push({ ...run });
    return merged;
  }, []);
}
