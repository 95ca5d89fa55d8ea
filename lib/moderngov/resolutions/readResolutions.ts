import type { Clause, ClauseSection } from '../schema';
import type { Paragraph } from '../text';
import { bareLetterLabels, labelKind, splitLabel } from './clauseLabels';
import { endMarkerOf } from './endMarkers';
import { isExempt } from './exempt';
import { findFormula } from './formulae';

/** "(For 24, Against 5, Abstentions 2)" and the like belong to the clause before them. */
const VOTE_LINE = /^\(?\s*(?:For|Against|Abstentions?)\b[^)]*\d/i;
/** What is left of a formula's paragraph when it only introduces clauses: "that:", "to", "–",
 * "That Cabinet", "that the Council:". */
const INTRODUCTION_ONLY = /^(?:(?:[Tt]hat|THAT|[Tt]o|TO|[Bb]od)\b(?:\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})?)?\s*[:;.–—-]*\s*-?\s*$/;
/** A decision section that says nothing was decided: "None.", "N/A". */
const NOTHING_DECIDED = /^(?:none|nil|n\/a|not applicable|no\s+(?:decision|items?|matters?)\b[^.]*)\.?$/i;
/** "Cabinet agreed to the following for the reasons set out above": it points at the resolution that follows. */
const POINTS_AHEAD = /^(?:to\s+)?(?:the\s+)?following\b/i;
/** A motion put before the formula: "(a) It was moved by …, seconded by … and". */
const MOTION = /\b(?:moved|seconded|proposed|put\s+to\s+the\s+vote)\b/i;
/** A sentence that has ended. */
const ENDED = /[.!?]["\u201d\u2019)]?$/;
/** Resolution wording with no formula before it: "That the Motion be referred …", "To approve the policy". */
const BARE_RESOLUTION =
  /^(?:That\s[^.;:]{0,300}?\b(?:be|are)\b|To\s+(?:approve|note|agree|adopt|endorse|receive|delegate|authorise|authorize|confirm|accept|recommend|refer|defer|request|ask|support|reject|refuse|grant|appoint|elect|exclude)\b)/;
/** An introduction whose numbered or bulleted lines are part of it: "… subject to the following
 * conditions:", "… during consideration of the following items of business:-". */
const INTRODUCES_LIST = /\b(?:conditions?|reasons?|informatives?|notes?|items?(?:\s+of\s+business)?|paragraphs?)\b[^:]{0,80}:\s*-?\s*$/i;
/** Formulae that are a whole decision when nothing follows them: "NOTED.", "Agreed.", "The report was NOTED." */
const ASSENT = /(?:NOTED|AGREED|APPROVED|Noted|Agreed|Approved)$/;

export type Implicit =
  /** The section's text is the decision when it holds no formula (a decision page, a substantive item's "Decision:"). */
  | 'whole'
  /** Only resolution wording opens a decision without a formula ("That … be …"): procedural items, minutes. */
  | 'wording';

export interface SectionToRead {
  section: ClauseSection;
  paragraphs: Paragraph[];
  implicit: Implicit;
}

/** A clause while it is read: `subKind` is the kind of the list inside it, once one has started. */
type ReadingClause = Clause & { subKind?: string };

interface Block {
  formula: string;
  /** The kinds of label that number the minute around the resolution: the formula's own
   * paragraph ("(2) Following discussion Cabinet Resolved that:") and the discussion before it
   * ("1.1 The Convener congratulated …"). A later paragraph labelled so is the next minute. */
  outerKinds: Set<string>;
  clauses: ReadingClause[];
  /** "NOTED." or "Agreed." standing alone: the decision is the word itself. */
  bare: Clause | null;
}

/**
 * The resolutions of one section, each a list of clauses. A resolution opens at a formula
 * (formulae.ts), wherever it stands in its paragraph; labelled paragraphs (clauseLabels.ts) and
 * bullets start clauses, unlabelled ones continue the clause before them; it ends at an end
 * marker (endMarkers.ts), at a paragraph numbered like the minute around it, or at prose after a
 * clause that has ended its sentence.
 */
export function readResolutions({ section, paragraphs, implicit }: SectionToRead): Clause[][] {
  const blocks: Block[] = [];
  const clause = (label: string | null, text: string, formula: string): Clause => ({ label, text, keyword: formula, section, exempt: false });
  // Labels on the discussion outside any resolution number the minutes.
  const minuteKinds = new Set<string>();
  const open = (formula: string, outerKind: string | null = null, bare: Clause | null = null): Block => {
    const block: Block = { formula, outerKinds: new Set(outerKind === null ? minuteKinds : [...minuteKinds, outerKind]), clauses: [], bare };
    blocks.push(block);
    return block;
  };
  // Each paragraph's label and formula, read once: the loop also looks one paragraph ahead.
  const owns = paragraphs.map((p) => splitLabel(p.text));
  const formulae = owns.map((own) => findFormula(own.text));
  const hasFormula = formulae.some((f) => f !== null);
  const letters = bareLetterLabels(paragraphs);
  // A decision section is the decision; before a formula in it, only labelled clauses count
  // ("i. …", "ii. …", then "RECOMMENDS TO THE BOARD:" "iii. …"), not prose ("The Cabinet considered …").
  let block: Block | null = implicit === 'whole' ? open('Decision') : null;
  const implicitBlock = block;
  // "(a) It was moved by …, seconded by … and" then "RESOLVED that …": the label is the resolution's.
  let leadInLabel: string | null = null;

  paragraphs.forEach((paragraph, index) => {
    const own = owns[index]!;
    const current = block?.clauses[block.clauses.length - 1];
    let formula = formulae[index] ?? null;
    // Inside a resolution, a labelled line that goes on with its list ("3. AGREED TO DELEGATE …"),
    // that follows its introduction ("RESOLVED that Cabinet:" then "1. NOTED …"), or a clause's
    // later sentence ("… It was agreed that …") is a clause, not a new resolution.
    if (formula && block && own.label !== null) {
      const continuesList = current?.label != null && labelKind(current.label) === labelKind(own.label);
      const afterIntroduction = current === undefined || (current.label === null && /[:;]\s*-?$/.test(current.text));
      if (formula.index > 0 || continuesList || afterIntroduction) formula = null;
    }
    if (!formula && own.label !== null && MOTION.test(own.text) && !ENDED.test(own.text) && formulae[index + 1] && !owns[index + 1]?.label) {
      leadInLabel = own.label;
      block = null;
      return;
    }
    let text = paragraph.text;
    if (formula) {
      const label = own.label ?? leadInLabel;
      const assent = ASSENT.test(own.text.replace(/\.$/, '')) && INTRODUCTION_ONLY.test(formula.rest) && !/[:–—-]\s*$/.test(own.text);
      // "(2) Following discussion Cabinet Resolved that:": the label numbers the minute.
      block = open(formula.formula, own.label !== null ? labelKind(own.label) : null, assent ? clause(label, own.text.slice(formula.index), formula.formula) : null);
      text = leadInLabel !== null && own.label === null ? `${leadInLabel} ${formula.rest}` : formula.rest;
      leadInLabel = null;
      if (INTRODUCTION_ONLY.test(formula.rest)) return;
    } else if (block && endMarkerOf(paragraph.text) && !VOTE_LINE.test(paragraph.text)) {
      block = null;
      return;
    } else if (!block) {
      if (!hasFormula && implicit === 'wording' && BARE_RESOLUTION.test(own.text)) {
        block = open(section === 'decision' ? 'Decision' : '');
      } else {
        // An exempt resolution may stand with no formula: "(1) The resolution is set out in a minute exempt from publication."
        if (isExempt(own.text)) open('').clauses.push(clause(own.label, own.text, ''));
        // A numbered line of discussion numbers the minutes; one worded as a resolution is a motion put before it.
        else if (own.label !== null && !/^[“"‘']?(?:That|To)\s/.test(own.text)) minuteKinds.add(labelKind(own.label));
        return;
      }
    }
    if (block.formula === 'Decision' && block.clauses.length === 0 && NOTHING_DECIDED.test(text)) return;
    if (!readClauseLine(block, paragraph, text, letters.get(paragraph) ?? null, clause)) block = null;
  });
  // A resolution that only points at the next one ("Cabinet agreed to the following …") is not one.
  const real = blocks.filter(
    (b, i) =>
      !(i < blocks.length - 1 && b.clauses.length === 1 && b.clauses[0]!.label === null && POINTS_AHEAD.test(b.clauses[0]!.text)) &&
      !(b === implicitBlock && hasFormula && b.clauses.every((c) => c.label === null)),
  );
  return real
    .map((b) => {
      const clauses = b.clauses.filter((c) => c.text !== '');
      return (clauses.length === 0 && b.bare ? [b.bare] : dropIntroduction(clauses)).map(finished);
    })
    .filter((b) => b.length > 0);
}

/** Adds one line to the resolution: a new clause, or more of the current one. False when the
 * line is not part of the resolution, which then ends. `letter` is a bare "A"/"B" label found
 * for the line by its series. */
function readClauseLine(block: Block, paragraph: Paragraph, text: string, letter: string | null, clause: (label: string | null, text: string, formula: string) => Clause): boolean {
  const current = block.clauses[block.clauses.length - 1];
  if (current && paragraph.bullet && (current.label !== null || INTRODUCES_LIST.test(current.text) || current.subKind === '•') && /:\s*-?\s*$|\n• [^\n]*$/.test(current.text)) {
    // "(ii) That the following be approved:" then bullets, "… the following items of business:-"
    // then bullets: the bullets are that clause's.
    current.subKind ??= '•';
    current.text += `\n• ${text}`;
    return true;
  }
  const labelled = letter !== null ? { label: letter, text: text.slice(letter.length).trim() } : splitLabel(text);
  if (labelled.label !== null) {
    const kind = labelKind(labelled.label);
    if (block.outerKinds.has(kind)) return false;
    const line = `${labelled.label} ${labelled.text}`;
    // A list inside a clause: "(a) … include reports on:" then (i) (ii), or "… subject to the
    // following conditions:" then 1. 2. 3. The lines are that clause's while its list goes on.
    if (current?.subKind === kind) {
      current.text += `\n${line}`;
      return true;
    }
    const opensList = current !== undefined && current.subKind === undefined && /:\s*$/.test(current.text);
    if (opensList && (current.label === null ? INTRODUCES_LIST.test(current.text) : labelKind(current.label) !== kind)) {
      current.subKind = kind;
      current.text += `\n${line}`;
      return true;
    }
    block.clauses.push(clause(labelled.label, labelled.text, block.formula));
    return true;
  }
  if (current && current.text === '') {
    // A label printed on its own ("(a)" in a cell or paragraph of its own): this is its text.
    current.text = text;
  } else if (paragraph.bullet || !current) {
    block.clauses.push(clause(null, text, block.formula));
  } else if (VOTE_LINE.test(text) || !ENDED.test(current.text) || /^[a-z]/.test(text) || (block.formula === 'Decision' && current.label === null)) {
    current.text += `\n${text}`;
  } else {
    // Prose after a clause that has ended: "Councillor X left the meeting."
    return false;
  }
  return true;
}

function finished({ subKind: _, ...clause }: ReadingClause): Clause {
  return isExempt(clause.text) ? { ...clause, exempt: true } : clause;
}

/** "RESOLVED that the Cabinet:" followed by "(1) …" or bullets is an introduction, not a clause. */
function dropIntroduction(block: ReadingClause[]): ReadingClause[] {
  const [first, second] = block;
  if (first && second && first.label === null && (second.label !== null || /[:–-]\s*$/.test(first.text) || INTRODUCTION_ONLY.test(first.text))) {
    return block.slice(1);
  }
  return block;
}
