import { averageLinkage } from './averageLinkage';
import type { CompareIndex, Neighbour } from './compareIndex';
import { byLargest, GROUP_THRESHOLD, groupOf, linkedNeighbours, similarityEdges } from './group';
import type { CompareDoc, CompareGroup } from './schema';

/**
 * Topic groups kept current as items are saved, without grouping the whole library again.
 * `regroup` clusters every doc (average linkage, as `groupDocs`); `add` places each new doc in
 * the group whose members it is on average most like, when that average reaches the threshold,
 * or pairs it with its closest ungrouped neighbour at the threshold: the step average linkage
 * would take first for that doc. Groups already formed are not reconsidered, and the weights of
 * old docs drift as new words arrive: the Compare view regroups each time it opens
 * (libraryGroups.ts), and keeps the groups current this way while it is open.
 */
export class TopicGroups {
  private readonly groupOfDoc = new Map<string, number>();
  private readonly members = new Map<number, Set<string>>();
  private nextGroup = 0;
  /** Each group as shown (label and members), worked out again only when its members change:
   * labelling every group of a large library again would cost more than placing a saved meeting. */
  private readonly shown = new Map<number, CompareGroup>();
  /** The groups as last listed, in order: a saved meeting changes a few, and sorting every
   * group again (labels compared by locale) cost more than placing it. */
  private listed: { group: number; shown: CompareGroup }[] = [];

  constructor(
    readonly index: CompareIndex,
    readonly threshold = GROUP_THRESHOLD,
  ) {}

  regroup(): void {
    this.groupOfDoc.clear();
    this.members.clear();
    this.shown.clear();
    const docs = [...this.index.docs()];
    for (const positions of averageLinkage(docs.length, similarityEdges(this.index, docs), this.threshold)) {
      this.form(positions.map((i) => (docs[i] as CompareDoc).id));
    }
  }

  /** Indexes the docs (a saved meeting's items) and places each in a group, or in none. */
  add(docs: CompareDoc[]): void {
    for (const doc of docs) {
      this.leave(doc.id);
      this.index.add(doc);
    }
    for (const doc of docs) this.place(doc.id);
  }

  remove(id: string): void {
    this.leave(id);
    this.index.remove(id);
  }

  /** Largest first (`byLargest`), then in the order the groups were formed. */
  groups(): CompareGroup[] {
    // A group's shown copy is dropped whenever its members change or it goes: the others keep their places.
    const kept = this.listed.filter(({ group, shown }) => this.shown.get(group) === shown);
    const changed: { group: number; shown: CompareGroup }[] = [];
    for (const [group, ids] of this.members) {
      if (this.shown.has(group)) continue;
      const shown = groupOf(this.index, [...ids].map((id) => this.index.get(id) as CompareDoc));
      this.shown.set(group, shown);
      changed.push({ group, shown });
    }
    for (const entry of changed) kept.splice(firstAfter(kept, entry), 0, entry);
    this.listed = kept;
    return kept.map(({ shown }) => shown);
  }

  private place(id: string): void {
    const sums = new Map<number, number>();
    let single: Neighbour | undefined;
    for (const neighbour of linkedNeighbours(this.index, id)) {
      const group = this.groupOfDoc.get(neighbour.doc.id);
      if (group !== undefined) sums.set(group, (sums.get(group) ?? 0) + neighbour.score);
      else if (!single || neighbour.score > single.score) single = neighbour;
    }
    let best: number | undefined;
    let bestAverage = this.threshold;
    for (const [group, sum] of sums) {
      const average = sum / (this.members.get(group) as Set<string>).size;
      if (average >= bestAverage) {
        best = group;
        bestAverage = average;
      }
    }
    if (best !== undefined && (!single || bestAverage >= single.score)) {
      (this.members.get(best) as Set<string>).add(id);
      this.groupOfDoc.set(id, best);
      this.shown.delete(best);
    } else if (single && single.score >= this.threshold) this.form([id, single.doc.id]);
  }

  private form(ids: string[]): void {
    const group = this.nextGroup++;
    this.members.set(group, new Set(ids));
    for (const id of ids) this.groupOfDoc.set(id, group);
  }

  /** Takes a doc out of its group; a group left with one member is no group. */
  private leave(id: string): void {
    const group = this.groupOfDoc.get(id);
    if (group === undefined) return;
    this.groupOfDoc.delete(id);
    this.shown.delete(group);
    const rest = this.members.get(group) as Set<string>;
    rest.delete(id);
    if (rest.size < 2) {
      for (const other of rest) this.groupOfDoc.delete(other);
      this.members.delete(group);
    }
  }
}

/** Where `entry` goes in a list in group order: after every group listed before it. */
function firstAfter(list: { group: number; shown: CompareGroup }[], entry: { group: number; shown: CompareGroup }): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    const other = list[mid] as { group: number; shown: CompareGroup };
    if ((byLargest(other.shown, entry.shown) || other.group - entry.group) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}
