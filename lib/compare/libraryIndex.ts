import type { SavedClause, SavedItem } from '../library/schema';
import { docsFromLibrary } from './adapters';
import { CompareIndex } from './compareIndex';

export interface LibraryIndex {
  index: CompareIndex;
  /** Every saved item with the same council, title and text as the indexed one (itself included). */
  copiesOf(id: string): string[];
}

/**
 * The library's items in a compare index, each distinct text once: the same item saved from
 * several meetings of a council (a standing report republished) would otherwise count its words
 * as common and make the topic look less like itself in other councils.
 */
export function indexLibrary(items: SavedItem[], clauses: SavedClause[]): LibraryIndex {
  const index = new CompareIndex();
  const copies = new Map<string, string[]>();
  const firstOf = new Map<string, string>();
  for (const doc of docsFromLibrary(items, clauses)) {
    const key = `${doc.host}\u0000${doc.title}\u0000${doc.text}`;
    const first = firstOf.get(key);
    if (first) {
      copies.get(first)?.push(doc.id);
      continue;
    }
    firstOf.set(key, doc.id);
    copies.set(doc.id, [doc.id]);
    index.add(doc);
  }
  return { index, copiesOf: (id) => copies.get(id) ?? [id] };
}
