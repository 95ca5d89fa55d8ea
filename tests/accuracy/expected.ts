import { z } from 'zod';

/** A clause as the catalogue writes it down by reading the page (tests/fixtures/catalogue/README.md). */
export const ExpectedClauseSchema = z.object({
  label: z.string().nullable(),
  /** The first words of the clause's text after its label (or after the formula). */
  start: z.string().min(1),
  formula: z.string().nullable().optional(),
  section: z.enum(['decision', 'minutes']),
  exempt: z.boolean(),
});

export const ExpectedItemSchema = z.object({
  number: z.string().nullable(),
  title: z.string(),
  procedural: z.boolean(),
  clauses: z.array(ExpectedClauseSchema),
});

export const ExpectedPageSchema = z.object({
  url: z.string().url(),
  council: z.string(),
  councilType: z.string(),
  kind: z.enum(['meeting', 'item', 'decision']),
  styles: z.array(z.string()),
  sources: z.array(z.string()),
  items: z.array(ExpectedItemSchema),
});

export type ExpectedClause = z.infer<typeof ExpectedClauseSchema>;
export type ExpectedItem = z.infer<typeof ExpectedItemSchema>;
export type ExpectedPage = z.infer<typeof ExpectedPageSchema>;
