import { z } from 'zod';
import type { Clause } from './schema';

export const OutcomeSchema = z.enum(['resolved', 'agreed', 'noted', 'deferred', 'referred', 'recommended']);

/** Vote figures as the minutes state them: "(For 24, Against 5, Abstentions 2)". */
export const VotesSchema = z.object({
  for: z.number(),
  against: z.number(),
  abstentions: z.number().nullable(),
});

export type Outcome = z.infer<typeof OutcomeSchema>;
export type Votes = z.infer<typeof VotesSchema>;

const VOTES_NAMED = /\bFor\s*[:=-]?\s*(\d+)\s*[,;]?\s*Against\s*[:=-]?\s*(\d+)(?:\s*[,;]?\s*(?:and\s+)?Abstentions?\s*[:=-]?\s*(\d+))?/i;
const VOTES_COUNTED = /\b(\d+)\s+(?:votes\s+)?for\b\s*[,;]?\s*(\d+)\s+(?:votes\s+)?against\b(?:\s*[,;]?\s*(?:and\s+)?(\d+)\s+abstentions?)?/i;

export function votesOf(text: string): Votes | null {
  const match = VOTES_NAMED.exec(text) ?? VOTES_COUNTED.exec(text);
  if (!match) return null;
  return { for: Number(match[1]), against: Number(match[2]), abstentions: match[3] === undefined ? null : Number(match[3]) };
}

/**
 * What a clause does, read from its wording first ("be noted", "be deferred", "referred to",
 * "It is recommended") and otherwise from the word that introduced it (AGREED, RESOLVED).
 */
export function outcomeOf(clause: Pick<Clause, 'keyword' | 'text'>): Outcome {
  const text = clause.text;
  if (/\b(be|is|was|were)\s+deferred\b|\bdefer(red)?\s+(consideration|the|this|a decision)\b|\bpostponed?\b/i.test(text)) return 'deferred';
  if (/\b(?:be|is|was|were)\s+referred\b|\brefer(?:s|red)?\b[^.;]{0,80}?\bto\s+(?:the\s+)?(?:full\s+)?(?:Council|Cabinet|Executive|[A-Z][\w-]*\s+(?:Committee|Panel|Board|Group))/.test(text)) return 'referred';
  if (/^(?:that\s+)?(?:the\s+[^,;.]{0,80}?\s+)?(?:be|is|was|were)\s+noted\b|^(?:to\s+)?note[sd]?\b|\bbe noted\b/i.test(text)) return 'noted';
  if (/\brecommend(?:s|ed|ation)?\b/i.test(text) || /^recommend/i.test(clause.keyword)) return 'recommended';
  if (/agree/i.test(clause.keyword)) return 'agreed';
  return 'resolved';
}
