import { z } from 'zod';

/** One thing to compare: an agenda item (its title and minutes) or a single resolution clause. */
export const CompareDocSchema = z.object({
  /** `host|meetingKey|itemKey` (with `#clauseIndex` for a clause): the library's own keys. */
  id: z.string(),
  host: z.string(),
  council: z.string().nullable(),
  meetingDate: z.iso.date().nullable(),
  itemNumber: z.string().nullable(),
  title: z.string(),
  /** The item's minutes, decision, agenda text, noted points and clauses; or a clause's text. */
  text: z.string(),
});

export const GroupMemberSchema = CompareDocSchema.pick({ id: true, host: true, meetingDate: true, itemNumber: true, title: true });

/** Items that discuss the same topic, across councils and meetings. */
export const CompareGroupSchema = z.object({
  /** The words the members' titles share, as printed: "child sexual exploitation". */
  label: z.string(),
  members: z.array(GroupMemberSchema),
});

export type CompareDoc = z.infer<typeof CompareDocSchema>;
export type GroupMember = z.infer<typeof GroupMemberSchema>;
export type CompareGroup = z.infer<typeof CompareGroupSchema>;
