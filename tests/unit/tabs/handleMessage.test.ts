import { describe, expect, it } from 'vitest';
import { extractionJsonSteps } from '@/lib/messages/extractionJson';
import { runToEnd } from '@/lib/moderngov/steps';
import type { ToolbarSummary } from '@/lib/moderngov/summary';
import type { Toolbar } from '@/lib/platform/toolbar';
import { handlePageMessage } from '@/lib/tabs/handleMessage';
import { MessageParts, partsOf, PART_CHARS } from '@/lib/tabs/messageParts';
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
    expect(await handlePageMessage({ type: 'page-extracted', url: record.meeting.url, extraction: record, completing: false }, 7, session, toolbar, new MessageParts())).toBe(true);
    expect((await readTabState(session, 7))?.extraction).toEqual(record);
    expect(toolbar.shown.get(7)).toEqual({ badge: '3', title: 'Meeting: 3 items', recognised: true });
  });

  it('reads a reading sent as its JSON text (what the content script sends) as the reading itself', async () => {
    const session = fakeSession();
    const toolbar = fakeToolbar();
    const record = meeting();
    const text = runToEnd(extractionJsonSteps(record));
    expect(await handlePageMessage({ type: 'page-extracted', url: record.meeting.url, extraction: text, completing: false }, 4, session, toolbar, new MessageParts())).toBe(true);
    expect((await readTabState(session, 4))?.extraction).toEqual(record);
    expect(toolbar.shown.get(4)).toMatchObject({ badge: '3' });
  });

  it('joins a reading sent in parts, in order, and stores it once the last part has come', async () => {
    const session = fakeSession();
    const toolbar = fakeToolbar();
    const parts = new MessageParts();
    const base = meeting();
    // Long minutes make the reading's JSON text three parts long.
    const record = meeting({ items: base.items.map((it, i) => (i === 0 ? { ...it, minutes: 'The panel noted the report. '.repeat(Math.ceil((PART_CHARS * 2.5) / 28)) } : it)) });
    const texts = partsOf(runToEnd(extractionJsonSteps(record)));
    expect(texts).toHaveLength(3);
    const send = (index: number, text = texts[index] ?? '', url = record.meeting.url) =>
      handlePageMessage({ type: 'page-extracted-part', url, completing: false, index, count: texts.length, text }, 6, session, toolbar, parts);
    expect(await send(0)).toBe(false);
    expect(await send(1)).toBe(false);
    expect(session.data).toEqual({});
    expect(toolbar.shown.size).toBe(0);
    expect(await send(2)).toBe(true);
    expect((await readTabState(session, 6))?.extraction).toEqual(record);
    expect(toolbar.shown.get(6)).toMatchObject({ badge: '3' });
  });

  it('never joins parts that do not follow on: a part missing, or parts of another page', async () => {
    const session = fakeSession();
    const toolbar = fakeToolbar();
    const parts = new MessageParts();
    const record = meeting();
    const texts = partsOf(runToEnd(extractionJsonSteps(record)));
    const whole = texts.join('');
    const half = [whole.slice(0, 100), whole.slice(100)];
    const send = (index: number, text: string, url: string) =>
      handlePageMessage({ type: 'page-extracted-part', url, completing: false, index, count: 2, text }, 8, session, toolbar, parts);
    // The second part without the first; then the first part of one page and the second of another.
    expect(await send(1, half[1] ?? '', record.meeting.url)).toBe(false);
    expect(await send(0, half[0] ?? '', record.meeting.url)).toBe(false);
    expect(await send(1, half[1] ?? '', 'https://elsewhere.example/ieListDocuments.aspx?MId=1')).toBe(false);
    expect(session.data).toEqual({});
    // Sent again in order, it is read.
    expect(await send(0, half[0] ?? '', record.meeting.url)).toBe(false);
    expect(await send(1, half[1] ?? '', record.meeting.url)).toBe(true);
    expect((await readTabState(session, 8))?.extraction).toEqual(record);
  });

  it('shows no badge for a page that is not ModernGov', async () => {
    const toolbar = fakeToolbar();
    await handlePageMessage({ type: 'page-extracted', url: 'https://x/', extraction: { kind: null, reason: 'Not a ModernGov page.' }, completing: false }, 1, fakeSession(), toolbar, new MessageParts());
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
    for (const message of bad) expect(await handlePageMessage(message, 2, session, toolbar, new MessageParts())).toBe(false);
    expect(await handlePageMessage({ type: 'page-extracted', url: 'x', extraction: record, completing: false }, undefined, session, toolbar, new MessageParts())).toBe(false);
    expect(session.data).toEqual({});
    expect(toolbar.shown.size).toBe(0);
  });

  it('applies a completion to the page it was for, and not to a page the tab has left', async () => {
    const session = fakeSession();
    const toolbar = fakeToolbar();
    const cut = meeting({ items: [item('5', 'CSE', [], { minutesTruncated: true })] });
    const full = meeting({ items: [item('5', 'CSE', [[null, 'that the update be noted.']])] });
    await handlePageMessage({ type: 'page-extracted', url: cut.meeting.url, extraction: cut, completing: true }, 3, session, toolbar, new MessageParts());
    expect(await handlePageMessage({ type: 'page-completed', url: 'https://elsewhere/', meeting: full, failures: [] }, 3, session, toolbar, new MessageParts())).toBe(false);
    expect((await readTabState(session, 3))?.completing).toBe(true);
    expect(await handlePageMessage({ type: 'page-completed', url: cut.meeting.url, meeting: full, failures: [] }, 3, session, toolbar, new MessageParts())).toBe(true);
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
    expect(await handlePageMessage({ type: 'page-extracted', url: record.meeting.url, extraction: record, completing: false }, 9, session, toolbar, new MessageParts())).toBe(true);
    const state = await readTabState(session, 9);
    expect(state?.inPage).toBe(true);
    expect(state?.note).toMatch(/^This page is too large \(2\d\.\d MB read\) to keep in the browser's session storage: the panel reads it from the open tab/);
    expect(state?.extraction.kind).toBe('meeting');
    expect(state?.extraction.kind === 'meeting' && state.extraction.items).toEqual([]);
    expect(state?.extraction.kind === 'meeting' && state.extraction.meeting).toEqual(record.meeting);
    expect(toolbar.shown.get(9)).toEqual({ badge: '120', title: 'Meeting: 120 items', recognised: true });
  });
});
