import type { LibraryDb } from '@/lib/library/db';
import { annotateClause, annotateItem } from '@/lib/library/queries';

/** Tags and a note on a saved item (`[host, meetingId, itemKey]`) or clause (and its `clauseIndex`),
 * the clause named by its saved label and text as the panel names it. */
export async function annotate(db: LibraryDb, key: [string, string, string] | [string, string, string, number], tags: string[], note: string): Promise<void> {
  const [host, meetingId, itemKey, clauseIndex] = key;
  if (clauseIndex === undefined) return annotateItem(db, { host, meetingId, itemKey }, { tags, note });
  const ref = { host, meetingId, itemKey, clauseIndex };
  const clause = await db.clauses.get([host, meetingId, itemKey, clauseIndex]);
  if (!clause) throw new Error(`no saved clause ${JSON.stringify(key)}`);
  return annotateClause(db, ref, clause, { tags, note });
}
