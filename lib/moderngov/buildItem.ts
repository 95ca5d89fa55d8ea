import type { DocumentLink, Item } from './schema';
import { extractNotedPoints } from './notedPoints';
import { proceduralKind } from './procedural';
import { readResolutions } from './resolutions/readResolutions';
import { withoutRepeats } from './resolutions/sameResolution';
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

/** The item record: texts capped, noted points and clauses found. "Decision:" is read before
 * "Minutes:", as ModernGov prints them, and a resolution printed under both is counted once. A
 * procedural item's "Decision:" text ("Apologies were received from …") on a meeting page is a
 * decision only where it holds a formula. */
export function buildItem(parts: ItemParts, { decisionPage = false } = {}): Item {
  const description = capText(paragraphsToText(parts.agenda));
  const procedural = proceduralKind(parts.title, description.text) !== null;
  const clauses = withoutRepeats([
    // A decision page is a decision whatever its title ("Minutes of Previous Meeting": approved).
    ...readResolutions({ section: 'decision', paragraphs: parts.decision, implicit: decisionPage || !procedural ? 'whole' : 'wording' }),
    ...readResolutions({ section: 'minutes', paragraphs: parts.minutes, implicit: 'wording' }),
  ]);
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
    procedural,
    minutesTruncated: parts.minutesTruncated,
    fullMinutesUrl: parts.fullMinutesUrl,
    agendaTruncated: parts.agendaTruncated,
    fullAgendaUrl: parts.fullAgendaUrl,
    textCapped: title.capped || description.capped || minutes.capped || decision.capped,
  };
}
