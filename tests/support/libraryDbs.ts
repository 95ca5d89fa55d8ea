import { LibraryDb } from '@/lib/library/db';

/** Fresh, opened library databases for a test file (fake-indexeddb), each named apart; `closeAll` after each test removes them. */
export function libraryDbs(prefix: string): { open(): Promise<LibraryDb>; closeAll(): Promise<void> } {
  let n = 0;
  const opened: LibraryDb[] = [];
  return {
    async open() {
      const db = new LibraryDb(`${prefix}-${++n}-${Date.now()}`);
      await db.open();
      opened.push(db);
      return db;
    },
    async closeAll() {
      for (const db of opened.splice(0)) {
        db.close();
        await db.delete();
      }
    },
  };
}
