import { clauseTextKey } from './identity';

type Labelled = { label: string | null; text: string };

/**
 * Pairs the saved clauses of an item with the clauses on its page now, so tags and notes follow
 * their clause and not its place: first the same label and text, then the same text under
 * another label (a clause inserted above renumbers those below), then the same printed label
 * with edited text. Each clause is paired once, in page order. Returns, for each page clause's
 * index, its saved clause, and the saved clauses the page no longer has.
 */
export function matchClauses<S extends Labelled>(saved: readonly S[], page: readonly Labelled[]): { byPage: Map<number, S>; gone: S[] } {
  const byPage = new Map<number, S>();
  const left = new Set(saved);
  const pass = (same: (s: S, p: Labelled) => boolean) => {
    page.forEach((clause, index) => {
      if (byPage.has(index)) return;
      for (const s of left) {
        if (!same(s, clause)) continue;
        byPage.set(index, s);
        left.delete(s);
        return;
      }
    });
  };
  pass((s, p) => s.label === p.label && clauseTextKey(s.text) === clauseTextKey(p.text));
  pass((s, p) => clauseTextKey(s.text) === clauseTextKey(p.text));
  pass((s, p) => s.label !== null && s.label === p.label);
  return { byPage, gone: [...left] };
}
