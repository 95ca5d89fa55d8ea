import type { Clause, ClauseSection } from '../schema';
import type { Paragraph } from '../text';
import { labelKind, splitLabel } from './clauseLabels';
import { endMarkerOf } from './endMarkers';
import { isExempt } from './exempt';
import { findFormula } from './formulae';

/** "(For 24, Against 5, Abstentions 2)" and the like belong to the clause before them. */
const VOTE_LINE = /^\(?\s*(?:For|Against|Abstentions?)\b[^)]*\d/i;
/** What is left of a formula's paragraph when it only introduces clauses: "that:", "to", "–". */
const INTRODUCTION_ONLY = /^(?:(?:that|to|bod)\b)?\s*[:–—-]*\s*$/i;
/** A sentence that has ended. */
const ENDED = /[.!?]["\u201d\u2019)]?$/;

interface Block {
  formula: string;
  /** The kind of label on the formula's own paragraph ("(2) Following discussion …"): a later
   * paragraph labelled in that list is the next minute, not a clause. */
  outerKind: string | null;
  clauses: Clause[];
}

export interface SectionToRead {
  section: ClauseSection;
  paragraphs: Paragraph[];
  /** A "Decision:" section on a substantive item: with no formula in it, its text is the decision. */
  implicit: boolean;
}

/**
 * The resolutions of one section, each a list of clauses. A resolution opens at a formula
 * (formulae.ts), wherever it stands in its paragraph; labelled paragraphs and bullets start
 * clauses, unlabelled ones continue the clause before them; it ends at an end marker
 * (endMarkers.ts), at a paragraph numbered like the minute around it, or at prose after a
 * clause that has ended its sentence.
 */
export function readResolutions({ section, paragraphs, implicit }: SectionToRead): Clause[][] {
  const blocks: Block[] = [];
  let block: Block | null = null;
  if (implicit && !paragraphs.some((p) => findFormula(splitLabel(p.text).text))) {
    block = { formula: 'Decision', outerKind: null, clauses: [] };
    blocks.push(block);
  }
  const clause = (label: string | null, text: string, formula: string): Clause => ({ label, text, keyword: formula, section, exempt: false });

  for (const paragraph of paragraphs) {
    const own = splitLabel(paragraph.text);
    let formula = findFormula(own.text);
    // Inside a resolution, a clause's later sentence ("… It was agreed that officers …") is part of it.
    if (formula && formula.index > 0 && block && own.label !== null) formula = null;
    let text = paragraph.text;
    if (formula) {
      // "(2) Following discussion Cabinet Resolved that:": the label numbers the minute.
      block = { formula: formula.formula, outerKind: own.label !== null ? labelKind(own.label) : null, clauses: [] };
      blocks.push(block);
      text = formula.rest;
      if (INTRODUCTION_ONLY.test(text)) continue;
    } else if (endMarkerOf(paragraph.text) && !(block && VOTE_LINE.test(paragraph.text))) {
      block = null;
      continue;
    }
    if (!block) {
      // An exempt resolution may stand with no formula: "(1) The resolution is set out in a minute exempt from publication."
      if (isExempt(own.text)) blocks.push({ formula: '', outerKind: null, clauses: [clause(own.label, own.text, '')] });
      continue;
    }
    const current = block.clauses[block.clauses.length - 1];
    const labelled = splitLabel(text);
    if (labelled.label !== null) {
      if (!formula && block.outerKind !== null && labelKind(labelled.label) === block.outerKind) {
        block = null;
        continue;
      }
      block.clauses.push(clause(labelled.label, labelled.text, block.formula));
    } else if (current && current.text === '') {
      // A label printed on its own ("(a)" in a cell or paragraph of its own): this is its text.
      current.text = text;
    } else if (current && paragraph.bullet && current.label !== null && /:\s*$|\n• [^\n]*$/.test(current.text)) {
      // "(ii) That the following be approved:" then bullets: the bullets are that clause's.
      current.text += `\n• ${text}`;
    } else if (paragraph.bullet || !current) {
      block.clauses.push(clause(null, text, block.formula));
    } else if (VOTE_LINE.test(text) || !ENDED.test(current.text) || /^[a-z]/.test(text) || (block.formula === 'Decision' && current.label === null)) {
      current.text += `\n${text}`;
    } else {
      // Prose after a clause that has ended: "Councillor X left the meeting."
      block = null;
    }
  }
  return blocks.map((b) => dropIntroduction(b.clauses.filter((c) => c.text !== '')).map(markExempt)).filter((b) => b.length > 0);
}

function markExempt(clause: Clause): Clause {
  return isExempt(clause.text) ? { ...clause, exempt: true } : clause;
}

/** "RESOLVED that the Cabinet:" followed by "(1) …" or bullets is an introduction, not a clause. */
function dropIntroduction(block: Clause[]): Clause[] {
  const [first, second] = block;
  if (first && second && first.label === null && (second.label !== null || /[:–-]\s*$/.test(first.text))) {
    return block.slice(1);
  }
  return block;
}
