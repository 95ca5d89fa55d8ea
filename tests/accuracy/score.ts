import type { Clause, Extraction, Item } from '@/lib/moderngov/schema';
import type { ExpectedClause, ExpectedItem, ExpectedPage } from './expected';

/** Right out of how many. */
export interface Tally {
  right: number;
  of: number;
}

export interface PageScore {
  file: string;
  council: string;
  styles: string[];
  items: Tally;
  procedural: Tally;
  clauseCounts: Tally;
  clauseStarts: Tally;
  /** Of the clauses whose start is right: formula, section and exempt as expected. */
  provenance: Tally;
  /** What went wrong, one line each, for reading. */
  misses: string[];
}

const tally = (): Tally => ({ right: 0, of: 0 });
const count = (t: Tally, ok: boolean) => {
  t.of++;
  if (ok) t.right++;
};

/** Compared as a reader would: case, spacing and the shape of quotes and dashes aside. */
export function normalise(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

const normaliseLabel = (label: string | null) => (label === null ? null : label.replace(/\s+/g, ''));

function itemsOf(extraction: Extraction): Item[] {
  if (extraction.kind === 'meeting') return extraction.items;
  if (extraction.kind === 'item' || extraction.kind === 'decision') return [extraction.item];
  return [];
}

/** The extracted item an expected one stands for: by number, else (unnumbered) by title. */
function matchItem(expected: ExpectedItem, items: Item[], used: Set<Item>): Item | undefined {
  const title = normalise(expected.title);
  const free = items.filter((i) => !used.has(i));
  if (expected.number !== null) {
    const byNumber = free.filter((i) => i.number !== null && normalise(i.number) === normalise(expected.number!));
    return byNumber.find((i) => normalise(i.title) === title) ?? byNumber[0];
  }
  return free.find((i) => normalise(i.title) === title);
}

function clauseStartRight(expected: ExpectedClause, actual: Clause | undefined): boolean {
  return actual !== undefined && normaliseLabel(actual.label) === normaliseLabel(expected.label) && normalise(actual.text).startsWith(normalise(expected.start));
}

function provenanceRight(expected: ExpectedClause, actual: Clause): boolean {
  const formulaRight = expected.formula == null || normalise(actual.keyword) === normalise(expected.formula);
  return formulaRight && actual.section === expected.section && actual.exempt === expected.exempt;
}

/** Scores one page's extraction against what was written down by reading it. */
export function scorePage(file: string, expected: ExpectedPage, extraction: Extraction): PageScore {
  const score: PageScore = {
    file,
    council: expected.council,
    styles: expected.styles,
    items: tally(),
    procedural: tally(),
    clauseCounts: tally(),
    clauseStarts: tally(),
    provenance: tally(),
    misses: [],
  };
  if (extraction.kind === null) score.misses.push(`not read: ${extraction.reason}`);
  const items = itemsOf(extraction);
  const used = new Set<Item>();
  for (const want of expected.items) {
    const name = `item ${want.number ?? `"${want.title}"`}`;
    const got = matchItem(want, items, used);
    if (got) used.add(got);
    const itemRight = got !== undefined && normalise(got.title) === normalise(want.title);
    count(score.items, itemRight);
    if (!itemRight) score.misses.push(`${name}: ${got ? `title read as "${got.title}"` : 'not found'}`);
    count(score.procedural, got?.procedural === want.procedural);
    if (got && got.procedural !== want.procedural) score.misses.push(`${name}: procedural read as ${got.procedural}`);
    const clauses = got?.clauses ?? [];
    count(score.clauseCounts, clauses.length === want.clauses.length);
    if (clauses.length !== want.clauses.length) score.misses.push(`${name}: ${clauses.length} clauses read, ${want.clauses.length} expected`);
    want.clauses.forEach((clause, index) => {
      const actual = clauses[index];
      const right = clauseStartRight(clause, actual);
      count(score.clauseStarts, right);
      if (!right) {
        score.misses.push(`${name} clause ${index + 1}: expected ${clause.label ?? '-'} "${clause.start}", read ${actual ? `${actual.label ?? '-'} "${actual.text.slice(0, 60)}"` : 'nothing'}`);
      } else if (actual) {
        const provenance = provenanceRight(clause, actual);
        count(score.provenance, provenance);
        if (!provenance) {
          score.misses.push(`${name} clause ${index + 1}: read as ${actual.keyword}/${actual.section}/${actual.exempt ? 'exempt' : 'open'}, expected ${clause.formula ?? '?'}/${clause.section}/${clause.exempt ? 'exempt' : 'open'}`);
        }
      }
    });
  }
  return score;
}

export interface Totals {
  pages: number;
  councils: number;
  items: Tally;
  procedural: Tally;
  clauseCounts: Tally;
  clauseStarts: Tally;
  provenance: Tally;
}

export function total(scores: PageScore[]): Totals {
  const sum = (pick: (s: PageScore) => Tally): Tally =>
    scores.reduce((t, s) => ({ right: t.right + pick(s).right, of: t.of + pick(s).of }), tally());
  return {
    pages: scores.length,
    councils: new Set(scores.map((s) => s.council)).size,
    items: sum((s) => s.items),
    procedural: sum((s) => s.procedural),
    clauseCounts: sum((s) => s.clauseCounts),
    clauseStarts: sum((s) => s.clauseStarts),
    provenance: sum((s) => s.provenance),
  };
}

/** Totals per style: every page counts towards each style it carries. */
export function byStyle(scores: PageScore[]): Map<string, Totals> {
  const styles = new Map<string, PageScore[]>();
  for (const score of scores) for (const style of score.styles) styles.set(style, [...(styles.get(style) ?? []), score]);
  return new Map([...styles].sort(([a], [b]) => a.localeCompare(b)).map(([style, pages]) => [style, total(pages)]));
}

export const share = (t: Tally) => (t.of === 0 ? 1 : t.right / t.of);
