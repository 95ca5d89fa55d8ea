import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { errorMessage } from '@/components/errorMessage';
import { LibraryDb } from '@/lib/library/db';
import { saveSelection } from '@/lib/library/save';
import { meeting } from '../../support/records';

describe('a full disk while saving', () => {
  it('rolls the whole save back, keeps what was saved before, and says so in plain words', async () => {
    const db = new LibraryDb(`quota-${Date.now()}`);
    const before = meeting({ id: '7000', date: '2016-10-01' });
    await saveSelection(db, before, { scope: 'meeting' });
    const snapshot = async () => ({ meetings: await db.meetings.toArray(), items: await db.items.toArray(), clauses: await db.clauses.toArray() });
    const saved = await snapshot();

    // The disk fills up once the meeting and its items are written, as the clauses go in.
    const spy = vi.spyOn(db.clauses, 'bulkPut').mockImplementation(() => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) as never);
    const failure = await saveSelection(db, meeting({ id: '7105' }), { scope: 'meeting' }).catch((error: unknown) => error);
    spy.mockRestore();

    expect(errorMessage(failure)).toBe('The disk is full: nothing was saved and the library is unchanged. Free some disk space and try again.');
    expect(await snapshot()).toEqual(saved);
    expect(await db.meetings.get(['www.southampton.gov.uk', '7105'])).toBeUndefined();
    db.close();
    await db.delete();
  });
});
