import { useEffect, useState } from 'preact/hooks';
import type { SavedClause, SavedItem } from '@/lib/library/schema';
import type { TeamService } from '@/lib/team/service';
import type { SessionState } from '@/lib/team/session';
import { TeamPublish } from './TeamPublish';
import { TeamSettings } from './TeamSettings';
import { TeamView } from './TeamView';

interface Props {
  team: TeamService;
  /** The rows ticked in the library's table. */
  selected: (SavedClause | SavedItem)[];
  /** Asks before forgetting rows; the browser's confirm() in the page. */
  confirm(question: string): boolean;
}

/** The library page's team corpus: sign-in, publishing, and the team's records. The library above works the same signed in or not. */
export function TeamSection({ team, selected, confirm }: Props) {
  const selection = {
    items: selected.filter((r): r is SavedItem => !('clauseIndex' in r)),
    clauses: selected.filter((r): r is SavedClause => 'clauseIndex' in r),
  };
  const [state, setState] = useState<SessionState | null>(null);
  const read = () => team.session().then(setState, (error: unknown) => setState({ kind: 'signed-out', problem: String(error) }));
  useEffect(() => void read(), [team]);
  const signedIn = state?.kind === 'signed-in';
  // The outbox shows the signed-in member's own rows: read it again when the sign-in changes.
  const who = state && state.kind !== 'signed-out' ? `${state.kind} ${state.session.server} ${state.session.member.id}` : null;
  return (
    <section class="team" aria-labelledby="team-heading">
      <h2 id="team-heading">Team</h2>
      {state && <TeamSettings key={state.kind} team={team} state={state} onChange={() => void read()} />}
      <TeamPublish team={team} selection={selection} signedIn={signedIn} who={who} confirm={confirm} />
      <TeamView team={team} signedIn={signedIn} />
    </section>
  );
}
