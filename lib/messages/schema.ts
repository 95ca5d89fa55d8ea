import { z } from 'zod';
import { ExtractionSchema } from '../moderngov/schema';

/** Content script → background: what the page is, read on the live DOM. */
export const PageExtractedSchema = z.object({
  type: z.literal('page-extracted'),
  url: z.string(),
  extraction: ExtractionSchema,
});

export const MessageSchema = z.discriminatedUnion('type', [PageExtractedSchema]);

export type PageExtracted = z.infer<typeof PageExtractedSchema>;
export type Message = z.infer<typeof MessageSchema>;
