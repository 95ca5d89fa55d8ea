/**
 * The formula lexicon: the words councils print to open a resolution. Each style in the
 * catalogue (tests/fixtures/catalogue/styles/) that is a formula is one of these shapes; a new
 * style is a new word or lead-in here, not a new branch in the reader.
 */

/** Words that are a formula on their own at the start of a sentence: "RESOLVED:", "Agreed –". */
export const FORMULA_WORDS = ['DECISION MADE', 'RESOLVED', 'RECOMMENDS', 'RESOLVE', 'AGREED', 'RECOMMENDED', 'DECIDED', 'DECISION', 'NOTED', 'PENDERFYNWYD', 'CYTUNWYD', 'ARGYMHELLWYD', 'RESLOVED', 'RESOVLED'];

/** Of those, the ones that count only when printed in capitals ("NOTED", not "Noted that…"). */
export const SHOUTED_ONLY = ['NOTED', 'RESOLVE'];

/** Verbs that follow a deciding body: "It was resolved", "The Committee resolved:-", "Cabinet agreed to:". */
export const BODY_VERBS = ['resolved', 'agreed', 'decided', 'recommended', 'resolves', 'agrees', 'decides', 'penderfynwyd'];

/** Adverbs printed inside a formula: "Resolved unanimously:", "It was therefore RESOLVED". */
export const FORMULA_ADVERBS = ['unanimously', 'accordingly', 'therefore', 'thereupon', 'then', 'further', 'also', 'finally', 'subsequently', 'nem con', 'by consensus', 'yn unfrydol'];

/** Words a lead-in before the formula starts with: "Following discussion Cabinet Resolved that:". */
export const LEAD_IN_WORDS = ['Following', 'After', 'Upon', 'On', 'Having', 'Further to', 'Thereupon', 'Whereupon', 'Accordingly', 'Therefore', 'Consequently', 'Subsequently', 'Then', 'In', 'At', 'With', 'Ar ôl', 'Yn dilyn'];

/** Who decides: "It was", "The Sub-Committee", "Cabinet", "Members", "the Panel". Case matters:
 * a body is capitalised ("Cabinet"), which keeps "the minutes were agreed" out. */
const BODY_NOUN = String.raw`[A-Z][\w'’&-]*`;
const BODY_JOIN = String.raw`(?:of|for|and|&|on|the|y|yr)`;
const BODY = String.raw`(?:[Ii]t\s+was|[Mm]embers|(?:[Tt]he\s+)?${BODY_NOUN}(?:\s+(?:${BODY_JOIN}\s+)*${BODY_NOUN}){0,7})`;
/** Bodies that are things, not deciders: "The Minutes … agreed", "The Report recommended". */
const NOT_A_BODY = /^(?:The\s+)?(?:Minutes|Report|Item|Recommendations?|Motion|Amendment|Action|Decision)\b/i;
/** People who agree to do things: actions, not resolutions ("Councillor Smith agreed to circulate…"). */
const A_PERSON = /^(?:The\s+)?(?:Councillors?|Cllrs?|Mr|Mrs|Ms|Miss|Dr|Officers?|Chair|Chairman|Chairwoman|Chairperson|Vice-Chair\w*|Director|Head|Clerk|Monitoring Officer|Chief\s+\w+)\b/i;

/** A word as printed in lower case, capitalised, in title case or in capitals (the formula's own case varies). */
const anyCase = (word: string) => {
  const spaced = (w: string) => w.replace(/\s+/g, String.raw`\s+`);
  const lower = word.toLowerCase();
  const capital = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  const forms = new Set([lower, capital(lower), lower.split(' ').map(capital).join(' '), word.toUpperCase()]);
  return [...forms].map(spaced).join('|');
};
const alternatives = (list: string[]) => list.map(anyCase).join('|');
const ADVERB = String.raw`(?:,?\s*(?:${alternatives(FORMULA_ADVERBS)})\s*,?|\s*\((?:${alternatives(FORMULA_ADVERBS)})\))`;
/** "Resolved to RECOMMEND", "RESOLVED TO RECOMMEND TO COUNCIL": a recommendation, printed as part of the formula. */
const TO_RECOMMEND = String.raw`(?:\s+(?:to|TO)\s+RECOMMEND(?:\s+TO\s+(?:COUNCIL|CABINET|THE\s+[A-Z]+))?)`;
/** What follows a formula: punctuation, "that", "to", "as follows", a label, or the end. */
const TAIL = String.raw`(?=\s*[,:–—-]|\s+(?:that|That|THAT|to|To|TO|as\s+follows|i|y|bod)\b|\s*\(|\.?\s*$)`;
/** What follows a formula before the resolution's words, taken off the clause text: ":", "–",
 * " - ", ":-", "as follows:", and a vote in brackets ("Resolved (by 21 votes to 15) to:"). */
const PUNCTUATION = /^\s*(?:\((?!\s*(?:[ivxlcdm]{1,6}|[a-z]|\d{1,3})\s*\))[^)]{0,160}\)\s*)?(?:as\s+follows\s*)?[,:–—-]*\s*-?\s*/i;

const WORD_ALONE = new RegExp(String.raw`^(?:${ADVERB}\s*)?(${alternatives(FORMULA_WORDS)})\b${TO_RECOMMEND}?(\s*${ADVERB})?${TAIL}`);
/** A formula word in capitals needs nothing after it: "PENDERFYNWYD cymeradwyo'r canlynol:", "AGREED under Section 50A". */
const SHOUTED_ALONE = new RegExp(String.raw`^(?:${ADVERB}\s*)?(${FORMULA_WORDS.join('|')})\b${TO_RECOMMEND}?(\s*${ADVERB})?(?![\w'’-])`);
const WORD_AFTER_BODY = new RegExp(String.raw`^(${BODY})\s+(?:${ADVERB}\s*)?(${FORMULA_WORDS.join('|')})\b${TO_RECOMMEND}?(\s*${ADVERB})?(?![\w'’-])`);
/** "The minutes were AGREED as a correct record": a decision in capitals after what it decided on. */
const SHOUTED_PASSIVE = /^(?:The\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,4}?\s+(?:was|were|is|are)\s+(?:(?:duly|unanimously)\s+)?(?:AGREED|APPROVED|NOTED|RESOLVED|ACCEPTED|ADOPTED)\b(?![\w'’-])/;
/** A paragraph that is only a word of assent: "Noted.", "Agreed.", "APPROVED". */
const BARE_DECISION = /^(?:NOTED|AGREED|APPROVED|Noted|Agreed|Approved)\.?$/;
const VERB_AFTER_BODY = new RegExp(String.raw`^(${BODY})\s+(?:${ADVERB}\s*)?(${alternatives(BODY_VERBS)})\b(\s*${ADVERB})?${TAIL}`);
/** "The Committee noted the update.", a paragraph of one sentence: the decision is what was noted. */
const NOTED_AFTER_BODY = new RegExp(String.raw`^(${BODY})\s+noted\s+(?=the\b)`);
const LEAD_IN = new RegExp(String.raw`^(?:${LEAD_IN_WORDS.map((w) => w.replace(/\s+/g, String.raw`\s+`)).join('|')})\b`);
/** How far into a sentence a lead-in may run before the formula. */
const LEAD_IN_CHARS = 160;

export interface Formula {
  /** The formula as printed: "RESOLVED", "It was resolved", "Cabinet Resolved", "Resolved unanimously". */
  formula: string;
  /** Where the formula starts in the text (after a lead-in or a sentence before it). */
  index: number;
  /** The text after the formula and its punctuation: the resolution's first words ("that …"). */
  rest: string;
}

function isShouted(word: string): boolean {
  return word === word.toUpperCase() && /[A-Z]/.test(word);
}

const found = (match: RegExpExecArray) => ({ formula: match[0].trim().replace(/[\s,]+$/, ''), length: match[0].length });

/** Where a formula may stand: a sentence's start, after a lead-in ("Following discussion"),
 * or after "and" ("… put to the vote and it was RESOLVED"). */
type Place = 'start' | 'lead-in' | 'and';

/** A formula at the very start of `text`, or null. Away from a sentence's start a lone word must
 * be shouted ("… and Members had agreed that …" is a sentence, "… and it was RESOLVED that" a
 * formula), and after "and" the verb must not be in lower case. */
function formulaAt(text: string, place: Place): { formula: string; length: number } | null {
  const shoutedAlone = SHOUTED_ALONE.exec(text);
  if (shoutedAlone && (!SHOUTED_ONLY.includes(shoutedAlone[1] ?? '') || place === 'start')) return found(shoutedAlone);
  const alone = WORD_ALONE.exec(text);
  if (alone && place === 'start') {
    const upper = (alone[1] ?? '').toUpperCase();
    const after = text.slice(alone[0].length);
    // Not shouted, a word is a formula only when punctuation or "that" follows ("Agreed minutes
    // were signed", "Decision to close…" are sentences); "Resolved to…" and "Agreed to…" are formulae.
    const ok =
      !SHOUTED_ONLY.includes(upper) &&
      (/^\s*(?:\([^)]{0,160}\)\s*)?(?:[:–—-]|that\b|as\s+follows\b|\.?\s*$)/i.test(after) ||
        (/^(RESOLVED|AGREED|DECIDED)$/.test(upper) && /^\s*(?:\([^)]{0,160}\)\s*)?to\b/i.test(after)));
    if (ok) return found(alone);
  }
  if (place === 'start') {
    const passive = SHOUTED_PASSIVE.exec(text);
    if (passive) return found(passive);
  }
  for (const pattern of [WORD_AFTER_BODY, VERB_AFTER_BODY]) {
    const match = pattern.exec(text);
    if (!match || NOT_A_BODY.test(match[1] ?? '') || A_PERSON.test(match[1] ?? '')) continue;
    if (place === 'and' && /^[a-z]/.test(match[2] ?? '')) continue;
    return found(match);
  }
  return null;
}

/** Sentence starts in a paragraph: its start and after ". ", "? ", "! ". */
function sentenceStarts(text: string): number[] {
  const starts = [0];
  const end = /[.!?]["”’)]?\s+(?=["“‘(]?[A-Z])/g;
  for (let m = end.exec(text); m; m = end.exec(text)) starts.push(m.index + m[0].length);
  return starts;
}

/**
 * The formula that opens a resolution in this paragraph: at the start of a sentence, after a
 * lead-in ("Following discussion", "On being put to the vote … and"), in any case. Text before
 * it is discussion, not resolution.
 */
export function findFormula(text: string): Formula | null {
  if (BARE_DECISION.test(text)) return { formula: text.replace(/\.$/, ''), index: 0, rest: '' };
  const starts = sentenceStarts(text);
  for (const start of starts) {
    const sentence = text.slice(start);
    for (const [offset, place] of formulaOffsets(sentence)) {
      const at = formulaAt(sentence.slice(offset), place);
      if (!at) continue;
      const rest = sentence.slice(offset + at.length).replace(PUNCTUATION, '').trim();
      return { formula: at.formula, index: start + offset, rest };
    }
  }
  const noted = starts.length === 1 && !/[;:]/.test(text) ? NOTED_AFTER_BODY.exec(text) : null;
  if (noted && !NOT_A_BODY.test(noted[1] ?? '') && !A_PERSON.test(noted[1] ?? '')) {
    return { formula: noted[0].trim(), index: 0, rest: text.slice(noted[0].length).trim() };
  }
  return null;
}

/** Where in a sentence a formula may start: its start; after a lead-in ("Following discussion
 * Cabinet Resolved", "Having considered the report, the Committee RESOLVED"); after "and" ("The
 * motion was put to the vote and it was RESOLVED"). A lead-in ends before ".", ";", ":". */
function formulaOffsets(sentence: string): [number, Place][] {
  const offsets: [number, Place][] = [[0, 'start']];
  const window = sentence.slice(0, LEAD_IN_CHARS);
  const stop = window.search(/[.;:!?]/);
  const lead = stop < 0 ? window : window.slice(0, stop);
  const leadIn = LEAD_IN.test(lead);
  const gap = /(,?\s+)(?=\S)/g;
  for (let m = gap.exec(lead); m; m = gap.exec(lead)) {
    const end = m.index + m[0].length;
    if (/\band$/.test(lead.slice(0, m.index))) offsets.push([end, 'and']);
    else if (leadIn) offsets.push([end, 'lead-in']);
  }
  return offsets;
}
