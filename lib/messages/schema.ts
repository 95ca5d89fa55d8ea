import { z } from 'zod';
import { ExtractionSchema, MeetingRecordSchema } from '../moderngov/schema';

export const CompletionFailureSchema = z.object({
  itemNumber: z.string().nullable(),
  url: z.string(),
  reason: z.string(),
});

/** A reading as its JSON text (`extractionJsonSteps`: what the content script sends), parsed, then checked. */
const ExtractionJsonSchema = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'The page reading sent is not JSON.' });
      return z.NEVER;
    }
  })
  .pipe(ExtractionSchema);

/** A reading as the content script sends it: its JSON text, or the object itself. */
export const ExtractionSentSchema = z.union([ExtractionSchema, ExtractionJsonSchema]);

/** Content script → background: what the page is, read on the live DOM. `completing` says the
 * content script is now fetching the full text of truncated minutes. */
export const PageExtractedSchema = z.object({
  type: z.literal('page-extracted'),
  url: z.string(),
  extraction: ExtractionSentSchema,
  completing: z.boolean(),
});

/** Content script → background: the meeting with its truncated minutes filled in. */
export const PageCompletedSchema = z.object({
  type: z.literal('page-completed'),
  url: z.string(),
  meeting: MeetingRecordSchema,
  failures: z.array(CompletionFailureSchema),
});

/**
 * Content script → background: a part of a reading's JSON text too long for one message. Chrome's
 * messaging copies a message in one task of the page's thread (a 1,000-item meeting's 3 MB held it
 * ~65 ms), so a long reading goes in parts, one per slice; the background joins them in order
 * (`MessageParts`) and reads the whole as one `page-extracted`.
 */
export const PageExtractedPartSchema = z.object({
  type: z.literal('page-extracted-part'),
  url: z.string(),
  completing: z.boolean(),
  index: z.number().int().min(0),
  count: z.number().int().min(1),
  text: z.string(),
});

export const MessageSchema = z.discriminatedUnion('type', [PageExtractedSchema, PageExtractedPartSchema, PageCompletedSchema]);

/** Panel → content script: read this meeting page of the same site, in the reader's session. */
export const CollectMeetingRequestSchema = z.object({
  type: z.literal('collect-meeting'),
  url: z.string(),
});

/** Panel → content script: the page's reading, when it was too large to store (answered as `ExtractionSentSchema`). */
export const GetExtractionRequestSchema = z.object({ type: z.literal('get-extraction') });

/** Panel → content script: stop the collection's request under way (the panel's Cancel). */
export const CancelCollectRequestSchema = z.object({ type: z.literal('cancel-collect') });

/** Content script → panel: the meeting read, its cut-short minutes completed where possible. */
export const CollectedMeetingSchema = z.object({
  extraction: ExtractionSchema,
  failures: z.array(CompletionFailureSchema),
});

export type PageExtracted = z.infer<typeof PageExtractedSchema>;
/** What the content script sends (the reading as its JSON text). */
export type PageExtractedSent = z.input<typeof PageExtractedSchema>;
export type PageCompleted = z.infer<typeof PageCompletedSchema>;
export type PageExtractedPart = z.infer<typeof PageExtractedPartSchema>;
export type Message = z.infer<typeof MessageSchema>;
export type CollectMeetingRequest = z.infer<typeof CollectMeetingRequestSchema>;
export type CollectedMeeting = z.infer<typeof CollectedMeetingSchema>;
export type CancelCollectRequest = z.infer<typeof CancelCollectRequestSchema>;
export type GetExtractionRequest = z.infer<typeof GetExtractionRequestSchema>;
