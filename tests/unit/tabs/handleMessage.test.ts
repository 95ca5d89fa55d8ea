import { describe, expect, it } from 'vitest';
import { extractionJsonSteps } from '@/lib/messages/extractionJson';
import { runToEnd } from '@/lib/moderngov/steps';
import type { ToolbarSummary } from '@/lib/moderngov/summary';
import type { Toolbar } from '@/lib/platform/toolbar';
import { handlePageMessage } from '@/lib/tabs/handleMessage';
import { readTabState, type SessionArea } from '@/lib/tabs/tabState';
import { item, meeting } from '../../support/records';

function fakeSession(): SessionArea & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  return {
    data,
    get: async (key) => (key in data ? { [key]: structuredClone(data[key]) } : {}),
    set: async (items) => void Object.assign(data, structuredClone(items)),
    remove: async (key) => void delete data[key],
  };
}

function fakeToolbar(): Toolbar & { shown: Map<number, ToolbarSummary> } {
  const shown = new Map<number, ToolbarSummary>();
  return { shown, show: async (id, s) => void shown.set(id, s), clear: async (id) => void shown.delete(id) };
}

describe('messages from content scripts', () => {
  it('stores a valid page message as the tab state and shows the item count', async () => {
    const session = fakeSession();
    const toolbar = fakeToolbar();
    const record = meeting();
    expect(await handlePageMessage({ type: 'page-extracted', url: record.meeting.url, extraction: record, completing: false }, 7, session, toolbar)).toBe(true);
    expect((await readTabState(session, 7))?.extraction).toEqual(record);
    expect(toolbar.shown.get(7)).toEqual({ badge: '3', title: 'Meeting: 3 items', recognised: true });
  });

  it('reads a reading sent as its JSON text (what the content script sends) as the reading itself', async () => {
    const session = fakeSession();
    const toolbar = fakeToolbar();
    const record = meeting();
    const text = runToEnd(extractionJsonSteps(record));
    expect(await handlePageMessage({ type: 'page-extracted', url: record.meeting.url, extraction: text, completing: false }, 4, session, toolbar)).toBe(true);
    expect((await readTabState(session, 4))?.extraction).toEqual(record);
    expect(toolbar.shown.get(4)).toMatchObject({ badge: '3' });
  });

  it('shows no badge for a page that is not ModernGov', async () => {
    const toolbar = fakeToolbar();
    await handlePageMessage({ type: 'page-extracted', url: 'https://x/', extraction: { kind: null, reason: 'Not a ModernGov page.' }, completing: false }, 1, fakeSession(), toolbar);
    expect(toolbar.shown.get(1)).toMatchObject({ badge: '', recognised: false });
  });

  it('rejects malformed messages and messages not from a tab, storing nothing', async () => {
    const session = fakeSession();
    const toolbar = fakeToolbar();
    const record = meeting();
    const bad = [
      { type: 'page-extracted', url: 'x', extraction: { ...record, items: 'not a list' }, completing: false },
      { type: 'page-extracted', url: 'x', extraction: { ...record, meeting: { ...record.meeting, date: '3rd November' } }, completing: false },
      { type: 'page-extracted', url: 'x', extraction: '{"kind":"meeting",', completing: false },
      { type: 'page-extracted', url: 'x', extraction: JSON.stringify({ ...record, items: 'not a list' }), completing: false },
      { type: 'delete-everything' },
      'page-extracted',
      null,
    ];
    for (const message of bad) expect(await handlePageMessage(message, 2, session, toolbar)).toBe(false);
    expect(await handlePageMessage({ type: 'page-extracted', url: 'x', extraction: record, completing: false }, undefined, session, toolbar)).toBe(false);
    expect(session.data).toEqual({});
    expect(toolbar.shown.size).toBe(0);
  });

  it('applies a completion to the page it was for, and not to a page the tab has left', async () => {
    const session = fakeSession();
    const toolbar = fakeToolbar();
    const cut = meeting({ items: [item('5', 'CSE', [], { minutesTruncated: true })] });
    const full = meeting({ items: [item('5', 'CSE', [[null, 'that the update be noted.']])] });
    await handlePageMessage({ type: 'page-extracted', url: cut.meeting.url, extraction: cut, completing: true }, 3, session, toolbar);
    expect(await handlePageMessage({ type: 'page-completed', url: 'https://elsewhere/', meeting: full, failures: [] }, 3, session, toolbar)).toBe(false);
    expect((await readTabState(session, 3))?.completing).toBe(true);
    expect(await handlePageMessage({ type: 'page-completed', url: cut.meeting.url, meeting: full, failures: [] }, 3, session, toolbar)).toBe(true);
    const state = await readTabState(session, 3);
    expect(state?.completing).toBe(false);
    expect(state?.extraction).toEqual(full);
  });
});

describe('a page too large for session storage', () => {
  /** storage.session as Chrome has it: 10 MB in all, and a write above that throws, storing nothing. */
  function quotaSession(quota = 10 * 1024 * 1024) {
    const session = fakeSession();
    const set = session.set;
    session.set = async (items) => {
      const total = JSON.stringify({ ...session.data, ...items }).length;
      if (total > quota) throw new Error('Session storage quota bytes exceeded. Values were not stored.');
      await set(items);
    };
    return session;
  }

  it('is stored cut down with a note, not dropped, and still badged with its items', async () => {
    const session = quotaSession();
    const toolbar = fakeToolbar();
    // 120 items of 100,000 characters of minutes each: 12 MB read.
    const long = 'The Panel discussed the report. '.repeat(3125);
    const record = meeting({ items: Array.from({ length: 120 }, (_, i) => item(String(i + 1), `Item ${i + 1}`, [[null, long]])) });
    expect(await handlePageMessage({ type: 'page-extracted', url: record.meeting.url, extraction: record, completing: false }, 9, session, toolbar)).toBe(true);
    const state = await readTabState(session, 9);
    expect(state?.inPage).toBe(true);
    expect(state?.note).toMatch(/^This page is too large \(2\d\.\d MB read\) to keep in the browser's session storage: the panel reads it from the open tab/);
    expect(state?.extraction.kind).toBe('meeting');
    expect(state?.extraction.kind === 'meeting' && state.extraction.items).toEqual([]);
    expect(state?.extraction.kind === 'meeting' && state.extraction.meeting).toEqual(record.meeting);
    expect(toolbar.shown.get(9)).toEqual({ badge: '120', title: 'Meeting: 120 items', recognised: true });
  });
});
