import type { Paragraph } from './text';

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
