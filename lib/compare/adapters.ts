import { clauseKey, itemKeyOf, meetingKeyOf } from '../library/keys';
import type { SavedClause, SavedItem } from '../library/schema';
import type { MeetingRecord } from '../moderngov/schema';
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

/** One doc per agenda item of an extracted meeting. Ids use the library's keys, so an item
 * read from a page and the same item saved in the library are one doc. */
export function docsFromMeeting(record: MeetingRecord): CompareDoc[] {
  const { host, name } = record.council;
  const meetingKey = meetingKeyOf(record);
  // Procedure (apologies, minutes, declarations) is not a topic: it is never compared.
  return record.items.flatMap((item, index) => (item.procedural ? [] : [{
    id: `${host}|${meetingKey}|${itemKeyOf(item, index)}`,
    host,
    council: name,
    meetingDate: record.meeting.date,
    itemNumber: item.number,
    title: item.title,
    text: itemText({ ...item, clauses: item.clauses.map((clause) => clause.text) }),
  }]));
}

/** One doc per saved item, with the text of its saved clauses; procedural items are left out. */
export function docsFromLibrary(items: SavedItem[], clauses: SavedClause[]): CompareDoc[] {
  const clausesOf = new Map<string, SavedClause[]>();
  for (const clause of clauses) {
    const key = `${clause.host}|${clause.meetingId}|${clause.itemKey}`;
    const list = clausesOf.get(key);
    if (list) list.push(clause);
    else clausesOf.set(key, [clause]);
  }
  return items.filter((item) => !item.procedural).map((item) => {
    const id = `${item.host}|${item.meetingId}|${item.itemKey}`;
    const saved = (clausesOf.get(id) ?? []).sort((a, b) => a.clauseIndex - b.clauseIndex);
    return {
      id,
      host: item.host,
      council: item.councilName,
      meetingDate: item.date || null,
      itemNumber: item.number,
      title: item.title,
      text: itemText({ ...item, clauses: saved.map((clause) => clause.text) }),
    };
  });
}

/** One doc per saved clause, titled with its item's title, to compare resolutions one by one. */
export function docsFromClauses(clauses: SavedClause[]): CompareDoc[] {
  return clauses.map((clause) => ({
    id: `${clause.host}|${clause.meetingId}|${clauseKey(clause.itemKey, clause.clauseIndex)}`,
    host: clause.host,
    council: clause.councilName,
    meetingDate: clause.date || null,
    itemNumber: clause.itemNumber,
    title: clause.itemTitle,
    text: clause.text,
  }));
}
