import type { Clause } from './schema';
import type { Paragraph } from './text';

/** Words that open a resolution: "RESOLVED:", "Resolved –", "AGREED", "RECOMMENDED" (to Council), "Decision:", Welsh "PENDERFYNWYD". */
const WORD_KEYWORD = /^(RESOLVED|RESOLVE|AGREED|RECOMMENDED|DECISION|DECIDED|PENDERFYNWYD|CYTUNWYD)\b\s*([:–—-]*)\s*/i;
/** "The Panel agreed …", "The Cabinet Member resolved …": a named body, then the verb. */
const BODY_KEYWORD = /^(The (?:[A-Z][\w'-]*\s){1,4}(?:agreed|resolved))\b\s*[:–—-]*\s*/;

/** A clause label at the start of a paragraph: (i) (a) (1) 1. 1) i) a) — then a space or the end. */
const LABEL = /^(\(\s*(?:[ivxlcdm]{1,6}|[a-z]|\d{1,3})\s*\)|(?:[ivxlcdm]{1,6}|[a-z]|\d{1,3})[.)])(?=\s|$)/i;

/** The end of a paragraph that introduces a list: ":", ";" or "-", then at most a dash. */
const INTRO_END = /[:;-]\s*-?\s*$/;

/** The last match of a global regex in `text`, or null. */
function lastMatch(text: string, pattern: RegExp): RegExpExecArray | null {
  let last: RegExpExecArray | null = null;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) last = m;
  return last;
}

/**
 * "The Panel particularly noted the following points:-", "the following main points were raised:":
 * "following … points", "points … raised/made/noted" or "noted the following", its last word in
 * the paragraph's last sentence, which ends in ":", ";" or "-". Read in linear time: the one
 * regex this replaces backtracked for minutes over a long paragraph repeating "points raised".
 */
export function isPointsIntro(text: string): boolean {
  const end = INTRO_END.exec(text);
  if (!end) return false;
  const body = text.slice(0, end.index);
  // No full stop may come between the phrase's last word and the end.
  const cut = body.lastIndexOf('.') + 1;
  const tail = body.slice(cut);
  if (/\bnoted the following/i.test(tail)) return true;
  const points = lastMatch(tail, /\bpoints?\b/gi);
  if (points && /\bfollowing\b/i.test(text.slice(0, cut + points.index))) return true;
  const verb = lastMatch(tail, /\b(raised|made|noted)\b/gi);
  return verb !== null && /\bpoints?\b/i.test(text.slice(0, cut + verb.index));
}

export interface ResolutionStart {
  keyword: string;
  rest: string;
}

/** The keyword that opens a paragraph, if it opens a resolution. A word used in a sentence
 * ("Agreed minutes were signed") is not one: it must be shouted or followed by ":", "–" or "that". */
export function resolutionStart(text: string): ResolutionStart | null {
  const word = WORD_KEYWORD.exec(text);
  if (word) {
    const printed = word[1] ?? '';
    const rest = text.slice(word[0].length).trim();
    const shouted = printed === printed.toUpperCase();
    if (shouted || (word[2] ?? '') !== '' || /^that\b/i.test(rest)) return { keyword: printed, rest };
    return null;
  }
  const body = BODY_KEYWORD.exec(text);
  if (body) return { keyword: body[1] ?? '', rest: text.slice(body[0].length).trim() };
  return null;
}

export function splitLabel(text: string): { label: string | null; text: string } {
  const match = LABEL.exec(text);
  if (!match) return { label: null, text };
  const label = (match[1] ?? '').replace(/\s+/g, '');
  return { label, text: text.slice(match[0].length).trim() };
}

/** A short line ending in a colon ("Reasons for Decisions:", "Options considered:") heads what follows. */
const SECTION_HEADING = /^[^.;:]{1,60}:\s*-?$/;

/** "(For 24, Against 5, Abstentions 2)" and the like belong to the clause before them. */
const VOTE_LINE = /^\(?\s*(?:For|Against|Abstentions?)\b[^)]*\d/i;

/**
 * Resolution clauses of a section's paragraphs. A resolution starts at its keyword; labelled
 * paragraphs and bullets start clauses, unlabelled ones continue the current clause (a clause
 * may span paragraphs). An unnumbered resolution that has ended its sentence ends the block, so
 * later prose ("Councillor X left the meeting.") is not taken for a clause.
 * `implicitKeyword` treats the whole section as one resolution ("Decision:" sections).
 */
export function extractClauses(paragraphs: Paragraph[], implicitKeyword?: string): Clause[] {
  const blocks: Clause[][] = [];
  let block: Clause[] | null = implicitKeyword ? [] : null;
  let keyword = implicitKeyword ?? '';
  if (block) blocks.push(block);
  for (const paragraph of paragraphs) {
    const start = resolutionStart(paragraph.text);
    let text = paragraph.text;
    if (start) {
      keyword = start.keyword;
      block = [];
      blocks.push(block);
      text = start.rest;
      if (!text) continue;
    }
    if (!block) continue;
    const current = block[block.length - 1];
    const labelled = splitLabel(text);
    if (labelled.label !== null) {
      block.push({ label: labelled.label, text: labelled.text, keyword });
    } else if (current && current.text === '') {
      // A label printed on its own ("(a)" in a cell or paragraph of its own): this is its text.
      current.text = text;
    } else if (current && paragraph.bullet && current.label !== null && /:\s*$|\n• [^\n]*$/.test(current.text)) {
      // "(ii) That the following be approved:" then bullets: the bullets are that clause's.
      current.text += `\n• ${text}`;
    } else if (current && !start && !paragraph.bullet && SECTION_HEADING.test(text)) {
      // "Reasons for Decisions:" ends the resolution.
      block = null;
    } else if (paragraph.bullet || !current) {
      block.push({ label: null, text, keyword });
    } else if (current.label !== null || implicitKeyword || VOTE_LINE.test(text) || !/[.!?]["\u201d\u2019)]?$/.test(current.text)) {
      current.text += `\n${text}`;
    } else {
      block = null;
    }
  }
  // A label with no text after it (the page ends, or the next clause starts) is not a clause.
  return blocks.map((b) => b.filter((clause) => clause.text !== '')).flatMap(dropIntroduction);
}

/** "RESOLVED that the Cabinet:" followed by "(1) …" or bullets is an introduction, not a clause. */
function dropIntroduction(block: Clause[]): Clause[] {
  const [first, second] = block;
  if (first && second && first.label === null && (second.label !== null || /[:–-]\s*$/.test(first.text))) {
    return block.slice(1);
  }
  return block;
}

/** Bulleted points after a "noted the following points:-" paragraph. */
export function extractNotedPoints(paragraphs: Paragraph[]): string[] {
  const points: string[] = [];
  let collecting = false;
  for (const paragraph of paragraphs) {
    if (!paragraph.bullet) {
      collecting = isPointsIntro(paragraph.text);
      continue;
    }
    if (collecting) points.push(paragraph.text);
  }
  return points;
}
