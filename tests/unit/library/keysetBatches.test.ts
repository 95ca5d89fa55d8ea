import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keysetBatches } from '@/lib/library/keysetBatches';
import { hostKeys } from '@/lib/library/meetingRows';

interface Row {
  host: string;
  n: number;
}

let db: Dexie & { rows: Dexie.Table<Row, [string, number]> };
let k = 0;
beforeEach(async () => {
  db = new Dexie(`keyset-${++k}-${Date.now()}`) as typeof db;
  db.version(1).stores({ rows: '[host+n]' });
  // Hosts that sort either side of 'b.gov.uk', and one it begins.
  const hosts = ['a.gov.uk', 'b.gov.uk', 'b.gov.uk.example', 'c.gov.uk'];
  await db.rows.bulkPut(hosts.flatMap((host) => Array.from({ length: 25 }, (_, n) => ({ host, n }))));
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const all = async (batches: AsyncGenerator<Row[]>) => {
  const sizes: number[] = [];
  const rows: Row[] = [];
  for await (const batch of batches) sizes.push(batch.length), rows.push(...batch);
  return { sizes, rows };
};

describe('keysetBatches', () => {
  it('reads a whole table in key order, a batch at a time', async () => {
    const { sizes, rows } = await all(keysetBatches(db.rows, 40));
    expect(sizes).toEqual([40, 40, 20]);
    expect(rows).toEqual(await db.rows.orderBy(':id').toArray());
  });

  it("reads one council's range only: every record of its host once, in key order, none of another host", async () => {
    const { sizes, rows } = await all(keysetBatches(db.rows, 10, hostKeys('b.gov.uk')));
    expect(sizes).toEqual([10, 10, 5]);
    expect(rows).toEqual(Array.from({ length: 25 }, (_, n) => ({ host: 'b.gov.uk', n })));
    expect((await all(keysetBatches(db.rows, 10, hostKeys('d.gov.uk')))).sizes).toEqual([]);
  });
});
