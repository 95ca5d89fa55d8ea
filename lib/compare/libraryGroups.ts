import { itemKey } from '../library/identity';
import type { SavedClause, SavedItem } from '../library/schema';
import { docsFromLibrary } from './adapters';
import { CompareIndex } from './compareIndex';
import type { CompareDoc, CompareGroup } from './schema';
import { TopicGroups } from './topicGroups';

/**
 * The library's topic groups, kept current while the Compare view is open: the first `apply`
 * indexes and groups every saved item (average linkage, as `groupDocs`); each later one is given
 * only what changed since (the library's record of changes, `changesSince`): it indexes and places
 * the items saved or changed, with their clauses (TopicGroups), and drops those gone. An item whose
 * clause was deleted comes back changed, so the clause's words leave its scores.
 *
 * Each distinct text is indexed once: the same item saved from several meetings of a council (a
 * standing report republished) would otherwise count its words as common and make the topic look
 * less like itself in other councils. Its copies go where it goes (`copiesOf`).
 */
export class LibraryGroups {
  readonly index = new CompareIndex();
  private readonly topics = new TopicGroups(this.index);
  /** Items with one text (host, title and text), the indexed one first. */
  private readonly copies = new Map<string, string[]>();
  private readonly textOf = new Map<string, string>();
  /** The docs of copies not indexed, to index one if the indexed copy goes. */
  private readonly spare = new Map<string, CompareDoc>();
  private started = false;

  /**
   * Takes items saved or changed (each with every clause it has: `clauses`) and the keys of items
   * gone; the first call takes the whole library. Returns how many items were placed again or dropped.
   */
  apply(changed: SavedItem[], clauses: SavedClause[], gone: Iterable<string> = []): number {
    let count = 0;
    for (const id of gone) {
      if (!this.textOf.has(id)) continue;
      this.drop(id);
      count++;
    }
    const docs = docsFromLibrary(changed, clauses);
    // An item now procedural has no doc: its old one goes.
    const withDoc = new Set(docs.map((doc) => doc.id));
    for (const item of changed) {
      const id = itemKey(item);
      if (withDoc.has(id) || !this.textOf.has(id)) continue;
      this.drop(id);
      count++;
    }
    const fresh: CompareDoc[] = [];
    for (const doc of docs) {
      // Tags and notes are not compared: an annotated item stays where it is.
      const before = this.index.get(doc.id) ?? this.spare.get(doc.id);
      if (before && JSON.stringify(before) === JSON.stringify(doc)) continue;
      this.drop(doc.id);
      count++;
      const text = `${doc.host}\u0000${doc.title}\u0000${doc.text}`;
      this.textOf.set(doc.id, text);
      const list = this.copies.get(text);
      if (list) {
        list.push(doc.id);
        this.spare.set(doc.id, doc);
      } else {
        this.copies.set(text, [doc.id]);
        fresh.push(doc);
      }
    }
    if (this.started) this.topics.add(fresh);
    else {
      for (const doc of fresh) this.index.add(doc);
      this.topics.regroup();
      this.started = true;
    }
    return count;
  }

  groups(): CompareGroup[] {
    return this.topics.groups();
  }

  /** Every saved item with the same council, title and text as the indexed one (itself included). */
  copiesOf(id: string): string[] {
    const text = this.textOf.get(id);
    return (text === undefined ? undefined : this.copies.get(text)) ?? [id];
  }

  private drop(id: string): void {
    const text = this.textOf.get(id);
    if (text === undefined) return;
    this.textOf.delete(id);
    this.spare.delete(id);
    const list = this.copies.get(text) as string[];
    const at = list.indexOf(id);
    list.splice(at, 1);
    if (at !== 0) return;
    this.topics.remove(id);
    const next = list[0];
    if (next === undefined) this.copies.delete(text);
    else {
      // Another copy takes the text's place in the index and the groups.
      this.topics.add([this.spare.get(next) as CompareDoc]);
      this.spare.delete(next);
    }
  }
}
