import { averageLinkage, type Edge } from './averageLinkage';
import type { CompareIndex, Neighbour } from './compareIndex';
import { groupLabel } from './label';
import type { CompareDoc, CompareGroup } from './schema';

/**
 * Docs whose similarity (cosine), averaged over every pair of members, is at least this form
 * one group. Tuned on the `tune` half of the labelled topics set (tests/fixtures/topics); its
 * `test` half reports the precision and recall reached (tests/unit/compare/topics.test.ts).
 */
export const GROUP_THRESHOLD = 0.115;

/** Pairs less alike than this count as nothing in a group's average: reading them would cost
 * time at library scale and could only lower an average. */
const EDGE_FLOOR = 0.05;

/** One word in common is no topic: two short items that both say "performance" score high
 * on that word alone. */
const MIN_SHARED_TERMS = 2;

/**
 * Terms held by more docs than this (2 % of the library, at least 500) are left out of the
 * scores that link docs. Their idf is low, so they add little to a score, but reading their
 * postings for every doc of a large library is most of the work of grouping it; a library of
 * fewer than 500 docs reads every term.
 */
const commonAbove = (size: number) => Math.max(500, Math.ceil(size * 0.02));

/** The indexed docs at least `EDGE_FLOOR` like a doc and sharing `MIN_SHARED_TERMS` terms with it. */
export function linkedNeighbours(index: CompareIndex, id: string): Neighbour[] {
  return index.similar(id, Number.POSITIVE_INFINITY, EDGE_FLOOR, commonAbove(index.size), MIN_SHARED_TERMS);
}

/** Every pair of indexed docs `linkedNeighbours` links, once, by position in `docs`. */
export function similarityEdges(index: CompareIndex, docs: CompareDoc[]): Edge[] {
  const position = new Map(docs.map((doc, i) => [doc.id, i]));
  const edges: Edge[] = [];
  index.pairs(EDGE_FLOOR, commonAbove(index.size), MIN_SHARED_TERMS, (one, other, score) => {
    const a = position.get(one.id);
    const b = position.get(other.id);
    if (a !== undefined && b !== undefined) edges.push({ a, b, score });
  });
  return edges;
}

/**
 * Groups of docs about one topic: average-linkage clusters of the index's docs at `threshold`
 * (see averageLinkage), whatever their councils. A doc like no other is no group. Largest
 * groups first; members by date.
 */
export function groupDocs(index: CompareIndex, threshold = GROUP_THRESHOLD): CompareGroup[] {
  const docs = [...index.docs()];
  return averageLinkage(docs.length, similarityEdges(index, docs), threshold).map((positions) => groupOf(index, positions.map((i) => docs[i] as CompareDoc))).sort(byLargest);
}

/** A group's label and members, earliest meeting first. */
export function groupOf(index: CompareIndex, members: CompareDoc[]): CompareGroup {
  const sorted = [...members].sort(byPlace);
  return {
    label: groupLabel(index, sorted),
    members: sorted.map(({ id, host, meetingDate, itemNumber, title }) => ({ id, host, meetingDate, itemNumber, title })),
  };
}

export function byLargest(a: CompareGroup, b: CompareGroup): number {
  return b.members.length - a.members.length || a.label.localeCompare(b.label);
}

/** Earliest meeting first; undated last; then council, then agenda order. */
function byPlace(a: CompareDoc, b: CompareDoc): number {
  return (
    (a.meetingDate ?? '9999').localeCompare(b.meetingDate ?? '9999') ||
    a.host.localeCompare(b.host) ||
    (a.itemNumber ?? '').localeCompare(b.itemNumber ?? '', 'en', { numeric: true }) ||
    a.id.localeCompare(b.id)
  );
}
