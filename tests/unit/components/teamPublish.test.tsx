import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { TeamPublish } from '@/components/team/TeamPublish';
import type { SendProgress, SendReport } from '@/lib/team/outbox';
import { QueueStopped, type QueueProgress } from '@/lib/team/queueScope';
import { meetingKey } from '@/lib/library/identity';
import type { TeamService } from '@/lib/team/service';
import { mountPoint } from '../../support/mountPoint';
import { onScreen } from '../../support/onScreen';

const mounted = mountPoint();
const screen = onScreen();

const SCRUTINY = { host: 'www.southampton.gov.uk', meetingId: '7105' };
const CABINET = { host: 'www.southampton.gov.uk', meetingId: '7090' };
const NOTE_TARGET = JSON.stringify(['www.southampton.gov.uk', '7105', '12841', 0]);

/** A team service as a plain object: one council and meeting in the library, one note; `send` is driven by the test. */
function fakeTeam(send: (onProgress: (p: SendProgress) => void) => Promise<SendReport>, outbox: Awaited<ReturnType<TeamService['outbox']>> = { queued: 0, rejected: [], others: [] }): TeamService {
  const fail = () => Promise.reject(new Error('not used here'));
  return {
    watch: (read, next, error) => {
      read().then(next, error);
      return () => {};
    },
    session: fail,
    signIn: fail,
    signOut: fail,
    follows: fail,
    setFollows: fail,
    shareNotes: async () => false,
    setShareNotes: vi.fn(async () => {}),
    choices: async () => ({ councils: [{ host: 'www.southampton.gov.uk', name: 'Southampton City Council' }], committees: [] }),
    meetingChoices: vi.fn(async () => [
      { key: meetingKey(SCRUTINY), ...SCRUTINY, label: 'Southampton City Council: Children and Families Scrutiny Panel, 2016-11-03' },
      { key: meetingKey(CABINET), ...CABINET, label: 'Southampton City Council: Cabinet, 2016-10-18' },
    ]),
    notesInScope: vi.fn(async () => [{ target: NOTE_TARGET, targetKind: 'clause' as const, what: 'Clause (i) of item 5', note: 'taxi licences', tags: [] }]),
    queue: vi.fn(async () => 5000),
    send: vi.fn(send),
    outbox: async () => outbox,
    retryRejected: fail,
    dropRejected: fail,
    forgetOthers: vi.fn(async () => 1234),
    pull: fail,
    teamRows: fail,
    search: fail,
  };
}

const text = () => mounted.root.textContent?.replace(/\s+/g, ' ') ?? '';
const button = (name: string) => [...mounted.root.querySelectorAll('button')].find((b) => b.textContent === name) as HTMLButtonElement;

describe('Publish to team', () => {
  it('queues the scope with the notes chosen to share, shows progress as rows are sent, then lists each rejected row with its reason', async () => {
    let progress!: (p: SendProgress) => void;
    let finish!: (r: SendReport) => void;
    const team = fakeTeam((onProgress) => {
      progress = onProgress;
      return new Promise((resolve) => (finish = resolve));
    });
    act(() => render(<TeamPublish team={team} selection={{ items: [], clauses: [] }} signedIn who="signed-in ben" confirm={() => false} />, mounted.root));
    await act(() => screen.scrollTo());
    await vi.waitFor(() => expect(text()).toContain('Share the note on Clause (i) of item 5: taxi licences'));
    const share = mounted.root.querySelector('ul[aria-label="Notes in what you publish"] input') as HTMLInputElement;
    expect(share.checked).toBe(false);
    await act(() => share.click());
    await act(() => button('Publish to team').click());
    await vi.waitFor(() => expect(team.send).toHaveBeenCalled());
    const [scope, shared] = vi.mocked(team.queue).mock.calls[0] ?? [];
    expect(scope).toEqual({ kind: 'library' });
    expect(shared?.(NOTE_TARGET)).toBe(true);
    expect(shared?.('["another","note"]')).toBe(false);

    await act(() => progress({ sent: 1200, total: 5000, rejected: 0, retrying: null }));
    expect(text()).toContain('1,200 of 5,000 sent…');
    await act(() => progress({ sent: 2000, total: 5000, rejected: 0, retrying: { reason: 'The team server failed (HTTP 503)', inMs: 4000 } }));
    expect(text()).toContain('2,000 of 5,000 sent. The team server failed (HTTP 503): trying again in 4 s.');
    await act(() =>
      finish({ sent: 5000, inserted: 4990, updated: 2, skipped: 6, rejected: [{ what: 'clause (ii) of item 5, Cabinet, 2016-11-03', reason: 'clauseIndex is not an integer' }], stopped: null, left: 0 }),
    );
    await vi.waitFor(() => expect(text()).toContain('Published to the team: 4,999 rows taken (4,990 new, 2 fuller copies, 6 already there). 1 row rejected, kept in the outbox:'));
    const rejected = [...mounted.root.querySelectorAll('ul[aria-label="Rows the server rejected"] li')].map((li) => li.textContent);
    expect(rejected).toEqual(['clause (ii) of item 5, Cabinet, 2016-11-03: clauseIndex is not an integer']);
  });

  it('says what stopped a publish and that the rows are kept', async () => {
    const team = fakeTeam(async () => ({ sent: 2000, inserted: 2000, updated: 0, skipped: 0, rejected: [], stopped: 'The team server did not answer (Failed to fetch). 3,000 rows kept in the outbox to send later.', left: 3000 }));
    act(() => render(<TeamPublish team={team} selection={{ items: [], clauses: [] }} signedIn who="signed-in ben" confirm={() => false} />, mounted.root));
    await act(() => button('Publish to team').click());
    await vi.waitFor(() =>
      expect(text()).toContain(
        'Publishing stopped: The team server did not answer (Failed to fetch). 3,000 rows kept in the outbox to send later. 2,000 rows taken (2,000 new, 0 fuller copies, 0 already there) before that.',
      ),
    );
  });

  it('reads the saved meetings only when the researcher turns to publishing one, then publishes the meeting picked', async () => {
    const team = fakeTeam(async () => ({ sent: 0, inserted: 0, updated: 0, skipped: 0, rejected: [], stopped: null, left: 0 }));
    act(() => render(<TeamPublish team={team} selection={{ items: [], clauses: [] }} signedIn who="signed-in ben" confirm={() => false} />, mounted.root));
    const radio = () => [...mounted.root.querySelectorAll<HTMLInputElement>('input[name="publish-scope"]')].find((r) => r.parentElement?.textContent?.includes('A meeting'));
    const select = () => mounted.root.querySelector('select[aria-label="Meeting to publish"]') as HTMLSelectElement;
    await vi.waitFor(() => expect(radio()?.disabled).toBe(false));
    expect(team.meetingChoices).not.toHaveBeenCalled();
    expect([...select().options].map((o) => o.textContent)).toEqual(['(choose to list the saved meetings)']);

    await act(() => radio()?.click());
    await vi.waitFor(() => expect(select().options.length).toBe(2));
    expect(team.meetingChoices).toHaveBeenCalledTimes(1);
    expect([...select().options].map((o) => o.textContent)).toEqual([
      'Southampton City Council: Children and Families Scrutiny Panel, 2016-11-03',
      'Southampton City Council: Cabinet, 2016-10-18',
    ]);
    await act(() => {
      select().value = meetingKey(CABINET);
      select().dispatchEvent(new Event('change', { bubbles: true }));
    });
    await act(() => button('Publish to team').click());
    await vi.waitFor(() => expect(team.queue).toHaveBeenCalled());
    expect(vi.mocked(team.queue).mock.calls[0]?.[0]).toEqual({ kind: 'meeting', meeting: CABINET });
  });

  it("cannot publish signed out, and reads no notes then (the whole library's are every item and clause)", async () => {
    const team = fakeTeam(async () => Promise.reject(new Error('no')));
    const notesInScope = vi.spyOn(team, 'notesInScope');
    act(() => render(<TeamPublish team={team} selection={{ items: [], clauses: [] }} signedIn={false} who={null} confirm={() => false} />, mounted.root));
    expect(button('Publish to team').disabled).toBe(true);
    expect(notesInScope).not.toHaveBeenCalled();
    expect(mounted.root.querySelector('[aria-label="Notes in what you publish"]')).toBeNull();
    // Signed in, the notes of the scope are read and offered once the researcher scrolls to them.
    act(() => render(<TeamPublish team={team} selection={{ items: [], clauses: [] }} signedIn who="signed-in ben" confirm={() => false} />, mounted.root));
    await act(() => screen.scrollTo());
    await vi.waitFor(() => expect(mounted.root.querySelector('[aria-label="Notes in what you publish"]')?.textContent).toContain('taxi licences'));
    expect(notesInScope).toHaveBeenCalledWith({ kind: 'library' });
  });

  it('reads no notes as the page opens, only once the notes are on screen: says it is finding them, then how many it found', async () => {
    const team = fakeTeam(async () => Promise.reject(new Error('not sent here')));
    let found!: (notes: Awaited<ReturnType<TeamService['notesInScope']>>) => void;
    vi.mocked(team.notesInScope).mockImplementation(() => new Promise((resolve) => (found = resolve)));
    act(() => render(<TeamPublish team={team} selection={{ items: [], clauses: [] }} signedIn who="signed-in ben" confirm={() => false} />, mounted.root));
    await vi.waitFor(() => expect(text()).toContain('Southampton City Council'));
    expect(team.notesInScope).not.toHaveBeenCalled();
    expect(text()).not.toContain('Finding the notes');
    // What waits for the screen is the notes section, nothing else.
    expect(screen.observed().map((e) => e.querySelector('legend')?.textContent)).toEqual(['Notes']);

    await act(() => screen.scrollTo());
    expect(team.notesInScope).toHaveBeenCalledTimes(1);
    expect(team.notesInScope).toHaveBeenCalledWith({ kind: 'library' });
    expect(text()).toContain('Finding the notes in what you publish…');
    await act(() =>
      found([
        { target: NOTE_TARGET, targetKind: 'clause', what: 'Clause (i) of item 5', note: 'taxi licences', tags: [] },
        { target: '["www.southampton.gov.uk","7105","12842"]', targetKind: 'item', what: 'Item 6', note: '', tags: ['schools'] },
      ]),
    );
    await vi.waitFor(() => expect(text()).toContain('2 records have a note or tags in what you publish:'));
    expect(text()).not.toContain('Finding the notes');
    expect([...mounted.root.querySelectorAll('ul[aria-label="Notes in what you publish"] li')].map((li) => li.textContent)).toEqual([
      ' Share the note on Clause (i) of item 5: taxi licences',
      ' Share the note on Item 6:  [schools]',
    ]);

    // Another scope: its notes are read again, and none found is said.
    vi.mocked(team.notesInScope).mockResolvedValue([]);
    const council = [...mounted.root.querySelectorAll<HTMLInputElement>('input[name="publish-scope"]')].find((r) => r.parentElement?.textContent?.includes('A council'));
    await act(() => council?.click());
    await vi.waitFor(() => expect(text()).toContain('No record in what you publish has a note or tags.'));
    expect(team.notesInScope).toHaveBeenLastCalledWith({ kind: 'council', host: 'www.southampton.gov.uk' });
    expect(mounted.root.querySelector('[aria-label="Notes in what you publish"]')).toBeNull();

    // A read that fails says so, in place of the list; publishing is still offered.
    vi.mocked(team.notesInScope).mockRejectedValue(new Error('The database connection is closing.'));
    const library = [...mounted.root.querySelectorAll<HTMLInputElement>('input[name="publish-scope"]')].find((r) => r.parentElement?.textContent?.includes('The whole library'));
    await act(() => library?.click());
    await vi.waitFor(() => expect(text()).toContain('The notes could not be listed: The database connection is closing.'));
    expect(button('Publish to team').disabled).toBe(false);
  });

  it('says how far queuing has come; stopped part-way, says what was queued and that publishing again completes it, and sends nothing', async () => {
    const team = fakeTeam(async () => Promise.reject(new Error('not sent here')));
    let progress!: (p: QueueProgress) => void;
    let stop!: (error: unknown) => void;
    vi.mocked(team.queue).mockImplementation((_scope, _shared, onProgress) => {
      progress = onProgress;
      return new Promise((_resolve, reject) => (stop = reject));
    });
    act(() => render(<TeamPublish team={team} selection={{ items: [], clauses: [] }} signedIn who="signed-in ben" confirm={() => false} />, mounted.root));
    await act(() => button('Publish to team').click());
    await act(() => progress({ queued: 0, total: 121022 }));
    expect(text()).toContain('Queuing for the team: 0 of 121,022 records…');
    await act(() => progress({ queued: 4000, total: 121022 }));
    expect(text()).toContain('Queuing for the team: 4,000 of 121,022 records…');
    expect(button('Publish to team').disabled).toBe(true);
    await act(() => stop(new QueueStopped(4000, 121022, new DOMException('The quota has been exceeded.', 'QuotaExceededError'))));
    await vi.waitFor(() =>
      expect(text()).toContain(
        'Queuing for the team stopped after 4,000 of 121,022 records (the disk is full). Those queued wait in the outbox; publish again to queue the rest: what is queued already is replaced, never added twice. Your library is unchanged.',
      ),
    );
    expect(team.send).not.toHaveBeenCalled();
    expect(button('Publish to team').disabled).toBe(false);
  });

  it("says whose rows another sign-in left, sends none of them, and forgets them only once the researcher confirms what is lost", async () => {
    const ana = { by: '["https://team.example.org/graphql","a1"]', owner: { server: 'https://team.example.org/graphql', memberId: 'a1', email: 'ana@example.org' }, queued: 1230, rejected: 4 };
    const team = fakeTeam(async () => Promise.reject(new Error('not sent here')), { queued: 0, rejected: [], others: [ana] });
    const questions: string[] = [];
    let answer = false;
    const confirm = (q: string) => (questions.push(q), answer);
    act(() => render(<TeamPublish team={team} selection={{ items: [], clauses: [] }} signedIn who="signed-in ben" confirm={confirm} />, mounted.root));
    await vi.waitFor(() =>
      expect(text()).toContain('1,234 rows queued by another sign-in (ana@example.org / https://team.example.org/graphql) (4 of them rejected by the server) wait until they sign in again.'),
    );
    // None of them is the signed-in member's: nothing offers to send them.
    expect(button('Send waiting rows')).toBeUndefined();

    await act(() => button("Forget ana@example.org's rows").click());
    expect(questions).toEqual([
      'Forget the 1,234 rows ana@example.org queued for https://team.example.org/graphql? They have not reached the team server and will never be sent: the records and notes in them are lost from the outbox. The library on this computer is unchanged.',
    ]);
    expect(team.forgetOthers).not.toHaveBeenCalled();

    answer = true;
    await act(() => button("Forget ana@example.org's rows").click());
    expect(team.forgetOthers).toHaveBeenCalledWith(ana.by);
    await vi.waitFor(() => expect(text()).toContain('1,234 rows queued by ana@example.org forgotten; the library is unchanged.'));
  });
});
