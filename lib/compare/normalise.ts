import { stem } from './stem';
import { COUNCIL_NAME_WORDS, STOPWORDS } from './stopwords';

/** One word of a text as printed (lower case, accents folded) and the term it counts as. */
export interface Token {
  word: string;
  term: string;
}

/** Stopwords are matched as printed and as stemmed, so "members", "updated" and "minutes" go too. */
const STOP_TERMS: ReadonlySet<string> = new Set([...STOPWORDS].map(stem));

/** "Report of the Service Director, Children and Families providing…": who wrote the report
 * says nothing about its topic, yet it is printed under every item of a council's agenda. */
const REPORT_OF =
  /\breports? (?:of|from|by) the (?=(?:service|assistant|deputy|interim|acting|executive|strategic|corporate|chief|head|director|cabinet|leader|chamberlain|town|monitoring|portfolio|lead|managing)\b)[^.;:()\n]*?(?=\s(?:providing|outlining|relating|setting|seeking|regarding|detailing|informing|asking|presenting|updating|proposing|summarising|which|that|about|on|to|in)\b|[.;:()\n]|$)/g;

/** E-mail and web addresses: contact details, not topics. */
const ADDRESS = /\S+@\S+|\bhttps?:\/\/\S+|\bwww\.\S+/g;

/** Host labels that name the software or the web, not the place. */
const HOST_WORDS = new Set(
  'www moderngov modgov mgov democracy democratic democratiaeth mycouncil committees council councillors meetings minutes cmis gov uk co org net com llyw cymru wales scot'.split(' '),
);

const NO_PLACES: ReadonlySet<string> = new Set();

/** Lower case with accents folded ("Môn" → "mon") and the possessive "'s" dropped. */
export function fold(text: string): string {
  // Most minutes are plain ASCII: decomposing them would be the slowest step of indexing.
  const folded = /[^\x00-\x7f]/.test(text) ? text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '') : text;
  return folded
    .toLowerCase()
    .replace(/['\u2018\u2019]s\b/g, '')
    .replace(/['\u2018\u2019]/g, '');
}

/**
 * The words of a text that can say what it is about, each with its stemmed term: no
 * stopwords or minutes boilerplate, no numbers or dates, no report authors, and none of the
 * given place terms (from `placeTermsOf`).
 */
export function tokensOf(text: string, places: ReadonlySet<string> = NO_PLACES): Token[] {
  const tokens: Token[] = [];
  eachTerm(text, places, (word, term) => tokens.push({ word, term }));
  return tokens;
}

/** Each word and its term, in order: `tokensOf` without an object per word (indexing reads millions). */
function eachTerm(text: string, places: ReadonlySet<string>, visit: (word: string, term: string) => void): void {
  let folded = fold(text);
  // The patterns are tried only on texts that can hold them: most texts cannot, and indexing
  // a library reads every text.
  if (/@|http|www\./.test(folded)) folded = folded.replace(ADDRESS, ' ');
  if (folded.includes('report')) folded = folded.replace(REPORT_OF, ' ');
  let before = '';
  for (const word of folded.split(/[^a-z0-9]+/)) {
    let term = termOf(word);
    if (!term || places.has(term)) continue;
    term = (SECOND_WORDS.has(term) ? SAME_AFTER.get(`${before} ${term}`) : undefined) ?? SAME.get(term) ?? term;
    visit(word, term);
    before = term;
  }
}

/** Words councils use for one thing: each counts as the first ("school travel" is "school transport"). */
const SAME: ReadonlyMap<string, string> = new Map(
  [['transport', 'travel']].flatMap(([one, ...others]) => others.map((other): [string, string] => [stem(other as string), stem(one as string)])),
);

/** The same after a given word only: "Council Tax Reduction" and "Council Tax Benefit" (its name
 * before 2013) are "Council Tax Support"; a "carbon reduction" is no support. */
const SAME_AFTER: ReadonlyMap<string, string> = new Map(
  [['tax', 'support', 'reduction', 'benefit']].flatMap(([after, one, ...others]) =>
    others.map((other): [string, string] => [`${stem(after as string)} ${stem(other as string)}`, stem(one as string)]),
  ),
);

/** The words SAME_AFTER can change: only they are looked up with the word before. */
const SECOND_WORDS: ReadonlySet<string> = new Set([...SAME_AFTER.keys()].map((pair) => pair.split(' ')[1] as string));

/** Each word's term, or '' for none; a library repeats a few thousand words millions of times. */
const TERM_OF = new Map<string, string>();
const MAX_REMEMBERED = 200_000;

function termOf(word: string): string {
  // Anything with a digit is a number, a date, a time or a reference ("s32345", "2016/17"):
  // never a term, and too many and too varied to be worth remembering.
  if (word.length < 2 || /\d/.test(word)) return '';
  let term = TERM_OF.get(word);
  if (term === undefined) {
    term = STOPWORDS.has(word) ? '' : stem(word);
    if (STOP_TERMS.has(term)) term = '';
    // Bounded, so that pages full of made-up words cannot grow it without end.
    if (TERM_OF.size >= MAX_REMEMBERED) TERM_OF.clear();
    TERM_OF.set(word, term);
  }
  return term;
}

export function termsOf(text: string, places: ReadonlySet<string> = NO_PLACES): string[] {
  const terms: string[] = [];
  eachTerm(text, places, (_word, term) => terms.push(term));
  return terms;
}

/**
 * The terms and each pair of neighbours among them ("local plan", "transport plan"): a phrase
 * names a topic where its words alone do not, so a "Local Transport Plan" shares the words of a
 * "Local Plan" but not its phrase. Pairs hold a space; single terms never do.
 */
export function withPhrases(terms: string[]): string[] {
  const all = [...terms];
  for (let i = 1; i < terms.length; i++) all.push(`${terms[i - 1]} ${terms[i]}`);
  return all;
}

/**
 * The terms that name a council's place, from its name ("Southampton City Council") and its
 * host ("worcestershire.moderngov.co.uk", "mycouncil.surreycc.gov.uk"): every item of a
 * council mentions them, so they would make a council's items look alike, and two councils'
 * items look apart.
 */
export function placeTermsOf(council: string | null, host: string): string[] {
  const words = fold(council ?? '').split(/[^a-z]+/).filter((word) => word.length >= 2 && !COUNCIL_NAME_WORDS.has(word));
  for (const label of host.toLowerCase().split(/[.:-]/)) {
    if (!/^[a-z]+$/.test(label) || HOST_WORDS.has(label) || COUNCIL_NAME_WORDS.has(label)) continue;
    words.push(label);
    // "surreycc", "exampleboroughcouncil": the place without the council's initials.
    const bare = /^([a-z]{4,}?)(cc|dc|bc|mbc|council)$/.exec(label)?.[1];
    if (bare) words.push(bare);
  }
  // "Worcestershire" is also written "Worcester".
  for (const word of [...words]) if (word.endsWith('shire') && word.length >= 10) words.push(word.slice(0, -5));
  return [...new Set(words.filter((word) => word.length >= 2).map(stem))];
}
