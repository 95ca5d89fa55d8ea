import { useEffect, useRef, useState } from 'preact/hooks';
import { parseMeetingKey, type ClauseRef, type ItemRef } from '@/lib/library/identity';
import type { OthersRows, SendProgress, SendReport } from '@/lib/team/outbox';
import type { NoteInScope, PublishScope } from '@/lib/team/publishRows';
import { QueueStopped, type QueueProgress } from '@/lib/team/queueScope';
import type { MeetingChoice, TeamService } from '@/lib/team/service';
import { useLiveQuery } from '../useLiveQuery';
import { useSeen } from '../useSeen';
import { TeamNotice, type Notice } from './TeamNotice';

type ScopeKind = PublishScope['kind'];

interface Props {
  team: TeamService;
  /** The rows ticked in the library's table. */
  selection: { items: ItemRef[]; clauses: ClauseRef[] };
  signedIn: boolean;
  /** Who is signed in (any text that changes with the sign-in): the outbox is read again for them. */
  who: string | null;
  /** Asks before forgetting another sign-in's rows. */
  confirm(question: string): boolean;
}

const count = (n: number) => n.toLocaleString('en-GB');
const plural = (n: number, noun: string) => `${count(n)} ${noun}${n === 1 ? '' : 's'}`;

export function progressMessage({ sent, total, retrying }: SendProgress): string {
  const line = `${count(sent)} of ${count(total)} sent`;
  return retrying ? `${line}. ${retrying.reason}: trying again in ${Math.round(retrying.inMs / 1000)} s.` : `${line}…`;
}

export const queueMessage = ({ queued, total }: QueueProgress): string => `Queuing for the team: ${count(queued)} of ${plural(total, 'record')}…`;

/** How many records in the scope carry a note or tags. */
export const notesFound = (n: number): string =>
  n === 0 ? 'No record in what you publish has a note or tags.' : `${count(n)} ${n === 1 ? 'record has' : 'records have'} a note or tags in what you publish:`;

const rowsOf = (o: OthersRows) => o.queued + o.rejected;

/** Another sign-in's rows, kept for them: whose, and that they wait. */
export function othersMessage(o: OthersRows): string {
  const n = rowsOf(o);
  const rejected = o.rejected > 0 ? ` (${count(o.rejected)} of them rejected by the server)` : '';
  return `${plural(n, 'row')} queued by another sign-in (${o.owner.email} / ${o.owner.server})${rejected} ${n === 1 ? 'waits' : 'wait'} until they sign in again.`;
}

/** The question asked before forgetting another sign-in's rows: what is lost, and what is not. */
export function forgetQuestion(o: OthersRows): string {
  const n = rowsOf(o);
  return (
    `Forget the ${plural(n, 'row')} ${o.owner.email} queued for ${o.owner.server}? ${n === 1 ? 'It has' : 'They have'} not reached the team server and will never be sent: ` +
    `the records and notes in ${n === 1 ? 'it' : 'them'} are lost from the outbox. The library on this computer is unchanged.`
  );
}

export function reportNotice(report: SendReport): Notice {
  const taken = `${plural(report.sent - report.rejected.length, 'row')} taken (${count(report.inserted)} new, ${count(report.updated)} fuller copies, ${count(report.skipped)} already there)`;
  const rejected = report.rejected.length > 0 ? ` ${plural(report.rejected.length, 'row')} rejected, kept in the outbox:` : '';
  return {
    message: report.stopped ? `Publishing stopped: ${report.stopped} ${taken} before that.${rejected}` : `Published to the team: ${taken}.${rejected}`,
    tone: report.stopped || report.rejected.length > 0 ? 'error' : 'info',
    details: report.rejected.map((r) => `${r.what}: ${r.reason}`),
    detailsLabel: 'Rows the server rejected',
  };
}

/** "Publish to team": what to publish, which notes to share, the outbox's progress and what it could not send. */
export function TeamPublish({ team, selection, signedIn, who, confirm }: Props) {
  const [kind, setKind] = useState<ScopeKind>('library');
  const [host, setHost] = useState('');
  const [meeting, setMeeting] = useState('');
  const [shareByDefault, setShareByDefault] = useState(false);
  const [choices, setChoices] = useState<Map<string, boolean>>(new Map());
  // null while not read: the whole library's notes are found by reading every item and clause (a batch at a time).
  const [notes, setNotes] = useState<NoteInScope[] | { error: string } | null>(null);
  const notesSection = useRef<HTMLFieldSetElement>(null);
  const notesSeen = useSeen(notesSection);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);
  const library = useLiveQuery(team, () => team.choices(), []);
  const outbox = useLiveQuery(team, () => team.outbox(), [who]);
  // Every meeting is read only when the researcher turns to the meeting choice, not with the page: a million clauses' library has thousands.
  const [meetings, setMeetings] = useState<MeetingChoice[] | null>(null);
  const readMeetings = () => team.meetingChoices().then(setMeetings, (error: unknown) => setNotice({ message: String(error), tone: 'error' }));

  const councils = library.value?.councils ?? [];
  const picked = selection.items.length + selection.clauses.length;
  const scope: PublishScope | null =
    kind === 'library'
      ? { kind }
      : kind === 'council'
        ? (host || councils[0]?.host) ? { kind, host: host || (councils[0]?.host ?? '') } : null
        : kind === 'meeting'
          ? (meeting || meetings?.[0]?.key) ? { kind, meeting: parseMeetingKey(meeting || (meetings?.[0]?.key ?? '')) } : null
          : picked > 0 ? { kind, ...selection } : null;
  const scopeKey = JSON.stringify(scope);

  useEffect(() => {
    team.shareNotes().then(setShareByDefault, () => {});
  }, [team]);
  // Read only signed in, when the scope can be published and the researcher has scrolled to the notes, not with every open of the page.
  const readNotes = signedIn && scope !== null && notesSeen;
  useEffect(() => {
    setNotes(null);
    if (!readNotes || !scope) return;
    let current = true;
    team.notesInScope(scope).then(
      (found) => current && setNotes(found),
      (error: unknown) => current && setNotes({ error: `The notes could not be listed: ${error instanceof Error ? error.message : String(error)}` }),
    );
    return () => {
      current = false;
    };
  }, [team, scopeKey, readNotes]);
  const listed = Array.isArray(notes) ? notes : [];

  const shared = (target: string) => choices.get(target) ?? shareByDefault;
  const send = () => {
    setBusy(true);
    return team
      .send((progress) => setNotice({ message: progressMessage(progress), tone: 'info' }))
      .then(
        (report) => setNotice(reportNotice(report)),
        (error: unknown) => setNotice({ message: `${error instanceof Error ? error.message : String(error)} Nothing was lost: the rows wait in the outbox.`, tone: 'error' }),
      )
      .finally(() => setBusy(false));
  };
  const publish = () => {
    if (!scope) return;
    setBusy(true);
    team.queue(scope, shared, (progress) => setNotice({ message: queueMessage(progress), tone: 'info' })).then(send, (error: unknown) => {
      setBusy(false);
      // Stopped part-way, it says what was queued; before anything was, that nothing was.
      setNotice({ message: error instanceof QueueStopped ? error.message : `Nothing was queued: ${error instanceof Error ? error.message : String(error)}`, tone: 'error' });
    });
  };
  const waiting = outbox.value?.queued ?? 0;
  const rejected = outbox.value?.rejected ?? [];
  const others = outbox.value?.others ?? [];
  const redo = (work: () => Promise<number>, done: (n: number) => string) =>
    work().then(
      (n) => setNotice({ message: done(n), tone: 'info' }),
      (error: unknown) => setNotice({ message: String(error), tone: 'error' }),
    );

  return (
    <div class="team-publish">
      <fieldset>
        <legend>Publish to team</legend>
        <label>
          <input type="radio" name="publish-scope" checked={kind === 'library'} onChange={() => setKind('library')} /> The whole library
        </label>
        <label>
          <input type="radio" name="publish-scope" checked={kind === 'council'} onChange={() => setKind('council')} disabled={councils.length === 0} /> A council{' '}
          <select aria-label="Authority to publish" value={host} onChange={(e) => (setHost(e.currentTarget.value), setKind('council'))}>
            {councils.map((c) => (
              <option key={c.host} value={c.host}>
                {c.name ?? c.host}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="radio" name="publish-scope" checked={kind === 'meeting'} onChange={() => (setKind('meeting'), void readMeetings())} disabled={councils.length === 0 || meetings?.length === 0} /> A meeting{' '}
          <select aria-label="Meeting to publish" value={meeting} onFocus={() => meetings === null && void readMeetings()} onChange={(e) => (setMeeting(e.currentTarget.value), setKind('meeting'))}>
            {meetings === null && <option value="">(choose to list the saved meetings)</option>}
            {(meetings ?? []).map((m) => (
              <option key={m.key} value={m.key}>
                {m.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="radio" name="publish-scope" checked={kind === 'selection'} onChange={() => setKind('selection')} disabled={picked === 0} />{' '}
          {picked === 0 ? 'The rows ticked in the table (none is ticked)' : `The ${plural(picked, 'row')} ticked in the table`}
        </label>
      </fieldset>
      <fieldset ref={notesSection}>
        <legend>Notes</legend>
        <p class="hint">Records are shared with your team. Notes and tags go to the server too, but only you see them unless you share them.</p>
        <label>
          <input
            type="checkbox"
            checked={shareByDefault}
            onChange={(e) => {
              const share = e.currentTarget.checked;
              setShareByDefault(share);
              setChoices(new Map());
              void team.setShareNotes(share);
            }}
          />{' '}
          Share my notes with the team
        </label>
        {readNotes && <p aria-live="polite">{notes === null ? 'Finding the notes in what you publish…' : 'error' in notes ? notes.error : notesFound(notes.length)}</p>}
        {listed.length > 0 && (
          <ul class="team-notes" aria-label="Notes in what you publish">
            {listed.map((n) => (
              <li key={n.target}>
                <label>
                  <input
                    type="checkbox"
                    checked={shared(n.target)}
                    onChange={(e) => {
                      const on = e.currentTarget.checked;
                      setChoices((before) => new Map(before).set(n.target, on));
                    }}
                  />{' '}
                  Share the note on {n.what}
                </label>
                : {n.note}
                {n.tags.length > 0 && ` [${n.tags.join(', ')}]`}
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <button type="button" disabled={!signedIn || !scope || busy} onClick={publish}>
        Publish to team
      </button>
      {waiting > 0 && !busy && (
        <p>
          {plural(waiting, 'row')} waiting in the outbox.{' '}
          <button type="button" disabled={!signedIn} onClick={() => void send()}>
            Send waiting rows
          </button>
        </p>
      )}
      {rejected.length > 0 && !busy && (
        <div class="team-rejected">
          <p>{plural(rejected.length, 'row')} the server rejected (kept here; your library is unchanged):</p>
          <ul aria-label="Rows kept after the server rejected them">
            {rejected.map((r) => (
              <li key={`${r.what}${r.reason}`}>
                {r.what}: {r.reason}
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => redo(() => team.retryRejected(), (n) => `${plural(n, 'row')} put back in the outbox: press Send waiting rows.`)}>
            Send rejected rows again
          </button>{' '}
          <button type="button" onClick={() => redo(() => team.dropRejected(), (n) => `${plural(n, 'rejected row')} forgotten; your library is unchanged.`)}>
            Forget rejected rows
          </button>
        </div>
      )}
      {others.map((o) => (
        <p key={o.by} class="team-others">
          {othersMessage(o)}{' '}
          <button
            type="button"
            onClick={() => {
              if (confirm(forgetQuestion(o))) redo(() => team.forgetOthers(o.by), (n) => `${plural(n, 'row')} queued by ${o.owner.email} forgotten; the library is unchanged.`);
            }}
          >
            Forget {o.owner.email}'s rows
          </button>
        </p>
      ))}
      <TeamNotice notice={notice} />
    </div>
  );
}
