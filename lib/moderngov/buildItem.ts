import type { DocumentLink, Item } from './schema';
import { extractClauses, extractNotedPoints } from './clauses';
import { capText, paragraphsToText, type Paragraph } from './text';

/** What an item's parts hold once read off the page, before clauses are found. */
export interface ItemParts {
  number: string | null;
  id: string | null;
  title: string;
  documents: DocumentLink[];
  agenda: Paragraph[];
  minutes: Paragraph[];
  decision: Paragraph[];
  fullMinutesUrl: string | null;
  minutesTruncated: boolean;
  fullAgendaUrl: string | null;
  agendaTruncated: boolean;
}

function sameClause(a: { label: string | null; text: string }, b: { label: string | null; text: string }): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '');
  return a.label === b.label && norm(a.text) === norm(b.text);
}

/** The item record: texts capped, noted points and clauses found. A resolution printed under
 * both "Decision:" and "Minutes:" is one resolution, not two. */
export function buildItem(parts: ItemParts): Item {
  const clauses = extractClauses(parts.minutes);
  for (const clause of extractClauses(parts.decision, 'Decision')) {
    if (!clauses.some((c) => sameClause(c, clause))) clauses.push(clause);
  }
  const description = capText(paragraphsToText(parts.agenda));
  const minutes = capText(paragraphsToText(parts.minutes));
  const decision = capText(paragraphsToText(parts.decision));
  const title = capText(parts.title);
  return {
    number: parts.number,
    id: parts.id,
    title: title.text,
    description: description.text,
    documents: parts.documents,
    minutes: minutes.text,
    decision: decision.text,
    notedPoints: extractNotedPoints(parts.minutes),
    clauses,
    minutesTruncated: parts.minutesTruncated,
    fullMinutesUrl: parts.fullMinutesUrl,
    agendaTruncated: parts.agendaTruncated,
    fullAgendaUrl: parts.fullAgendaUrl,
    textCapped: title.capped || description.capped || minutes.capped || decision.capped,
  };
}
