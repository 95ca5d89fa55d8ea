import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { errorMessage } from '@/components/errorMessage';
import { exportLibrary } from '@/lib/library/backup';
import { LibraryDb } from '@/lib/library/db';
import { dexieLibrary } from '@/lib/library/service';
import { spaceWarning, type SpaceEstimate } from '@/lib/library/storageSpace';
import { meeting } from '../../support/records';

const MIB = 1024 * 1024;
const GIB = 1024 * MIB;

describe('space left for the library', () => {
  it('warns under 50 MiB left, whatever the quota', () => {
    // 100 MiB quota: 5 % is 5 MiB, so 50 MiB is the margin.
    expect(spaceWarning({ usage: 51 * MIB, quota: 100 * MIB }, 1000)).toContain('about 49 MiB is left');
    expect(spaceWarning({ usage: 50 * MIB, quota: 100 * MIB }, 1000)).toBeNull();
  });

  it('warns under 5 % of the quota left', () => {
    // 20 GiB quota: 5 % is 1,024 MiB.
    expect(spaceWarning({ usage: 19 * GIB + 1, quota: 20 * GIB }, 1000)).toContain('about 1024 MiB is left');
    expect(spaceWarning({ usage: 19 * GIB - 1, quota: 20 * GIB }, 1000)).toBeNull();
  });

  it('warns when the save is large against what is left (ten times its JSON)', () => {
    // 200 MiB left of 1 GiB (over 50 MiB and over 5 %, 51.2 MiB); a 30 MiB save needs 300 MiB.
    expect(spaceWarning({ usage: 824 * MIB, quota: GIB }, 30 * MIB)).toContain('about 200 MiB is left');
    expect(spaceWarning({ usage: 824 * MIB, quota: GIB }, 10 * MIB)).toBeNull();
  });

  it('says nothing when the browser gives no estimate', () => {
    for (const estimate of [{}, { usage: 5 }, { quota: 0, usage: 0 }] as SpaceEstimate[]) expect(spaceWarning(estimate, 1000)).toBeNull();
  });
});

describe('saving with the space estimate', () => {
  const record = meeting({ id: '8100' });

  it('saves on a nearly full disk, and the report carries the warning', async () => {
    const db = new LibraryDb(`space-${Date.now()}-1`);
    const library = dexieLibrary(db, async () => ({ usage: 99 * MIB, quota: 100 * MIB }));
    const report = await library.save(record, { scope: 'meeting' });
    expect(report.spaceWarning).toBe(
      'Space is running out: about 1.0 MiB is left for the library. Everything already in the library is kept. ' +
        'Free some disk space before saving more: a save the browser refuses for lack of space is not written at all.',
    );
    expect(await db.items.count()).toBe(3);
    db.close();
    await db.delete();
  });

  it('has no warning with room to spare, or when the estimate is not available', async () => {
    const db = new LibraryDb(`space-${Date.now()}-2`);
    expect((await dexieLibrary(db, async () => ({ usage: 1 * MIB, quota: 10 * GIB })).save(record, { scope: 'meeting' })).spaceWarning).toBeUndefined();
    expect((await dexieLibrary(db, async () => ({})).save(record, { scope: 'meeting' })).spaceWarning).toBeUndefined();
    db.close();
    await db.delete();
  });

  it('restores a backup on a nearly full disk, and the report carries the warning', async () => {
    const from = new LibraryDb(`space-${Date.now()}-4`);
    await dexieLibrary(from).save(record, { scope: 'meeting' });
    const backup = await exportLibrary(from);
    const into = new LibraryDb(`space-${Date.now()}-5`);
    const report = await dexieLibrary(into, async () => ({ usage: 99 * MIB, quota: 100 * MIB })).restore(new Blob([backup]));
    expect(report.spaceWarning).toContain('Space is running out: about 1.0 MiB is left for the library.');
    expect(report.counts.items).toBe(3);
    expect(await into.items.count()).toBe(3);
    for (const db of [from, into]) {
      db.close();
      await db.delete();
    }
  });

  it('when the browser refuses the write, says nothing was saved and the library is unchanged', async () => {
    const db = new LibraryDb(`space-${Date.now()}-3`);
    const before = meeting({ id: '8000' });
    await dexieLibrary(db).save(before, { scope: 'meeting' });
    // The quota is hit as the meeting row is written.
    const spy = vi.spyOn(db.meetings, 'put').mockImplementation(() => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) as never);
    const failure = await dexieLibrary(db, async () => ({ usage: 99 * MIB, quota: 100 * MIB })).save(record, { scope: 'meeting' }).catch((e: unknown) => e);
    spy.mockRestore();
    expect(errorMessage(failure)).toBe('The disk is full: nothing was saved and the library is unchanged. Free some disk space and try again.');
    expect(await db.meetings.count()).toBe(1);
    expect(await db.items.count()).toBe(3);
    db.close();
    await db.delete();
  });
});
