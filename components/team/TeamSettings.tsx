import { useState } from 'preact/hooks';
import type { TeamService } from '@/lib/team/service';
import type { SessionState } from '@/lib/team/session';
import { TeamNotice, type Notice } from './TeamNotice';

interface Props {
  team: Pick<TeamService, 'signIn' | 'signOut'>;
  state: SessionState;
  /** Called after a sign-in or sign-out, to read the state again. */
  onChange(): void;
}

const failure = (error: unknown): Notice => ({ message: error instanceof Error ? error.message : String(error), tone: 'error' });

/** Settings: the team server's address and the sign-in (email and password → a token kept in the browser), or who is signed in. */
export function TeamSettings({ team, state, onChange }: Props) {
  const [server, setServer] = useState(state.kind === 'signed-out' ? '' : state.session.server);
  const [email, setEmail] = useState(state.kind === 'signed-out' ? '' : state.session.member.email);
  const [password, setPassword] = useState('');
  const [notice, setNotice] = useState<Notice | null>(state.kind === 'signed-out' && state.problem ? { message: state.problem, tone: 'error' } : null);

  if (state.kind === 'signed-in') {
    const { member, server: address } = state.session;
    return (
      <div class="team-settings">
        <p>
          Signed in as <strong>{member.displayName}</strong> ({member.email}), team <strong>{member.teamName}</strong>, on {new URL(address).host}.
        </p>
        <button type="button" onClick={() => team.signOut().then(onChange, (error: unknown) => setNotice(failure(error)))}>
          Sign out
        </button>
        <TeamNotice notice={notice} />
      </div>
    );
  }
  const signIn = (event: Event) => {
    event.preventDefault();
    let address: string;
    try {
      address = new URL(server.trim()).href;
    } catch {
      return setNotice({ message: 'The server address is not a web address: give it in full, e.g. https://team.example.org/graphql.', tone: 'error' });
    }
    // Straight from the submit: the browser asks for access to the server's site first.
    team.signIn(address, email.trim(), password).then(
      () => {
        setPassword('');
        setNotice(null);
        onChange();
      },
      (error: unknown) => setNotice(failure(error)),
    );
    setNotice({ message: 'Signing in…', tone: 'info' });
  };
  return (
    <form class="team-settings" onSubmit={signIn}>
      {state.kind === 'expired' && <p>Your sign-in as {state.session.member.displayName} expired: sign in again.</p>}
      <p class="hint">
        Your team's administrator gives you the server's address and your account. Council Minutes asks the browser for access to that server when you
        sign in, and to nothing else.
      </p>
      <label>
        Team server address <input type="url" required value={server} onInput={(e) => setServer(e.currentTarget.value)} placeholder="https://team.example.org/graphql" />
      </label>
      <label>
        Email <input type="email" required autocomplete="username" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
      </label>
      <label>
        Password <input type="password" required autocomplete="current-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
      </label>
      <button type="submit">Sign in</button>
      <TeamNotice notice={notice} />
    </form>
  );
}
