import { itemKey } from '../library/identity';
import type { SavedClause, SavedItem } from '../library/schema';
import { docsFromLibrary } from './adapters';
import { CompareIndex } from './compareIndex';
import type { CompareDoc, CompareGroup } from './schema';
import { TopicGroups } from './topicGroups';

/** What an item is when read: a save rewrites `savedAt` of the item and of each clause it writes. */
function stampsOf(items: SavedItem[], clauses: SavedClause[]): Map<string, string> {
  const ofClauses = new Map<string, string>();
  for (const clause of clauses) {
    const id = itemKey(clause);
    ofClauses.set(id, `${ofClauses.get(id) ?? ''}${clause.clauseIndex}@${clause.savedAt};`);
  }
  return new Map(items.map((item) => [itemKey(item), `${item.savedAt}|${item.procedural}|${ofClauses.get(itemKey(item)) ?? ''}`]));
}

/**
 * The library's topic groups, kept current while the Compare view is open: the first `update`
 * indexes and groups every saved item (average linkage, as `groupDocs`); each later one reads
 * only the items saved, changed or deleted since and places them in the groups (TopicGroups).
 *
 * Each distinct text is indexed once: the same item saved from several meetings of a council (a
 * standing report republished) would otherwise count its words as common and make the topic look
 * less like itself in other councils. Its copies go where it goes (`copiesOf`).
 */
export class LibraryGroups {
  readonly index = new CompareIndex();
  private readonly topics = new TopicGroups(this.index);
  private stamps = new Map<string, string>();
  /** Items with one text (host, title and text), the indexed one first. */
  private readonly copies = new Map<string, string[]>();
  private readonly textOf = new Map<string, string>();
  /** The docs of copies not indexed, to index one if the indexed copy goes. */
  private readonly spare = new Map<string, CompareDoc>();
  private started = false;

  /** Takes the library as it is now; returns how many items were new, changed or gone since the last update. */
  update(items: SavedItem[], clauses: SavedClause[]): number {
    const stamps = stampsOf(items, clauses);
    const changed = items.filter((item) => this.stamps.get(itemKey(item)) !== stamps.get(itemKey(item)));
    const gone = [...this.stamps.keys()].filter((id) => !stamps.has(id));
    this.stamps = stamps;
    for (const id of [...gone, ...changed.map(itemKey)]) this.drop(id);
    const ids = new Set(changed.map(itemKey));
    const fresh: CompareDoc[] = [];
    for (const doc of docsFromLibrary(changed, clauses.filter((clause) => ids.has(itemKey(clause))))) {
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
    return changed.length + gone.length;
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
