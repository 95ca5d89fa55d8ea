import type { Clause } from '../schema';

/** Words that say nothing of what was decided ("that", "the", "be"). */
const FILLER = new Set(['a', 'an', 'and', 'as', 'at', 'be', 'by', 'for', 'from', 'in', 'is', 'it', 'of', 'on', 'or', 'that', 'the', 'this', 'to', 'was', 'were', 'with']);

function wordsOf(text: string): Set<string> {
  return new Set(text.toLowerCase().split(/[^a-z0-9\u00C0-\u024F]+/).filter((w) => w.length > 0 && !FILLER.has(w)));
}

/** How alike two clauses are: the share of words they have in common (Jaccard). */
function likeness(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 1 : shared / union;
}

/** Clauses this alike are one clause worded twice ("That the report be noted" / "the report be noted."). */
const SAME_CLAUSE = 0.6;
/** A resolution is a repeat when this share of its clauses repeat earlier ones. */
const SAME_RESOLUTION = 0.8;

/**
 * One resolution printed twice — under "Decision:" and again under "Minutes:", in slightly
 * different words, maybe with a voting table between — is counted once, where it is printed
 * first. Clauses within one resolution are never merged: "(a) approve option A" and "(b) approve
 * option B" are two.
 */
export function withoutRepeats(resolutions: Clause[][]): Clause[] {
  const kept: Set<string>[] = [];
  const out: Clause[] = [];
  for (const resolution of resolutions) {
    const words = resolution.map((c) => wordsOf(c.text));
    const repeats = words.filter((w) => kept.some((k) => likeness(w, k) >= SAME_CLAUSE)).length;
    if (kept.length > 0 && repeats / resolution.length >= SAME_RESOLUTION) continue;
    kept.push(...words);
    out.push(...resolution);
  }
  return out;
}
