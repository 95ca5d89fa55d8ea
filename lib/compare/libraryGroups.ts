import { itemKey } from '../library/identity';
import type { SavedClause, SavedItem } from '../library/schema';
import { docsFromLibrary } from './adapters';
import { CompareIndex } from './compareIndex';
import type { CompareDoc, CompareGroup } from './schema';
import { TopicGroups } from './topicGroups';

/** What the view last read of a saved item: when it was written (every save that writes an item or
 * any of its clauses rewrites the item's `savedAt`; deleting one clause does not, and the item keeps
 * that clause's words until the view opens again), and the id of its compare doc. */
interface Seen {
  savedAt: string;
  procedural: boolean;
  id: string;
  /** The update that last found the item in the library. */
  update: number;
}

/**
 * The library's topic groups, kept current while the Compare view is open: the first `update`
 * indexes and groups every saved item (average linkage, as `groupDocs`); each later one is given
 * the whole library again (the view re-reads it from IndexedDB on every change), compares stamps,
 * and indexes and places only the items saved, changed or deleted since (TopicGroups).
 *
 * Each distinct text is indexed once: the same item saved from several meetings of a council (a
 * standing report republished) would otherwise count its words as common and make the topic look
 * less like itself in other councils. Its copies go where it goes (`copiesOf`).
 */
export class LibraryGroups {
  readonly index = new CompareIndex();
  private readonly topics = new TopicGroups(this.index);
  /** Each saved item's stamp and id (its compare doc's), by its fields joined: cheaper to build than the id for every item on every change. */
  /** By the item's fields joined: cheaper to build than its id for every item on every change. */
  private readonly seen = new Map<string, Seen>();
  private updates = 0;
  /** Items with one text (host, title and text), the indexed one first. */
  private readonly copies = new Map<string, string[]>();
  private readonly textOf = new Map<string, string>();
  /** The docs of copies not indexed, to index one if the indexed copy goes. */
  private readonly spare = new Map<string, CompareDoc>();
  private started = false;

  /** Takes the library as it is now; returns how many items were new, changed or gone since the last update. */
  update(items: SavedItem[], clauses: SavedClause[]): number {
    // Read on every change of the library: only the items' keys and stamps are looked at, and the
    // clauses only of the meetings whose items changed.
    const update = ++this.updates;
    const changed: SavedItem[] = [];
    for (const item of items) {
      const key = `${item.host}\u0000${item.meetingId}\u0000${item.itemKey}`;
      const before = this.seen.get(key);
      if (before?.savedAt === item.savedAt && before.procedural === item.procedural) {
        before.update = update;
        continue;
      }
      const id = before?.id ?? itemKey(item);
      this.seen.set(key, { savedAt: item.savedAt, procedural: item.procedural, id, update });
      changed.push(item);
      this.drop(id);
    }
    let gone = 0;
    for (const [key, { id, update: last }] of this.seen) {
      if (last === update) continue;
      this.seen.delete(key);
      this.drop(id);
      gone++;
    }
    // By meeting id alone (no string built per clause): another council's meeting of the same id
    // only adds clauses that docsFromLibrary, joining by the whole item key, leaves out.
    const meetings = new Set(changed.map((item) => item.meetingId));
    const theirClauses = changed.length === items.length ? clauses : clauses.filter((clause) => meetings.has(clause.meetingId));
    const fresh: CompareDoc[] = [];
    for (const doc of docsFromLibrary(changed, theirClauses)) {
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
    return changed.length + gone;
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
