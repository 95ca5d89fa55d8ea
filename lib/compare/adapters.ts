import { clauseKey, itemKey, itemKeyOf, itemRefOf } from '../library/identity';
import type { SavedClause, SavedItem } from '../library/schema';
import { outcomeOf } from '../moderngov/outcome';
import type { Clause, Extraction, Item, MeetingRecord } from '../moderngov/schema';
import type { CompareDoc } from './schema';

interface ItemParts {
  description: string;
  minutes: string;
  decision: string;
  notedPoints: string[];
  clauses: string[];
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Everything an item says, each sentence once: meeting pages print the noted points and
 * clauses inside the minutes, and "Agenda, decisions and minutes" pages print the decision
 * again in the minutes, so a part is added only when the text so far lacks it. */
function itemText(parts: ItemParts): string {
  const texts: string[] = [];
  let seen = '';
  for (const part of [parts.minutes, parts.decision, parts.description, ...parts.notedPoints, ...parts.clauses]) {
    const flat = squash(part);
    if (!flat || seen.includes(flat)) continue;
    texts.push(part);
    seen += `\n${flat}`;
  }
  return texts.join('\n');
}

/** Each outcome once, in clause order: "agreed, noted". */
export function outcomeSummary(outcomes: string[]): string {
  return [...new Set(outcomes)].join(', ');
}

interface Placing {
  id: string;
  kind: CompareDoc['kind'];
  host: string;
  council: string | null;
  committee: string | null;
  meetingDate: string | null;
  url: string | null;
}

/** The doc of one extracted item, or none for procedure (apologies, minutes, declarations): it is no topic. */
function docOfItem(item: Item, placing: Placing): CompareDoc[] {
  if (item.procedural) return [];
  const clauses = item.clauses.map((clause: Clause) => clause.text);
  return [{
    ...placing,
    itemNumber: item.number,
    title: item.title,
    text: itemText({ ...item, clauses }),
    clauses,
    outcome: outcomeSummary(item.clauses.map(outcomeOf)),
  }];
}

/** One doc per agenda item of an extracted meeting. Ids use the library's keys, so an item
 * read from a page and the same item saved in the library are one doc. */
export function docsFromMeeting(record: MeetingRecord): CompareDoc[] {
  const { host, name } = record.council;
  return record.items.flatMap((item, index) =>
    docOfItem(item, {
      id: itemKey(itemRefOf(record, item, index)),
      kind: 'meeting-item',
      host,
      council: name,
      committee: record.committee.name,
      meetingDate: record.meeting.date,
      url: record.meeting.url,
    }),
  );
}

const ISSUE_FILING = /\b(type|status|wards?|officer|date|key|maker|reference|call-in|portfolio|contact)\b/i;

/**
 * The comparable units of any extracted page: a meeting's items, the item of an agenda-item
 * page, the decision of a decision page, the issue of an issue page; nothing for the other
 * kinds (lists, attendance), which hold no topic text. An agenda-item page of a known meeting
 * gets its item's id on the meeting page, so reading both compares the item once.
 */
export function docsFromPage(extraction: Extraction): CompareDoc[] {
  switch (extraction.kind) {
    case 'meeting':
      return docsFromMeeting(extraction);
    case 'item':
    case 'decision': {
      const { council, meetingRef, item, url } = extraction;
      const meetingId = extraction.kind === 'item' && meetingRef?.meetingId ? meetingRef.meetingId : `url:${url}`;
      const date = meetingRef?.date ?? (extraction.kind === 'decision' ? extraction.decisionDate : null);
      const committee = meetingRef?.committeeName ?? (extraction.kind === 'decision' ? extraction.decisionMaker : null);
      return docOfItem(item, {
        id: itemKey({ host: council.host, meetingId, itemKey: extraction.kind === 'item' ? itemKeyOf(item, 0) : 'decision' }),
        kind: extraction.kind,
        host: council.host,
        council: council.name,
        committee,
        meetingDate: date,
        url,
      });
    }
    case 'issue': {
      // The issue's own words (description, purpose), not its filing: type, status, wards, officers, dates.
      const text = Object.entries(extraction.details)
        .filter(([field]) => !ISSUE_FILING.test(field))
        .map(([, value]) => value)
        .join('\n');
      if (!extraction.title && !text) return [];
      const dates = extraction.meetings.map((m) => m.date).filter((d): d is string => d !== null).sort();
      return [{
        id: itemKey({ host: extraction.council.host, meetingId: `url:${extraction.url}`, itemKey: 'issue' }),
        kind: 'issue',
        host: extraction.council.host,
        council: extraction.council.name,
        committee: Object.entries(extraction.details).find(([field]) => /decision maker/i.test(field))?.[1] ?? null,
        meetingDate: dates[dates.length - 1] ?? null,
        itemNumber: null,
        title: extraction.title ?? '',
        text,
        clauses: [],
        outcome: '',
        url: extraction.url,
      }];
    }
    default:
      return [];
  }
}

/** The procedural items of a page (apologies, minutes, declarations…): never compared, only counted. */
export function proceduralItemsOf(extraction: Extraction): Item[] {
  if (extraction.kind === 'meeting') return extraction.items.filter((item) => item.procedural);
  if ((extraction.kind === 'item' || extraction.kind === 'decision') && extraction.item.procedural) return [extraction.item];
  return [];
}

/** One doc per saved item (from any kind of page), with the text of its saved clauses; procedural items are left out. */
export function docsFromLibrary(items: SavedItem[], clauses: SavedClause[]): CompareDoc[] {
  const clausesOf = new Map<string, SavedClause[]>();
  for (const clause of clauses) {
    const key = itemKey(clause);
    const list = clausesOf.get(key);
    if (list) list.push(clause);
    else clausesOf.set(key, [clause]);
  }
  return items.filter((item) => !item.procedural).map((item) => {
    const id = itemKey(item);
    const saved = (clausesOf.get(id) ?? []).sort((a, b) => a.clauseIndex - b.clauseIndex);
    const texts = saved.map((clause) => clause.text);
    return {
      id,
      // Saved from its meeting page, or from its own agenda-item or decision page.
      kind: item.source === 'meeting' ? ('meeting-item' as const) : item.source,
      host: item.host,
      council: item.councilName,
      committee: item.committeeName || null,
      meetingDate: item.date || null,
      itemNumber: item.number,
      title: item.title,
      text: itemText({ ...item, clauses: texts }),
      clauses: texts,
      outcome: outcomeSummary(saved.map((clause) => clause.outcome)),
      url: null,
    };
  });
}

/** One doc per saved clause, titled with its item's title, to compare resolutions one by one. */
export function docsFromClauses(clauses: SavedClause[]): CompareDoc[] {
  return clauses.map((clause) => ({
    id: clauseKey(clause),
    kind: 'clause' as const,
    host: clause.host,
    council: clause.councilName,
    committee: clause.committeeName || null,
    meetingDate: clause.date || null,
    itemNumber: clause.itemNumber,
    title: clause.itemTitle,
    text: clause.text,
    clauses: [clause.text],
    outcome: clause.outcome,
    url: null,
  }));
}
