import { z } from 'zod';
import { OutcomeSchema, VotesSchema } from '../moderngov/outcome';
import { ClauseSchema, ItemSchema, MeetingSchema } from '../moderngov/schema';

/** Dexie cannot index booleans or null: flags are 0/1 and unknown dates are ''. */
const Flag = z.union([z.literal(0), z.literal(1)]);

/**
 * Since database version 4: the kind of page a record was saved from: a meeting page, or an
 * agenda-item (`mgAi.aspx`) or decision (`ieDecisionDetails.aspx`) page saved as one item.
 * Records saved before were all from meeting pages.
 */
export const SavedSourceSchema = z.enum(['meeting', 'item', 'decision']);

export const SavedCouncilSchema = z.object({
  host: z.string(),
  name: z.string().nullable(),
});

export const SavedCommitteeSchema = z.object({
  host: z.string(),
  committeeId: z.string(),
  name: z.string().nullable(),
});

export const SavedMeetingSchema = z.object({
  host: z.string(),
  meetingId: z.string(),
  councilName: z.string().nullable(),
  committeeId: z.string(),
  committeeName: z.string(),
  /** ISO date, or '' when the page gave none. */
  date: z.string(),
  ...MeetingSchema.pick({ title: true, time: true, venue: true, contact: true, status: true, url: true, documents: true }).shape,
  apologies: z.string().nullable(),
  declarations: z.string().nullable(),
  warnings: z.array(z.string()),
  /** The extracted page's hash when saved: a different hash now means "changed since saved". */
  contentHash: z.string(),
  retrievedAt: z.string(),
  /** 1 when the whole meeting was saved, 0 when it is here only for saved items or clauses. */
  whole: Flag,
  /** A meeting row written from an agenda-item or decision page holds what that page says of
   * its meeting; its meeting page, saved later, writes the row again. */
  source: SavedSourceSchema.default('meeting'),
});

/**
 * Fields every saved item and clause carries, for filters and export without joins. Since
 * database version 9 no search `words`: they are derived from the record's text when needed (derived.ts).
 */
const Placement = {
  host: z.string(),
  meetingId: z.string(),
  itemKey: z.string(),
  councilName: z.string().nullable(),
  committeeName: z.string(),
  date: z.string(),
  tags: z.array(z.string()),
  note: z.string(),
  savedAt: z.string(),
};

export const SavedItemSchema = z.object({
  ...Placement,
  order: z.number(),
  ...ItemSchema.pick({ number: true, id: true, title: true, description: true, documents: true, minutes: true, decision: true, notedPoints: true, fullMinutesUrl: true, procedural: true })
    .shape,
  minutesTruncated: Flag,
  /** 1 when the researcher saved the item, 0 when it is here as the context of a saved clause. */
  picked: Flag,
  /** Since database version 3: 0 when the page no longer has the item (the saved copy is kept). */
  onPage: Flag.default(1),
  /** Where the saved copy was read: saving the item from a page of another kind keeps the fuller of the two (savePlan.ts). */
  source: SavedSourceSchema.default('meeting'),
});

export const SavedClauseSchema = z.object({
  ...Placement,
  clauseIndex: z.number(),
  /** The item's place on the page, so clauses list in page order. */
  itemOrder: z.number(),
  itemNumber: z.string().nullable(),
  itemTitle: z.string(),
  ...ClauseSchema.shape,
  /** Since database version 2: what the clause does, and its vote figures when the minutes give them.
   * (`section` and `exempt`, from ClauseSchema, since version 3.) */
  outcome: OutcomeSchema,
  votes: VotesSchema.nullable(),
  /** Since database version 3: 0 when the page no longer has the clause (kept, with its tags and note, after those it has). */
  onPage: Flag.default(1),
});

/**
 * Since database version 3: what the researcher deleted, so a batch collection or an update
 * does not bring it back (a deliberate save of it does, and clears this). A clause is
 * remembered by its label and text, as annotations follow it.
 */
export const DeletionSchema = z.object({
  /** `deletionKey` of identity.ts. */
  key: z.string(),
  host: z.string(),
  meetingId: z.string(),
  itemKey: z.string(),
  clause: ClauseSchema.pick({ label: true, text: true }).nullable(),
  deletedAt: z.string(),
});

export type SavedSource = z.infer<typeof SavedSourceSchema>;
export type SavedCouncil = z.infer<typeof SavedCouncilSchema>;
export type SavedCommittee = z.infer<typeof SavedCommitteeSchema>;
export type SavedMeeting = z.infer<typeof SavedMeetingSchema>;
export type SavedItem = z.infer<typeof SavedItemSchema>;
export type SavedClause = z.infer<typeof SavedClauseSchema>;
export type Deletion = z.infer<typeof DeletionSchema>;

/**
 * Since database version 7: the library's full-text index, a posting per (word, meeting) rather
 * than index entries per clause. A posting lists the meeting's clauses and picked items having
 * the word, in page order; its key is [word, the meeting's order key], so one word's postings
 * read out in the library's order, a meeting at a time. Derived from the stored records' text
 * (derived.ts), rewritten for the whole meeting by every write (indexMeeting), never exported.
 */
export const PostingSchema = z.object({
  /** Clauses: [itemKey, clauseIndex], in page order. */
  c: z.array(z.tuple([z.string(), z.number()])),
  /** Picked items: itemKey, in page order. */
  i: z.array(z.string()),
});
export type Posting = z.infer<typeof PostingSchema>;
export type PostingKey = [word: string, orderKey: string];

/**
 * One row per meeting that has saved rows: its order key (indexed) and how many clauses and
 * picked items it has (totals with no words read these small rows, never the rows themselves).
 */
export const MeetingIndexSchema = z.object({
  host: z.string(),
  meetingId: z.string(),
  orderKey: z.string(),
  clauses: z.number(),
  items: z.number(),
});
export type MeetingIndex = z.infer<typeof MeetingIndexSchema>;

/**
 * The words a meeting has postings under, to remove them when its postings are rewritten: a
 * table of its own, read only then, so totals and listings reading the index rows do not read
 * hundreds of words per meeting.
 */
export const MeetingWordsSchema = z.object({
  host: z.string(),
  meetingId: z.string(),
  words: z.array(z.string()),
});
export type MeetingWords = z.infer<typeof MeetingWordsSchema>;

/** Since database version 8: one row per write of items or clauses (changes.ts). */
export const ChangeSchema = z.object({
  seq: z.number().int(),
  items: z.array(z.tuple([z.string(), z.string(), z.string()])),
  goneItems: z.array(z.tuple([z.string(), z.string(), z.string()])),
  goneClauses: z.array(z.tuple([z.string(), z.string(), z.string(), z.number().int()])),
  all: z.literal(1).optional(),
});
export type Change = z.infer<typeof ChangeSchema>;
