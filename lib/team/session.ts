import { browser } from 'wxt/browser';
import { z } from 'zod';
import { FollowsSchema, TeamSessionSchema, type Follows, type TeamSession } from './schema';

/**
 * The team settings kept in browser.storage.local: the sign-in (server, JWT, its expiry, who),
 * what the member follows, and whether notes are shared by default. Each is checked with its
 * schema when read: a value that does not match counts as not set (and is said so), never as trusted.
 */
const KEYS = { session: 'teamSession', follows: 'teamFollows', shareNotes: 'teamShareNotes' } as const;

export type SessionState =
  | { kind: 'signed-out'; problem: string | null }
  | { kind: 'expired'; session: TeamSession }
  | { kind: 'signed-in'; session: TeamSession };

async function read<T>(key: string, schema: z.ZodType<T>): Promise<{ value: T | null; problem: string | null }> {
  const stored = (await browser.storage.local.get(key))[key];
  if (stored === undefined) return { value: null, problem: null };
  const parsed = schema.safeParse(stored);
  return parsed.success ? { value: parsed.data, problem: null } : { value: null, problem: `The stored ${key} setting is damaged and was ignored.` };
}

export async function readSession(now = new Date()): Promise<SessionState> {
  const { value, problem } = await read(KEYS.session, TeamSessionSchema);
  if (!value) return { kind: 'signed-out', problem: problem && `${problem} Sign in again.` };
  return Date.parse(value.expiresAt) <= now.getTime() ? { kind: 'expired', session: value } : { kind: 'signed-in', session: value };
}

export const writeSession = (session: TeamSession) => browser.storage.local.set({ [KEYS.session]: TeamSessionSchema.parse(session) });
export const clearSession = () => browser.storage.local.remove(KEYS.session);

export const NO_FOLLOWS: Follows = { councils: [], committees: [] };
export const readFollows = async (): Promise<Follows> => (await read(KEYS.follows, FollowsSchema)).value ?? NO_FOLLOWS;
export const writeFollows = (follows: Follows) => browser.storage.local.set({ [KEYS.follows]: FollowsSchema.parse(follows) });

/** Notes are private unless the researcher chooses otherwise. */
export const readShareNotes = async (): Promise<boolean> => (await read(KEYS.shareNotes, z.boolean())).value ?? false;
export const writeShareNotes = (share: boolean) => browser.storage.local.set({ [KEYS.shareNotes]: share });

const JwtClaims = z.object({ exp: z.number() });

/** When a JWT stops being accepted, from its `exp` claim (read, not verified: the server verifies it). */
export function tokenExpiry(token: string): Date {
  const payload = token.split('.')[1];
  if (!payload) throw new Error('The team server sent a sign-in token that is not a JWT.');
  let claims: unknown;
  try {
    claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
  } catch {
    throw new Error('The team server sent a sign-in token that cannot be read.');
  }
  const parsed = JwtClaims.safeParse(claims);
  if (!parsed.success) throw new Error('The team server sent a sign-in token without an expiry.');
  return new Date(parsed.data.exp * 1000);
}
