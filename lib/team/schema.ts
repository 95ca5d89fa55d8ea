import { z } from 'zod';
import { SavedClauseSchema, SavedCommitteeSchema, SavedCouncilSchema, SavedItemSchema, SavedMeetingSchema } from '../library/schema';

/**
 * What goes to and comes from the team server (docs/team-api.md), and what the extension keeps of
 * it: every shape once, as zod schemas; types are inferred from them.
 */

/** A saved record as published: without the researcher's own words (`tags`, `note` go as annotations). */
const ownFields = { tags: true, note: true } as const;
export const PublishedItemSchema = SavedItemSchema.omit(ownFields);
export const PublishedClauseSchema = SavedClauseSchema.omit(ownFields);

export const AnnotationRowSchema = z.object({
  kind: z.literal('annotation'),
  /** The item's or clause's text key (lib/library/identity.ts). */
  target: z.string(),
  targetKind: z.enum(['item', 'clause']),
  note: z.string(),
  tags: z.array(z.string()),
  /** False: only the author reads it; true: the whole team does. */
  shared: z.boolean(),
});

export const PublishRowSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('council'), record: SavedCouncilSchema }),
  z.object({ kind: z.literal('committee'), record: SavedCommitteeSchema }),
  z.object({ kind: z.literal('meeting'), record: SavedMeetingSchema }),
  z.object({ kind: z.literal('item'), record: PublishedItemSchema }),
  z.object({ kind: z.literal('clause'), record: PublishedClauseSchema }),
  AnnotationRowSchema,
]);

export const PublishResultSchema = z.object({
  inserted: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  /** `index` is the row's place in the batch sent. */
  rejected: z.array(z.object({ index: z.number().int(), reason: z.string() })),
});

/** Who queued an outbox row: the sign-in's server and member (the email only to name them to whoever is signed in later). */
export const OutboxOwnerSchema = z.object({ server: z.url(), memberId: z.string(), email: z.string() });

/**
 * A row of the outbox: kept until the server has taken it, or listed as rejected (with the server's reason) until resent or dropped.
 * Only the sign-in that queued it sends it: another member on the same browser, or the same one on another server, never does.
 */
export const OutboxEntrySchema = z.object({
  /** The owner as indexed (lib/team/outbox.ts ownerKey): its server and member id. */
  by: z.string(),
  owner: OutboxOwnerSchema,
  /** What the row is about (`item:` and its text key…): queuing it again replaces the waiting copy. */
  key: z.string(),
  /** Queue order: parents (council, committee, meeting) before what they hold. */
  seq: z.number().int(),
  state: z.enum(['queued', 'rejected']),
  row: PublishRowSchema,
  /** The server's reason, for a rejected row. */
  reason: z.string().nullable(),
});

export const TeamAnnotationSchema = z.object({
  author: z.union([z.string(), z.number()]).transform(String),
  displayName: z.string(),
  note: z.string(),
  tags: z.array(z.string()),
  shared: z.boolean(),
  /** The signed-in member wrote it. */
  mine: z.boolean(),
});

export const TeamRecordKindSchema = z.enum(['council', 'committee', 'meeting', 'item', 'clause']);

/** A row of the team's corpus as the server pages it (by updatedAt, then key). */
export const PullRowSchema = z.object({
  kind: TeamRecordKindSchema,
  key: z.string(),
  updatedAt: z.string(),
  record: z.record(z.string(), z.unknown()),
  annotations: z.array(TeamAnnotationSchema),
});

/** A pulled row as kept in the read-only `teamRows` table: the council's host indexed for the view. */
export const TeamRowSchema = PullRowSchema.extend({ host: z.string() });

/** A clause the team server's full-text search found, with its meeting and item. */
export const TeamSearchHitSchema = z.object({
  key: z.string(),
  rank: z.number(),
  record: z.object({ label: z.string().nullable(), text: z.string() }),
  meeting: z.object({ key: z.string(), date: z.string().nullable(), committeeName: z.string().nullable(), councilName: z.string().nullable(), url: z.string().nullable() }),
  item: z.object({ key: z.string(), number: z.string().nullable(), title: z.string().nullable() }),
  annotations: z.array(TeamAnnotationSchema),
});

export const MemberSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  email: z.string(),
  displayName: z.string(),
  teamName: z.string(),
});

/** The sign-in kept in browser.storage.local. */
export const TeamSessionSchema = z.object({
  /** The GraphQL endpoint, e.g. https://team.example.org/graphql. */
  server: z.url(),
  token: z.string().min(1),
  /** ISO time the token stops being accepted. */
  expiresAt: z.string(),
  member: MemberSchema,
});

/** What the member follows: whole councils (by host) and single committees. */
export const FollowsSchema = z.object({
  councils: z.array(z.string()),
  committees: z.array(z.object({ host: z.string(), committeeId: z.string(), name: z.string().nullable() })),
});

/** Where the last pull stopped, and for which follows (other follows start again from the beginning). */
export const PullCursorSchema = z.object({
  follows: z.string(),
  /** The last row's updatedAt as the server sent it (microseconds: a Date would lose them), kind and key. */
  afterUpdatedAt: z.string().nullable(),
  afterKind: z.string().nullable(),
  afterKey: z.string().nullable(),
});

export type PublishRow = z.infer<typeof PublishRowSchema>;
export type AnnotationRow = z.infer<typeof AnnotationRowSchema>;
export type PublishResult = z.infer<typeof PublishResultSchema>;
export type OutboxEntry = z.infer<typeof OutboxEntrySchema>;
export type OutboxOwner = z.infer<typeof OutboxOwnerSchema>;
export type TeamAnnotation = z.infer<typeof TeamAnnotationSchema>;
export type PullRow = z.infer<typeof PullRowSchema>;
export type TeamRow = z.infer<typeof TeamRowSchema>;
export type TeamSearchHit = z.infer<typeof TeamSearchHitSchema>;
export type Member = z.infer<typeof MemberSchema>;
export type TeamSession = z.infer<typeof TeamSessionSchema>;
export type Follows = z.infer<typeof FollowsSchema>;
export type PullCursor = z.infer<typeof PullCursorSchema>;
