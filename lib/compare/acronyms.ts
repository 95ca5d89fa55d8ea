/**
 * Acronyms spelt out, so that "CTS" in one council's minutes and "Council Tax Support" in
 * another's are the same words. Minutes define most acronyms they use ("Council Tax Support
 * (CTS)") and then print the letters alone; a few are so common in local government that
 * minutes use them undefined, and those are listed here.
 */

/** Written out as minutes define them; an acronym a text defines itself wins over this list. */
const KNOWN: ReadonlyMap<string, string> = new Map([
  ['CTS', 'Council Tax Support'],
  ['LCTS', 'Local Council Tax Support'],
  ['LCTSS', 'Local Council Tax Support Scheme'],
  ['CTR', 'Council Tax Reduction'],
  ['CTRS', 'Council Tax Reduction Scheme'],
  ['CSE', 'Child Sexual Exploitation'],
  ['CCE', 'Child Criminal Exploitation'],
  ['SEND', 'Special Educational Needs and Disabilities'],
  ['SEN', 'Special Educational Needs'],
  ['EHCP', 'Education, Health and Care Plan'],
  ['EHCPs', 'Education, Health and Care Plans'],
  ['HMO', 'House in Multiple Occupation'],
  ['HMOs', 'Houses in Multiple Occupation'],
  ['PSPO', 'Public Spaces Protection Order'],
  ['PSPOs', 'Public Spaces Protection Orders'],
  ['ASB', 'Anti-Social Behaviour'],
]);

/** Words an acronym's letters skip: "Houses in Multiple Occupation" is HMO. */
const SMALL = new Set(['of', 'and', 'in', 'the', 'for', 'to', 'on', 'with', '&']);
/** "(ABC)": the definition is the shortest run of the words before it that the letters spell. */
const BRACKETED = /\(([A-Z]{2,6})(s?)\)/g;

/** The words before an acronym that its letters spell, as printed ("Council Tax Support"), or null. */
function definitionOf(before: string, letters: string): string | null {
  // The last 8 words before the bracket, up to a sentence or clause break.
  const words = (before.split(/[.;:()\n]/).pop() ?? '').trim().split(/\s+/).slice(-8).map((w) => w.replace(/[,]$/, ''));
  // "Home-to-School Transport (HTST)": each part of a hyphenated word has its letter.
  const parts = words.flatMap((word, i) => word.split('-').map((part) => ({ part, word: i })));
  let next = letters.length - 1;
  for (let i = parts.length - 1; i >= 0; i--) {
    const { part, word } = parts[i] as { part: string; word: number };
    if (part[0]?.toLowerCase() === letters[next]?.toLowerCase()) next--;
    else if (!SMALL.has(part.toLowerCase())) return null;
    if (next < 0) return words.slice(word).join(' ');
  }
  return null;
}

/** The acronyms a text defines, and their definitions. */
export function definedAcronyms(text: string): Map<string, string> {
  const found = new Map<string, string>();
  // Found from the brackets, then read backwards: a pattern for the words before would be
  // tried at every word of a long text.
  for (const match of text.matchAll(BRACKETED)) {
    const [, letters = '', plural = ''] = match;
    const definition = definitionOf(text.slice(Math.max(0, match.index - 160), match.index), letters);
    if (definition && !found.has(letters)) {
      found.set(letters, definition);
      if (plural) found.set(`${letters}s`, definition);
    }
  }
  return found;
}

const ACRONYM = /\b[A-Z]{2,6}s?\b/g;

/**
 * The title and text with every acronym the text defines, or the list above knows, written out
 * in full where it is printed alone ("the CTS scheme" → "the Council Tax Support scheme"). The
 * definition itself ("Council Tax Support (CTS)") is left as it is.
 */
export function expandAcronyms(title: string, text: string): { title: string; text: string } {
  if (!/[A-Z]{2}/.test(title) && !/[A-Z]{2}/.test(text)) return { title, text };
  const defined = definedAcronyms(`${title}\n${text}`);
  const expand = (part: string) =>
    part.replace(ACRONYM, (letters, at: number) => {
      const full = defined.get(letters) ?? KNOWN.get(letters);
      // "(CTS)" right after its definition stays: the words are already there.
      if (!full || (part[at - 1] === '(' && part[at + letters.length] === ')')) return letters;
      return full;
    });
  return { title: expand(title), text: expand(text) };
}
