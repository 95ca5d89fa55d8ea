import type { CompareIndex } from './compareIndex';
import { groupLabel } from './label';
import type { CompareDoc, CompareGroup } from './schema';
import { UnionFind } from './unionFind';

/**
 * Docs at least this similar (cosine) are linked. Read off the fixture meetings: the two
 * councils' "Child Sexual Exploitation" items score 0.37–0.41 (seed pages alone, or with every
 * fixture meeting), "Missing Children and Young People" and a "Children Missing from Care"
 * item 0.49–0.54; the closest pair on different topics, Southampton's CSE item and a missing
 * children item (CSE minutes talk of missing children too), 0.18–0.23.
 */
export const GROUP_THRESHOLD = 0.3;

/** One word in common is no topic: two short items that both say "performance" score high
 * on that word alone. */
const MIN_SHARED_TERMS = 2;

/**
 * Groups of docs about one topic: each doc is linked to every neighbour scoring at least
 * `threshold` (and sharing `MIN_SHARED_TERMS` terms), whatever its council, and linked docs
 * form one group (union-find). A doc linked to none is no group. Largest groups first;
 * members by date.
 */
export function groupDocs(index: CompareIndex, threshold = GROUP_THRESHOLD): CompareGroup[] {
  const sets = new UnionFind();
  for (const doc of index.docs()) {
    for (const neighbour of index.similar(doc.id, Number.POSITIVE_INFINITY, threshold)) {
      if (neighbour.shared >= MIN_SHARED_TERMS) sets.union(doc.id, neighbour.doc.id);
    }
  }
  const byRoot = new Map<string, CompareDoc[]>();
  for (const doc of index.docs()) {
    const root = sets.find(doc.id);
    const members = byRoot.get(root);
    if (members) members.push(doc);
    else byRoot.set(root, [doc]);
  }
  return [...byRoot.values()]
    .filter((members) => members.length > 1)
    .map((members) => members.sort(byPlace))
    .map((members) => ({
      label: groupLabel(index, members),
      members: members.map(({ id, host, meetingDate, itemNumber, title }) => ({ id, host, meetingDate, itemNumber, title })),
    }))
    .sort((a, b) => b.members.length - a.members.length || a.label.localeCompare(b.label));
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
