import { afterEach, beforeEach } from 'vitest';
import { LibraryDb } from '@/lib/library/db';
import { dexieLibrary, type LibraryService } from '@/lib/library/service';
import { mountPoint } from './mountPoint';

/** A fresh library and a mount point for each test of a view, read through the returned object
 * (they change from test to test). The test imports 'fake-indexeddb/auto' first, before Dexie. */
export function mountedLibrary(name: string): { readonly root: HTMLElement; readonly db: LibraryDb; readonly library: LibraryService } {
  const mounted = mountPoint();
  let db: LibraryDb;
  let n = 0;
  beforeEach(async () => {
    db = new LibraryDb(`${name}-${++n}-${Date.now()}`);
    await db.open();
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });
  return {
    get root() {
      return mounted.root;
    },
    get db() {
      return db;
    },
    /** The library service over this test's database. */
    get library() {
      return dexieLibrary(db);
    },
  };
}
