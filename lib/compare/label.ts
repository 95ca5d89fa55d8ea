import type { CompareIndex } from './compareIndex';
import { tokensOf } from './normalise';
import type { CompareDoc } from './schema';

interface TermStats {
  /** How many members have the term at all, and in their title. */
  members: number;
  titles: number;
  weight: number;
}

/**
 * Names a group by the terms its members share: up to three that two or more of their titles
 * share, topped up to two with the heaviest terms their texts share. Each term is printed as a
 * title prints it ("exploitation", not the stem "exploit"), in the order one title gives them.
 */
export function groupLabel(index: CompareIndex, members: CompareDoc[]): string {
  const stats = new Map<string, TermStats>();
  const titleWords = members.map((doc) => new Map(tokensOf(doc.title).map(({ term, word }) => [term, word])));
  members.forEach((doc, i) => {
    for (const [term, weight] of index.vectorOf(doc.id)) {
      // Phrases are scored, not printed: their words are.
      if (term.includes(' ')) continue;
      const seen = stats.get(term) ?? { members: 0, titles: 0, weight: 0 };
      seen.members++;
      if (titleWords[i]?.has(term)) seen.titles++;
      seen.weight += weight;
      stats.set(term, seen);
    }
  });
  const shared = [...stats].filter(([, seen]) => seen.members >= 2);
  const byWeight = (a: [string, TermStats], b: [string, TermStats]) => b[1].weight - a[1].weight || a[0].localeCompare(b[0]);
  const chosen = shared.filter(([, seen]) => seen.titles >= 2).sort(byWeight).slice(0, 3);
  for (const pick of shared.filter(([, seen]) => seen.titles < 2).sort(byWeight)) {
    if (chosen.length >= 2) break;
    chosen.push(pick);
  }
  const terms = chosen.map(([term]) => term);
  return readable(terms, members, titleWords).join(' ');
}

/** The terms in the words and order of the title that holds most of them. */
function readable(terms: string[], members: CompareDoc[], titleWords: Map<string, string>[]): string[] {
  const held = (words: Map<string, string> | undefined) => terms.filter((term) => words?.has(term)).length;
  let best = 0;
  titleWords.forEach((words, i) => {
    if (held(words) > held(titleWords[best])) best = i;
  });
  // A title's map lists its terms in the order the title prints them.
  const order = [...(titleWords[best]?.keys() ?? [])];
  const position = (term: string) => (order.includes(term) ? order.indexOf(term) : order.length);
  return [...terms].sort((a, b) => position(a) - position(b)).map((term) => wordFor(term, members, titleWords));
}

/** The commonest printed form of a term: in the titles if any title has it, else in the text. */
function wordFor(term: string, members: CompareDoc[], titleWords: Map<string, string>[]): string {
  const tally = new Map<string, number>();
  for (const words of titleWords) {
    const word = words.get(term);
    if (word) tally.set(word, (tally.get(word) ?? 0) + 1);
  }
  if (tally.size === 0) {
    for (const doc of members) {
      for (const token of tokensOf(doc.text)) if (token.term === term) tally.set(token.word, (tally.get(token.word) ?? 0) + 1);
    }
  }
  return [...tally].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? term;
}
