import { z } from 'zod';

// Extension pages forbid eval (MV3 CSP): zod must not try to compile validators with Function().
z.config({ jitless: true });

/** A linked document: a report, appendix or printed minutes. */
export const DocumentLinkSchema = z.object({
  title: z.string(),
  /** Absolute http(s) URL; null for a restricted (withheld) document shown without a link. */
  url: z.string().nullable(),
  sizeKb: z.number().optional(),
  restricted: z.boolean().optional(),
});

/** The part of an item a clause was read from: its "Decision:" or its "Minutes:" text. */
export const ClauseSectionSchema = z.enum(['decision', 'minutes']);

/** One resolution clause: "(ii) That officers explore…" → { label: "(ii)", text: "That officers explore…" }. */
export const ClauseSchema = z.object({
  /** The label as printed — "(i)", "1.", "a)" — or null for an unnumbered clause or a bullet. */
  label: z.string().nullable(),
  text: z.string(),
  /** The formula that opened the resolution, as printed: "RESOLVED", "It was resolved", "Cabinet
   * agreed", "Decision" for a "Decision:" section with none; "" for an exempt resolution printed
   * with no formula. (The CSV's `formula` column.) */
  keyword: z.string(),
  section: ClauseSectionSchema,
  /** The clause says the decision is in a minute exempt from publication. */
  exempt: z.boolean(),
});

export const ItemSchema = z.object({
  /** The number as printed, without its trailing full stop: "5", "3a", "77/21"; null for unnumbered rows. */
  number: z.string().nullable(),
  /** ModernGov's agenda item id (the `AI<n>` anchor or `mgAi.aspx?ID=`), unique within one host. */
  id: z.string().nullable(),
  title: z.string(),
  /** The agenda text printed under the title. */
  description: z.string(),
  documents: z.array(DocumentLinkSchema),
  /** Minutes as plain text: one paragraph a line, bullets as "• …". */
  minutes: z.string(),
  /** The text of a separate "Decision:" section, as on "Agenda, decisions and minutes" pages. */
  decision: z.string(),
  notedPoints: z.array(z.string()),
  clauses: z.array(ClauseSchema),
  /** Apologies, declarations, minutes, urgent business, exclusion of the public, announcements,
   * public questions, elections of chairs: the meeting's procedure, not a topic. */
  procedural: z.boolean(),
  minutesTruncated: z.boolean(),
  fullMinutesUrl: z.string().nullable(),
  agendaTruncated: z.boolean(),
  fullAgendaUrl: z.string().nullable(),
  /** Text cut because it exceeded the size cap (hostile or malformed pages). */
  textCapped: z.boolean(),
});

export const CouncilSchema = z.object({
  host: z.string(),
  name: z.string().nullable(),
});

export const CommitteeSchema = z.object({
  id: z.string().nullable(),
  name: z.string().nullable(),
});

export const MeetingSchema = z.object({
  id: z.string().nullable(),
  /** The page heading: "Agenda and minutes", "Agenda, decisions and minutes", "Agenda", "Rhaglen a chofnodion"… */
  title: z.string(),
  date: z.iso.date().nullable(),
  time: z.string().nullable(),
  venue: z.string().nullable(),
  contact: z.string().nullable(),
  /** "cancelled", "postponed" or "moved" when the page says so; null otherwise. */
  status: z.string().nullable(),
  url: z.string(),
  documents: z.array(DocumentLinkSchema),
});

export const AttendeeSchema = z.object({
  name: z.string(),
  role: z.string().nullable(),
  attendance: z.string().nullable(),
  url: z.string().nullable(),
});

/** The one definition of an extracted meeting, from the meeting page or the web service. */
export const MeetingRecordSchema = z.object({
  kind: z.literal('meeting'),
  council: CouncilSchema,
  committee: CommitteeSchema,
  meeting: MeetingSchema,
  items: z.array(ItemSchema),
  /** Minutes of the apologies item(s), when the page has one. */
  apologies: z.string().nullable(),
  /** Minutes of the declarations-of-interest item(s), when the page has one. */
  declarations: z.string().nullable(),
  attendance: z.array(AttendeeSchema),
  /** What the page lacked or the parser could not read, in words a researcher understands. */
  warnings: z.array(z.string()),
  /** Hash of everything above but the URL: the same page extracted twice gives the same hash. */
  contentHash: z.string(),
});

/** Where an item or decision page says it was taken: "22/05/2015 - Committee (Item 5)". */
export const MeetingRefSchema = z.object({
  meetingId: z.string().nullable(),
  committeeId: z.string().nullable(),
  committeeName: z.string().nullable(),
  date: z.iso.date().nullable(),
  url: z.string().nullable(),
});

export const ItemRecordSchema = z.object({
  kind: z.literal('item'),
  council: CouncilSchema,
  url: z.string(),
  meetingRef: MeetingRefSchema.nullable(),
  item: ItemSchema,
  warnings: z.array(z.string()),
  contentHash: z.string(),
});

export const DecisionRecordSchema = z.object({
  kind: z.literal('decision'),
  council: CouncilSchema,
  url: z.string(),
  decisionMaker: z.string().nullable(),
  status: z.string().nullable(),
  keyDecision: z.boolean().nullable(),
  subjectToCallIn: z.boolean().nullable(),
  publicationDate: z.iso.date().nullable(),
  decisionDate: z.iso.date().nullable(),
  meetingRef: MeetingRefSchema.nullable(),
  issueUrl: z.string().nullable(),
  /** The decision as an item: title, purpose as description, clauses from "Decision:". */
  item: ItemSchema,
  warnings: z.array(z.string()),
  contentHash: z.string(),
});

export const AttendanceRecordSchema = z.object({
  kind: z.literal('attendance'),
  council: CouncilSchema,
  url: z.string(),
  meetingId: z.string().nullable(),
  title: z.string().nullable(),
  attendees: z.array(AttendeeSchema),
  warnings: z.array(z.string()),
});

export const MeetingLinkSchema = z.object({
  meetingId: z.string().nullable(),
  committeeId: z.string().nullable(),
  label: z.string(),
  date: z.iso.date().nullable(),
  status: z.string().nullable(),
  url: z.string(),
});

export const MeetingListRecordSchema = z.object({
  kind: z.literal('meeting-list'),
  council: CouncilSchema,
  url: z.string(),
  /** The committee whose meetings these are; null on calendars that mix committees. */
  committee: CommitteeSchema.nullable(),
  meetings: z.array(MeetingLinkSchema),
  warnings: z.array(z.string()),
});

export const IssueRecordSchema = z.object({
  kind: z.literal('issue'),
  council: CouncilSchema,
  url: z.string(),
  issueId: z.string().nullable(),
  title: z.string().nullable(),
  details: z.record(z.string(), z.string()),
  meetings: z.array(MeetingLinkSchema),
  warnings: z.array(z.string()),
});

export const DecisionLinkSchema = z.object({
  title: z.string(),
  url: z.string(),
  date: z.iso.date().nullable(),
});

export const DecisionListRecordSchema = z.object({
  kind: z.literal('decision-list'),
  council: CouncilSchema,
  url: z.string(),
  title: z.string().nullable(),
  decisions: z.array(DecisionLinkSchema),
  warnings: z.array(z.string()),
});

export const CommitteeEntrySchema = z.object({
  id: z.string(),
  name: z.string(),
  deleted: z.boolean(),
  expired: z.boolean(),
  category: z.string().nullable(),
});

/** `GetCommittees` from the web service. */
export const CommitteeListRecordSchema = z.object({
  kind: z.literal('committee-list'),
  council: CouncilSchema,
  url: z.string(),
  committees: z.array(CommitteeEntrySchema),
  warnings: z.array(z.string()),
});

/** `GetAttachment` from the web service: one document's metadata. */
export const AttachmentRecordSchema = z.object({
  kind: z.literal('attachment'),
  council: CouncilSchema,
  url: z.string(),
  id: z.string().nullable(),
  document: DocumentLinkSchema,
  itemTitle: z.string().nullable(),
  committeeName: z.string().nullable(),
  meetingDate: z.iso.date().nullable(),
  publicationDate: z.iso.date().nullable(),
  warnings: z.array(z.string()),
});

/** The web service's own description (`mgWebService.asmx?WSDL`): which operations this council offers. */
export const WebServiceRecordSchema = z.object({
  kind: z.literal('web-service'),
  council: CouncilSchema,
  url: z.string(),
  operations: z.array(z.string()),
  httpGet: z.boolean(),
  warnings: z.array(z.string()),
});

export const PageKindSchema = z.enum([
  'meeting', 'item', 'decision', 'issue', 'attendance', 'meeting-list', 'decision-list',
  'committee-list', 'attachment', 'web-service',
]);

/** Everything `extractPage` can return: one record per kind, or why the page was not read. */
export const PageRecordSchema = z.discriminatedUnion('kind', [
  MeetingRecordSchema, ItemRecordSchema, DecisionRecordSchema, AttendanceRecordSchema,
  MeetingListRecordSchema, IssueRecordSchema, DecisionListRecordSchema, CommitteeListRecordSchema,
  AttachmentRecordSchema, WebServiceRecordSchema,
]);

export const NotRecognisedSchema = z.object({
  kind: z.null(),
  reason: z.string(),
});

export const ExtractionSchema = z.union([PageRecordSchema, NotRecognisedSchema]);

export type DocumentLink = z.infer<typeof DocumentLinkSchema>;
export type ClauseSection = z.infer<typeof ClauseSectionSchema>;
export type Clause = z.infer<typeof ClauseSchema>;
export type Item = z.infer<typeof ItemSchema>;
export type Council = z.infer<typeof CouncilSchema>;
export type Committee = z.infer<typeof CommitteeSchema>;
export type Meeting = z.infer<typeof MeetingSchema>;
export type Attendee = z.infer<typeof AttendeeSchema>;
export type MeetingRecord = z.infer<typeof MeetingRecordSchema>;
export type MeetingRef = z.infer<typeof MeetingRefSchema>;
export type ItemRecord = z.infer<typeof ItemRecordSchema>;
export type DecisionRecord = z.infer<typeof DecisionRecordSchema>;
export type AttendanceRecord = z.infer<typeof AttendanceRecordSchema>;
export type MeetingLink = z.infer<typeof MeetingLinkSchema>;
export type MeetingListRecord = z.infer<typeof MeetingListRecordSchema>;
export type IssueRecord = z.infer<typeof IssueRecordSchema>;
export type DecisionLink = z.infer<typeof DecisionLinkSchema>;
export type DecisionListRecord = z.infer<typeof DecisionListRecordSchema>;
export type CommitteeEntry = z.infer<typeof CommitteeEntrySchema>;
export type CommitteeListRecord = z.infer<typeof CommitteeListRecordSchema>;
export type AttachmentRecord = z.infer<typeof AttachmentRecordSchema>;
export type WebServiceRecord = z.infer<typeof WebServiceRecordSchema>;
export type PageKind = z.infer<typeof PageKindSchema>;
export type PageRecord = z.infer<typeof PageRecordSchema>;
export type NotRecognised = z.infer<typeof NotRecognisedSchema>;
export type Extraction = z.infer<typeof ExtractionSchema>;
