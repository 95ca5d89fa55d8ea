import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, openWithPanel, type ExtensionBrowser } from './support/browser';
import { SOUTHAMPTON } from './support/councils';
import { serveCouncil, type CouncilServer } from './support/server';

/**
 * A library stored by version 8 of the extension (items and clauses with their search `words`)
 * opens in this version: the browser's own IndexedDB runs the upgrade to version 9 (versions.ts)
 * and every record, note and tag is still there. Version 8's database is made from this version's
 * own by the browser's IndexedDB API: version 9 changed no table or index, only the records, so
 * its tables are version 8's, given back the `words` that version 8 stored.
 */

let browser: ExtensionBrowser;
let council: CouncilServer;
beforeAll(async () => {
  council = await serveCouncil({ ...SOUTHAMPTON.routes }, SOUTHAMPTON.host);
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  await council?.close();
});

interface StoreDump {
  name: string;
  keyPath: string | string[] | null;
  autoIncrement: boolean;
  indexes: { name: string; keyPath: string | string[]; unique: boolean; multiEntry: boolean }[];
  keys: unknown[];
  values: Record<string, unknown>[];
}

/** Every table of the library's database: its shape and its records with their keys. */
function dumpLibrary(library: Page): Promise<{ version: number; stores: StoreDump[] }> {
  return library.evaluate(async () => {
    const done = <T,>(request: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const db = await done(indexedDB.open('council-minutes'));
    const stores = [];
    for (const name of [...db.objectStoreNames]) {
      const store = db.transaction(name).objectStore(name);
      const indexes = [...store.indexNames].map((index) => {
        const { keyPath, unique, multiEntry } = store.index(index);
        return { name: index, keyPath, unique, multiEntry };
      });
      stores.push({ name, keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes, keys: await done(store.getAllKeys()), values: await done(store.getAll()) });
    }
    db.close();
    return { version: db.version, stores };
  });
}

/** Replaces the library's database with `stores` at IndexedDB version `version` (Dexie's version × 10). The page's own connection closes on the deletion. */
function replaceLibrary(library: Page, version: number, stores: StoreDump[]): Promise<void> {
  return library.evaluate(
    async ({ version, stores }) => {
      const done = <T,>(request: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      await done(indexedDB.deleteDatabase('council-minutes'));
      const open = indexedDB.open('council-minutes', version);
      open.onupgradeneeded = () => {
        for (const s of stores) {
          const store = open.result.createObjectStore(s.name, { keyPath: s.keyPath, autoIncrement: s.autoIncrement });
          for (const index of s.indexes) store.createIndex(index.name, index.keyPath, { unique: index.unique, multiEntry: index.multiEntry });
        }
      };
      const db = await done(open);
      const tx = db.transaction(stores.map((s) => s.name), 'readwrite');
      for (const s of stores) {
        const store = tx.objectStore(s.name);
        s.values.forEach((value, i) => (s.keyPath === null ? store.put(value, s.keys[i] as IDBValidKey) : store.put(value)));
      }
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { version, stores },
  );
}

/** Version 8 stored each item's and clause's words: its own text's, lower-cased. */
const v8WordsOf = (record: Record<string, unknown>): string[] => [
  ...new Set(String(record.text ?? record.minutes ?? record.title ?? '').toLowerCase().match(/[a-z0-9]+/g) ?? []),
];

const storeOf = (dump: { stores: StoreDump[] }, name: string): StoreDump => {
  const store = dump.stores.find((s) => s.name === name);
  if (!store) throw new Error(`No table ${name} in the library`);
  return store;
};

const TAXI_NOTE = 'Compare with the licensing policy of 2017';

describe('a library saved by version 8', () => {
  it('opens upgraded to version 9 with every record, note and tag; a record version 9 cannot read is kept as it was, and said so', { timeout: 120_000 }, async () => {
    // The researcher's library: the Southampton meeting, a clause with tags and a note, an item with a tag.
    const { page, panel } = await openWithPanel(browser, council.url(SOUTHAMPTON.meeting));
    await panel.getByRole('status').filter({ hasText: 'Found 4 items.' }).waitFor({ timeout: 20_000 });
    await panel.getByRole('button', { name: 'Save meeting (4 items)' }).click();
    await panel.getByText('✓ Meeting saved').waitFor();
    await panel.getByRole('button', { name: 'Tags and note for clause (i) of item 5' }).click();
    await panel.getByLabel('Tags (comma separated)').fill('taxis, licensing');
    await panel.getByLabel('Note').fill(TAXI_NOTE);
    await panel.getByRole('button', { name: 'Save tags and note for clause (i) of item 5' }).click();
    await panel.getByText(`Note: ${TAXI_NOTE}`).waitFor();
    await Promise.all([page.close(), panel.close()]);

    const library = await browser.openExtensionPage('library.html');
    await library.getByRole('status').filter({ hasText: '8 clauses match.' }).waitFor();
    const v9 = await dumpLibrary(library);
    expect(v9.version).toBe(90);
    const items = storeOf(v9, 'items');
    const clauses = storeOf(v9, 'clauses');
    // Items 5 to 8 of the page; clauses (i)-(iii) of item 5, (i)-(iv) of item 6 and item 8's one.
    expect(items.values).toHaveLength(4);
    expect(clauses.values).toHaveLength(8);
    for (const record of [...items.values, ...clauses.values]) expect(record).not.toHaveProperty('words');

    // Version 8's library: the same tables, items and clauses with their words, and one clause
    // whose text is not text (version 9 cannot read it; the upgrade must keep it all the same).
    const firstClause = clauses.values[0] ?? {};
    const unreadable = { ...firstClause, clauseIndex: 99, text: 42, note: 'A note on a record the upgrade cannot read' };
    const v8Stores = v9.stores.map((s) =>
      s.name === 'items' || s.name === 'clauses'
        ? { ...s, values: [...s.values, ...(s.name === 'clauses' ? [unreadable] : [])].map((r) => ({ ...r, words: v8WordsOf(r) })) }
        : s,
    );
    await replaceLibrary(library, 80, v8Stores);

    const warnings: string[] = [];
    library.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    await library.reload();
    await library.getByRole('status').filter({ hasText: /clauses? match/ }).waitFor();
    const upgraded = await dumpLibrary(library);
    expect(upgraded.version).toBe(90);
    expect(warnings.filter((w) => w.startsWith('Library upgrade: clause'))).toEqual([
      expect.stringContaining(`clause ${JSON.stringify([firstClause.host, firstClause.meetingId, firstClause.itemKey, 99])} kept as it was`),
    ]);

    // Every table but items, clauses and the record of changes is as it was, byte for byte.
    for (const s of v9.stores.filter((t) => !['items', 'clauses', 'changes'].includes(t.name))) {
      expect({ table: s.name, keys: storeOf(upgraded, s.name).keys, values: storeOf(upgraded, s.name).values }).toEqual({ table: s.name, keys: s.keys, values: s.values });
    }
    // Items and clauses are version 9's again, words dropped; the unreadable clause is kept whole, its words and note with it.
    expect(storeOf(upgraded, 'items').values).toEqual(items.values);
    expect(storeOf(upgraded, 'clauses').values).toEqual(expect.arrayContaining([...clauses.values, { ...unreadable, words: v8WordsOf(unreadable) }]));
    expect(storeOf(upgraded, 'clauses').values).toHaveLength(9);
    // The Compare view is told to read everything again.
    const changes = storeOf(upgraded, 'changes').values;
    expect(changes.slice(storeOf(v9, 'changes').values.length)).toEqual([{ items: [], goneItems: [], goneClauses: [], all: 1, seq: expect.any(Number) }]);

    // The researcher sees every clause, the unreadable one too, with its note; search finds the clause with tags and note.
    await library.getByRole('status').filter({ hasText: '9 clauses match.' }).waitFor();
    expect(await library.locator('table.results tbody tr td:nth-child(8)').allTextContents()).toEqual(expect.arrayContaining([TAXI_NOTE, unreadable.note]));
    await library.getByRole('searchbox', { name: 'Search' }).fill('taxi licence');
    await library.getByRole('status').filter({ hasText: '1 clause matches.' }).waitFor();
    const row = await library.locator('table.results tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].slice(4, 8).map((td) => td.textContent)));
    expect(row).toEqual([[expect.stringMatching(/^\(i\) That the Licensing Committee consider making CSE training a condition/), expect.any(String), 'taxis, licensing', TAXI_NOTE]]);
    await library.close();
  });
  it('says how far the update has come while it rewrites a library bigger than a batch, and shows the library once done', { timeout: 120_000 }, async () => {
    const library = await browser.openExtensionPage('library.html');
    await library.getByRole('status').filter({ hasText: /clauses? match/ }).waitFor();
    const v9 = await dumpLibrary(library);
    const clauses = storeOf(v9, 'clauses');
    const [first] = clauses.values;
    // 5,000 more clauses on an item of the meeting (in the table only: search's index does not count them): the upgrade rewrites them in three batches and more.
    const copies = Array.from({ length: 5_000 }, (_, k) => ({ ...first, clauseIndex: 1_000 + k }));
    const v8Stores = v9.stores.map((s) =>
      s.name === 'items' || s.name === 'clauses' ? { ...s, values: [...s.values, ...(s.name === 'clauses' ? copies : [])].map((r) => ({ ...r, words: v8WordsOf(r) })) } : s,
    );
    const total = storeOf(v9, 'items').values.length + clauses.values.length + copies.length;
    await replaceLibrary(library, 80, v8Stores);

    // Every text the notice shows, as the page draws it.
    await library.addInitScript(() => {
      const seen: string[] = ((window as unknown as { seenNotices: string[] }).seenNotices = []);
      new MutationObserver(() => {
        const text = document.querySelector('.upgrade-notice')?.textContent;
        if (text && seen.at(-1) !== text) seen.push(text);
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await library.reload();
    await library.getByRole('status').filter({ hasText: /clauses? match/ }).waitFor({ timeout: 60_000 });
    const upgraded = storeOf(await dumpLibrary(library), 'clauses').values;
    expect(upgraded).toHaveLength(clauses.values.length + copies.length);
    expect(upgraded.filter((c) => 'words' in c).map((c) => c.clauseIndex)).toEqual([99]);
    const seen = await library.evaluate(() => (window as unknown as { seenNotices: string[] }).seenNotices);
    expect(seen.length).toBeGreaterThan(0);
    for (const text of seen) expect(text).toMatch(new RegExp(`^Updating your library for this version of Council Minutes: [\\d,]+ of ${total.toLocaleString('en-GB')} items and clauses\\. Keep this open`));
    expect(await library.locator('.upgrade-notice').count()).toBe(0);
    await library.close();
  });
});
