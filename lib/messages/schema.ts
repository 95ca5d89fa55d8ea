import { z } from 'zod';
import { ExtractionSchema, MeetingRecordSchema } from '../moderngov/schema';

export const CompletionFailureSchema = z.object({
  itemNumber: z.string().nullable(),
  url: z.string(),
  reason: z.string(),
});

/** Content script → background: what the page is, read on the live DOM. `completing` says the
 * content script is now fetching the full text of truncated minutes. */
export const PageExtractedSchema = z.object({
  type: z.literal('page-extracted'),
  url: z.string(),
  extraction: ExtractionSchema,
  completing: z.boolean(),
});

/** Content script → background: the meeting with its truncated minutes filled in. */
export const PageCompletedSchema = z.object({
  type: z.literal('page-completed'),
  url: z.string(),
  meeting: MeetingRecordSchema,
  failures: z.array(CompletionFailureSchema),
});

export const MessageSchema = z.discriminatedUnion('type', [PageExtractedSchema, PageCompletedSchema]);

/** Panel → content script: read this meeting page of the same site, in the reader's session. */
export const CollectMeetingRequestSchema = z.object({
  type: z.literal('collect-meeting'),
  url: z.string(),
});

/** Panel → content script: the page's reading, when it was too large to store (answered with an Extraction). */
export const GetExtractionRequestSchema = z.object({ type: z.literal('get-extraction') });

/** Panel → content script: stop the collection's request under way (the panel's Cancel). */
export const CancelCollectRequestSchema = z.object({ type: z.literal('cancel-collect') });

/** Content script → panel: the meeting read, its cut-short minutes completed where possible. */
export const CollectedMeetingSchema = z.object({
  extraction: ExtractionSchema,
  failures: z.array(CompletionFailureSchema),
});

export type PageExtracted = z.infer<typeof PageExtractedSchema>;
export type PageCompleted = z.infer<typeof PageCompletedSchema>;
export type Message = z.infer<typeof MessageSchema>;
export type CollectMeetingRequest = z.infer<typeof CollectMeetingRequestSchema>;
export type CollectedMeeting = z.infer<typeof CollectedMeetingSchema>;
export type CancelCollectRequest = z.infer<typeof CancelCollectRequestSchema>;
export type GetExtractionRequest = z.infer<typeof GetExtractionRequestSchema>;
