import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach } from 'vitest';
import { LibraryDb } from '@/lib/library/db';

/** A fresh library and a mount point for each test of a view, read through the returned object
 * (they change from test to test). The test imports 'fake-indexeddb/auto' first, before Dexie. */
export function mountedLibrary(name: string): { readonly root: HTMLElement; readonly db: LibraryDb } {
  let root: HTMLElement;
  let db: LibraryDb;
  let n = 0;
  beforeEach(async () => {
    root = document.createElement('div');
    document.body.append(root);
    db = new LibraryDb(`${name}-${++n}-${Date.now()}`);
    await db.open();
  });
  afterEach(async () => {
    act(() => render(null, root));
    root.remove();
    db.close();
    await db.delete();
  });
  return {
    get root() {
      return root;
    },
    get db() {
      return db;
    },
  };
}
