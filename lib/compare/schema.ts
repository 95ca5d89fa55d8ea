import { z } from 'zod';

/** Where a compared unit was read from: an item of a meeting page, an agenda-item page
 * (`mgAi.aspx`), a decision page (`ieDecisionDetails.aspx`), an issue page, or one saved clause. */
export const CompareKindSchema = z.enum(['meeting-item', 'item', 'decision', 'issue', 'clause']);

/** One thing to compare: an agenda item, a decision, an issue, or a single resolution clause. */
export const CompareDocSchema = z.object({
  /** `host|meetingKey|itemKey` (with `#clauseIndex` for a clause): the library's own keys; an
   * agenda-item page of a known meeting gets the id its item has on the meeting page. */
  id: z.string(),
  kind: CompareKindSchema,
  host: z.string(),
  council: z.string().nullable(),
  committee: z.string().nullable(),
  meetingDate: z.iso.date().nullable(),
  itemNumber: z.string().nullable(),
  title: z.string(),
  /** The item's minutes, decision, agenda text, noted points and clauses; or a clause's text. */
  text: z.string(),
  /** The resolution clauses, as printed. */
  clauses: z.array(z.string()),
  /** What was done, from the clauses ("agreed", "noted"…, each once, in clause order), or '' when none was read. */
  outcome: z.string(),
  /** The page it was read from, when known. */
  url: z.string().nullable(),
});

export const GroupMemberSchema = CompareDocSchema.pick({ id: true, host: true, meetingDate: true, itemNumber: true, title: true });

/** Items that discuss the same topic, across councils and meetings. */
export const CompareGroupSchema = z.object({
  /** The words the members' titles share, as printed: "child sexual exploitation". */
  label: z.string(),
  members: z.array(GroupMemberSchema),
});

export type CompareKind = z.infer<typeof CompareKindSchema>;
export type CompareDoc = z.infer<typeof CompareDocSchema>;
export type GroupMember = z.infer<typeof GroupMemberSchema>;
export type CompareGroup = z.infer<typeof CompareGroupSchema>;
