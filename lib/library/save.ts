import { outcomeOf, votesOf } from '../moderngov/outcome';
import type { MeetingRecord } from '../moderngov/schema';
import type { LibraryDb } from './db';
import { clauseKey, itemKeyOf, meetingKeyOf } from './keys';
import type { SavedClause, SavedItem, SavedMeeting } from './schema';
import { wordsOf } from './words';

/** What the researcher picked: the whole meeting, one item, or one clause of an item; or
 * `saved`: refresh what is already saved of a page that changed since. */
export type Selection =
  | { scope: 'saved' }
  | { scope: 'meeting' }
  | { scope: 'item'; itemKey: string }
  | { scope: 'clause'; itemKey: string; clauseIndex: number };

/**
 * Saves (or updates) a meeting and what was picked of it, in one transaction: all of it is
 * stored or none of it (a full disk rolls back). Tags and notes already on saved items and
 * clauses are kept; a meeting saved whole stays whole.
 */
export async function saveSelection(db: LibraryDb, record: MeetingRecord, selection: Selection, now = new Date()): Promise<void> {
  const host = record.council.host;
  const meetingId = meetingKeyOf(record);
  const savedAt = now.toISOString();
  await db.transaction('rw', [db.councils, db.committees, db.meetings, db.items, db.clauses], async () => {
    const existing = await db.meetings.get([host, meetingId]);
    if (selection.scope === 'saved' && !existing) return;
    const meeting: SavedMeeting = {
      host,
      meetingId,
      councilName: record.council.name,
      committeeId: record.committee.id ?? '',
      committeeName: record.committee.name ?? '',
      title: record.meeting.title,
      date: record.meeting.date ?? '',
      time: record.meeting.time,
      venue: record.meeting.venue,
      contact: record.meeting.contact,
      status: record.meeting.status,
      url: record.meeting.url,
      documents: record.meeting.documents,
      apologies: record.apologies,
      declarations: record.declarations,
      warnings: record.warnings,
      contentHash: record.contentHash,
      retrievedAt: savedAt,
      whole: selection.scope === 'meeting' || existing?.whole === 1 ? 1 : 0,
    };
    await db.councils.put({ host, name: record.council.name ?? (await db.councils.get(host))?.name ?? null });
    if (meeting.committeeId) await db.committees.put({ host, committeeId: meeting.committeeId, name: record.committee.name });
    await db.meetings.put(meeting);

    // What is saved of this meeting already, read once: tags, notes and picks carry over.
    const [savedItems, savedClauses] = await Promise.all([
      db.items.where('[host+meetingId]').equals([host, meetingId]).toArray(),
      db.clauses.where('[host+meetingId]').equals([host, meetingId]).toArray(),
    ]);
    const itemsBefore = new Map(savedItems.map((i) => [i.itemKey, i]));
    const clausesBefore = new Map(savedClauses.map((c) => [clauseKey(c.itemKey, c.clauseIndex), c]));
    const items: SavedItem[] = [];
    const clauses: SavedClause[] = [];
    const keptClauses = new Set<string>();
    const placement = { host, meetingId, councilName: record.council.name, committeeName: meeting.committeeName, date: meeting.date, savedAt };
    for (const [order, item] of record.items.entries()) {
      const itemKey = itemKeyOf(item, order);
      const pickedNow = selection.scope === 'meeting' || (selection.scope === 'item' && selection.itemKey === itemKey);
      const clauseNow = selection.scope === 'clause' && selection.itemKey === itemKey;
      const previous = itemsBefore.get(itemKey);
      if (!pickedNow && !clauseNow && !previous) continue;
      const savedItem: SavedItem = {
        ...placement,
        itemKey,
        order,
        number: item.number,
        id: item.id,
        title: item.title,
        description: item.description,
        documents: item.documents,
        minutes: item.minutes,
        decision: item.decision,
        notedPoints: item.notedPoints,
        procedural: item.procedural,
        minutesTruncated: item.minutesTruncated ? 1 : 0,
        fullMinutesUrl: item.fullMinutesUrl,
        picked: pickedNow || previous?.picked === 1 ? 1 : 0,
        tags: previous?.tags ?? [],
        note: previous?.note ?? '',
        words: wordsOf(item.title, item.description, item.minutes, item.decision, meeting.committeeName, record.council.name),
      };
      items.push(savedItem);
      for (const [clauseIndex, clause] of item.clauses.entries()) {
        const key = clauseKey(itemKey, clauseIndex);
        const previousClause = clausesBefore.get(key);
        const wanted = savedItem.picked === 1 || (clauseNow && selection.clauseIndex === clauseIndex);
        if (!wanted && !previousClause) continue;
        keptClauses.add(key);
        clauses.push({
          ...placement,
          itemKey,
          clauseIndex,
          itemOrder: order,
          itemNumber: item.number,
          itemTitle: item.title,
          label: clause.label,
          text: clause.text,
          keyword: clause.keyword,
          section: clause.section,
          exempt: clause.exempt,
          outcome: outcomeOf(clause),
          votes: votesOf(clause.text),
          tags: previousClause?.tags ?? [],
          note: previousClause?.note ?? '',
          words: wordsOf(clause.text, item.title, meeting.committeeName, record.council.name),
        });
      }
    }
    await db.items.bulkPut(items);
    await db.clauses.bulkPut(clauses);
    // Clauses the page no longer has (it was edited since) go with the update.
    const savedItemKeys = new Set(items.map((i) => i.itemKey));
    const gone = savedClauses.filter((c) => savedItemKeys.has(c.itemKey) && !keptClauses.has(clauseKey(c.itemKey, c.clauseIndex)));
    await db.clauses.bulkDelete(gone.map((c): [string, string, string, number] => [c.host, c.meetingId, c.itemKey, c.clauseIndex]));
  });
}
