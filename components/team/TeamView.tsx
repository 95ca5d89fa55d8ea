import { useEffect, useState } from 'preact/hooks';
import { committeeKey } from '@/lib/library/identity';
import type { Follows, TeamAnnotation, TeamRow, TeamSearchHit } from '@/lib/team/schema';
import type { TeamService } from '@/lib/team/service';
import { useLiveQuery } from '../useLiveQuery';
import { TeamNotice, type Notice } from './TeamNotice';

/** Team rows shown at a time. */
const SHOWN = 200;

const field = (row: TeamRow, name: string): string => {
  const value = row.record[name];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
};

function Annotations({ list }: { list: TeamAnnotation[] }) {
  if (list.length === 0) return null;
  return (
    <ul class="team-annotations">
      {list.map((a) => (
        <li key={a.author}>
          <strong>{a.mine ? `${a.displayName} (you${a.shared ? ', shared' : ', private'})` : a.displayName}</strong>: {a.note}
          {a.tags.length > 0 && ` [${a.tags.join(', ')}]`}
        </li>
      ))}
    </ul>
  );
}

/** A pulled item or clause: where it sits, its text, and the notes the member may read, each with its author. Page text is shown as text. */
function TeamRecord({ row }: { row: TeamRow }) {
  const clause = row.kind === 'clause';
  const item = clause ? `${field(row, 'itemNumber')} ${field(row, 'itemTitle')}`.trim() : `${field(row, 'number')} ${field(row, 'title')}`.trim();
  return (
    <tr>
      <td>{field(row, 'councilName') || row.host}</td>
      <td>{field(row, 'committeeName')}</td>
      <td>{field(row, 'date')}</td>
      <td>{item}</td>
      <td>{clause ? `${field(row, 'label')} ${field(row, 'text')}`.trim() : '(item)'}</td>
      <td>
        <Annotations list={row.annotations} />
      </td>
    </tr>
  );
}

interface Props {
  team: TeamService;
  signedIn: boolean;
}

/** The team's corpus: what the member follows, the pull, the records pulled with their notes, and a search of the server. */
export function TeamView({ team, signedIn }: Props) {
  const [follows, setFollows] = useState<Follows | null>(null);
  const [council, setCouncil] = useState('');
  const [notice, setNotice] = useState<Notice | null>(null);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<TeamSearchHit[] | null>(null);
  const choices = useLiveQuery(team, () => team.choices(), []);
  const rows = useLiveQuery(team, () => team.teamRows(council || null, SHOWN), [council]);

  useEffect(() => {
    team.follows().then(setFollows, (error: unknown) => setNotice({ message: String(error), tone: 'error' }));
  }, [team]);
  const change = (next: Follows) => {
    setFollows(next);
    team.setFollows(next).catch((error: unknown) => setNotice({ message: String(error), tone: 'error' }));
  };
  const failed = (error: unknown) => setNotice({ message: error instanceof Error ? error.message : String(error), tone: 'error' });
  const pull = () => {
    if (follows && follows.councils.length === 0 && follows.committees.length === 0) return setNotice({ message: 'Follow a council or a committee first: only what you follow is fetched.', tone: 'info' });
    setNotice({ message: 'Fetching the team’s records…', tone: 'info' });
    team.pull((n) => setNotice({ message: `${n.toLocaleString('en-GB')} records fetched…`, tone: 'info' })).then(
      ({ pulled, restarted }) =>
        setNotice({ message: `${restarted ? 'Fetched the team’s records of what you follow' : 'Up to date'}: ${pulled.toLocaleString('en-GB')} new or changed.`, tone: 'info' }),
      failed,
    );
  };
  const search = (event: Event) => {
    event.preventDefault();
    if (!query.trim()) return setHits(null);
    team.search(query.trim()).then(setHits, failed);
  };

  const councils = choices.value?.councils ?? [];
  const committees = choices.value?.committees ?? [];
  const followed = new Set(follows?.councils ?? []);
  const followedCommittees = new Set((follows?.committees ?? []).map(committeeKey));
  return (
    <div class="team-view">
      <fieldset>
        <legend>Follow</legend>
        <p class="hint">The team's records of what you follow are fetched to this browser, apart from your own library, and kept read-only.</p>
        {councils.length === 0 && committees.length === 0 && <p>Save a meeting of a council first: you follow councils and committees from your library.</p>}
        <ul class="team-follows">
          {councils.map((c) => (
            <li key={c.host}>
              <label>
                <input
                  type="checkbox"
                  checked={followed.has(c.host)}
                  disabled={!follows}
                  onChange={(e) => {
                    const on = e.currentTarget.checked;
                    if (follows) change({ ...follows, councils: on ? [...follows.councils, c.host] : follows.councils.filter((h) => h !== c.host) });
                  }}
                />{' '}
                Follow {c.name ?? c.host}
              </label>
              <ul>
                {committees
                  .filter((m) => m.host === c.host)
                  .map((m) => (
                    <li key={committeeKey(m)}>
                      <label>
                        <input
                          type="checkbox"
                          checked={followed.has(c.host) || followedCommittees.has(committeeKey(m))}
                          disabled={!follows || followed.has(c.host)}
                          onChange={(e) => {
                            const on = e.currentTarget.checked;
                            if (follows) change({ ...follows, committees: on ? [...follows.committees, m] : follows.committees.filter((f) => committeeKey(f) !== committeeKey(m)) });
                          }}
                        />{' '}
                        Follow {m.name ?? m.committeeId}
                      </label>
                    </li>
                  ))}
              </ul>
            </li>
          ))}
        </ul>
        <button type="button" disabled={!signedIn} onClick={pull}>
          Fetch team records
        </button>
      </fieldset>
      <TeamNotice notice={notice} />
      <form role="search" aria-label="Team corpus" onSubmit={search}>
        <label>
          Words to find in the team corpus <input type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
        </label>{' '}
        <button type="submit" disabled={!signedIn}>
          Search team
        </button>
      </form>
      {hits && (
        <table class="results team-hits" aria-label="Team search results">
          <caption>{hits.length === 0 ? 'Nothing in the team corpus matches.' : `${hits.length === 1 ? '1 clause' : `${hits.length} clauses`} in the team corpus match${hits.length === 1 ? 'es' : ''}, best first.`}</caption>
          <TeamTableHead />
          <tbody>
            {hits.map((h) => (
              <tr key={h.key}>
                <td>{h.meeting.councilName}</td>
                <td>{h.meeting.committeeName}</td>
                <td>{h.meeting.date}</td>
                <td>{`${h.item.number ?? ''} ${h.item.title ?? ''}`.trim()}</td>
                <td>{`${h.record.label ?? ''} ${h.record.text}`.trim()}</td>
                <td>
                  <Annotations list={h.annotations} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {/* Names here avoid "Council" and "Search": the library's own filters are found by those names. */}
      <label>
        Team records of{' '}
        <select aria-label="Show the team records of" value={council} onChange={(e) => setCouncil(e.currentTarget.value)}>
          <option value="">every council followed</option>
          {[...followed].sort().map((h) => (
            <option key={h} value={h}>
              {councils.find((c) => c.host === h)?.name ?? h}
            </option>
          ))}
        </select>
      </label>
      {rows.value && (
        <table class="results team-records" aria-label="Team records">
          <caption>
            {rows.value.total === 0
              ? 'No team records here yet: follow a council or committee, then fetch.'
              : `${rows.value.total.toLocaleString('en-GB')} team items and clauses${rows.value.total > rows.value.rows.length ? `; the first ${rows.value.rows.length} shown` : ''}.`}
          </caption>
          <TeamTableHead />
          <tbody>
            {rows.value.rows.map((row) => (
              <TeamRecord key={`${row.kind}${row.key}`} row={row} />
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** The columns of both team tables: search hits and pulled records. */
function TeamTableHead() {
  return (
    <thead>
      <tr>
        <th>Council</th>
        <th>Committee</th>
        <th>Date</th>
        <th>Item</th>
        <th>Clause</th>
        <th>Notes</th>
      </tr>
    </thead>
  );
}
