import type { Everything, LibraryChanges } from '../library/changes';
import { itemKey, parseClauseKey, type ItemKey } from '../library/identity';
import type { SavedClause, SavedItem } from '../library/schema';
import { LibraryGroups } from './libraryGroups';

/**
 * The Compare view's own copy of the library: every item and its clauses by key, and their topic
 * groups, read whole when the view opens (`open`) and then kept current from the library's record
 * of changes (`apply`), never read whole again unless the changes say so (a restore).
 */
export class CompareLibrary {
  readonly items = new Map<ItemKey, SavedItem>();
  private readonly clausesOf = new Map<ItemKey, SavedClause[]>();
  readonly groups = new LibraryGroups();

  private constructor(
    /** The stamp of the last change this copy includes. */
    public stamp: number,
  ) {}

  static open({ stamp, items, clauses }: Everything): CompareLibrary {
    const live = new CompareLibrary(stamp);
    live.take(items, clauses);
    live.groups.apply(items, clauses);
    return live;
  }

  /** This copy with the changes in; a new copy, grouped afresh, when they are the whole library (`all`). */
  apply(changes: LibraryChanges): CompareLibrary {
    if (changes.all) return CompareLibrary.open(changes);
    for (const key of changes.goneItemKeys) {
      this.items.delete(key);
      this.clausesOf.delete(key);
    }
    for (const key of changes.goneClauseKeys) {
      const ref = parseClauseKey(key);
      const id = itemKey(ref);
      const left = this.clausesOf.get(id)?.filter((clause) => clause.clauseIndex !== ref.clauseIndex);
      if (left) this.clausesOf.set(id, left);
    }
    // A changed item comes with every clause it has: its list is replaced.
    for (const item of changes.items) this.clausesOf.delete(itemKey(item));
    this.take(changes.items, changes.clauses);
    this.groups.apply(changes.items, changes.clauses, changes.goneItemKeys);
    this.stamp = changes.stamp;
    return this;
  }

  /** An item's clauses, in their order. */
  clausesOfItem(id: ItemKey): SavedClause[] {
    return this.clausesOf.get(id) ?? [];
  }

  /** The items of these keys (those still here) and their clauses. */
  pick(ids: string[]): { items: SavedItem[]; clauses: SavedClause[] } {
    const items = [...new Set(ids)].map((id) => this.items.get(id as ItemKey)).filter((item): item is SavedItem => item !== undefined);
    return { items, clauses: items.flatMap((item) => this.clausesOfItem(itemKey(item))) };
  }

  private take(items: SavedItem[], clauses: SavedClause[]): void {
    for (const item of items) this.items.set(itemKey(item), item);
    const touched = new Set<SavedClause[]>();
    for (const clause of clauses) {
      const id = itemKey(clause);
      let list = this.clausesOf.get(id);
      if (!list) this.clausesOf.set(id, (list = []));
      list.push(clause);
      touched.add(list);
    }
    for (const list of touched) list.sort((a, b) => a.clauseIndex - b.clauseIndex);
  }
}
