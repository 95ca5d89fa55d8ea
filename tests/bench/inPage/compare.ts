/**
 * Runs in the benchmark page (bundled by tests/bench/bundle.ts): the compare index and topic
 * grouping of lib/compare on a synthetic library of 20,000 items with 5 clauses each (100,000
 * clauses), then groups kept current as meetings of 20 items are saved one by one.
 *
 * Items are drawn from the fixtures' words (`vocabulary`, as often as printed): 500 topics of
 * 40 items, each topic a title of 3–5 words and 30 words of its own; an item is its topic's title
 * with one word more, and 5 clauses of 12–30 words, a third of them its topic's words. So the
 * library has topics to find, in the fixtures' wording and word frequencies.
 *
 * Saving is measured as the Compare view pays it, in the page's real IndexedDB through the
 * library's own code: the same items and clauses put in the library (Dexie bulk puts), the view
 * opened on them (CompareLibrary.open: the whole library read, indexed and grouped), then each
 * meeting of 20 new items saved with saveSelection (not timed) and, timed, what the view then
 * does: read the changes since its last read (`changesSince`), apply them to its copy and groups,
 * and list the groups.
 */
import { CompareIndex } from '@/lib/compare/compareIndex';
import { CompareLibrary } from '@/lib/compare/compareLibrary';
import { groupDocs } from '@/lib/compare/group';
import type { CompareDoc } from '@/lib/compare/schema';
import { changesSince, readEverything } from '@/lib/library/changes';
import { LibraryDb } from '@/lib/library/db';
import { saveSelection } from '@/lib/library/save';
import type { SavedClause, SavedItem } from '@/lib/library/schema';
import type { MeetingRecord } from '@/lib/moderngov/schema';
import { seededRandom } from '../stats';

export const ITEMS = 20_000;
export const CLAUSES_PER_ITEM = 5;
const TOPICS = 500;
const ITEMS_PER_MEETING = 20;
const COUNCILS = 60;

export interface CompareBenchResult {
  items: number;
  clauses: number;
  topics: number;
  /** Building the index of every item. */
  indexMs: number;
  /** groupDocs on the whole index (index built). */
  groupMs: number;
  /** Both: what the Compare view does when it opens. */
  totalMs: number;
  groups: number;
  groupedItems: number;
  /** Items of one group that come from its topic, over all items grouped (a check that the groups are topics). */
  groupPurity: number;
  /** The Compare view opening on the saved library: reading it whole from IndexedDB (`viewReadMs`), then docs, index and groups. */
  viewOpenMs: number;
  viewReadMs: number;
  /** Per saved meeting of 20 items, what the view does: read the changes (`changesReadMs`), apply them and list the groups (`applyMs`). */
  incrementalMs: number[];
  changesReadMs: number[];
  applyMs: number[];
  /** Items in the view's copy after the saves, and in the library (a check that each save reached the view). */
  viewItemsAfter: number;
  libraryItemsAfter: number;
}

/** Synthetic items saved as a meeting page would be: one meeting of the first item's council. */
function meetingRecord(docs: CompareDoc[], meetingId: string): MeetingRecord {
  const first = docs[0] as CompareDoc;
  return {
    kind: 'meeting',
    council: { host: first.host, name: first.council },
    committee: { id: '1', name: first.committee },
    meeting: { id: meetingId, title: 'Agenda and minutes', date: first.meetingDate, time: null, venue: null, contact: null, status: null, url: `https://${first.host}/ieListDocuments.aspx?CId=1&MId=${meetingId}`, documents: [] },
    items: docs.map((doc, k) => ({
      number: String(k + 1),
      id: `${meetingId}${k}`,
      title: doc.title,
      description: '',
      documents: [],
      minutes: '',
      decision: '',
      notedPoints: [],
      clauses: doc.clauses.map((text, c) => ({ label: `(${c + 1})`, text, keyword: 'RESOLVED', section: 'minutes' as const, exempt: false })),
      procedural: false,
      minutesTruncated: false,
      fullMinutesUrl: null,
      agendaTruncated: false,
      fullAgendaUrl: null,
      textCapped: false,
    })),
    apologies: null,
    declarations: null,
    attendance: [],
    warnings: [],
    contentHash: meetingId,
  };
}

/** A synthetic doc as the library stores it: the item and its clauses. */
function savedRecords(doc: CompareDoc): { item: SavedItem; clauses: SavedClause[] } {
  const [host, meetingId, itemKey] = doc.id.split('|') as [string, string, string];
  const placement = { host, meetingId, itemKey, councilName: doc.council, committeeName: doc.committee ?? '', date: doc.meetingDate ?? '', tags: [], note: '', savedAt: '2026-11-30T12:00:00.000Z' };
  return {
    item: {
      ...placement,
      order: Number(doc.itemNumber),
      number: doc.itemNumber,
      id: itemKey,
      title: doc.title,
      description: '',
      documents: [],
      minutes: '',
      decision: '',
      notedPoints: [],
      fullMinutesUrl: null,
      procedural: false,
      minutesTruncated: 0,
      picked: 1,
      onPage: 1,
      source: 'meeting',
    },
    clauses: doc.clauses.map((text, clauseIndex) => ({
      ...placement,
      clauseIndex,
      itemOrder: Number(doc.itemNumber),
      itemNumber: doc.itemNumber,
      itemTitle: doc.title,
      label: `(${clauseIndex + 1})`,
      text,
      keyword: 'RESOLVED',
      section: 'minutes',
      exempt: false,
      outcome: 'agreed',
      votes: null,
      onPage: 1,
    })),
  };
}

export function syntheticItems(vocabulary: string[], count: number, seed: number, offset = 0): { doc: CompareDoc; topic: number }[] {
  const random = seededRandom(seed);
  const draw = () => vocabulary[Math.floor(random() * vocabulary.length)] as string;
  const topicRandom = seededRandom(7);
  const topicDraw = () => vocabulary[Math.floor(topicRandom() * vocabulary.length)] as string;
  const topics = Array.from({ length: TOPICS }, () => ({
    title: Array.from({ length: 3 + Math.floor(topicRandom() * 3) }, topicDraw).join(' '),
    words: Array.from({ length: 30 }, topicDraw),
  }));
  return Array.from({ length: count }, (_, n) => {
    const i = n + offset;
    const topic = i % TOPICS;
    const { title, words } = topics[topic] as { title: string; words: string[] };
    const council = i % COUNCILS;
    const clauses = Array.from({ length: CLAUSES_PER_ITEM }, () =>
      Array.from({ length: 12 + Math.floor(random() * 19) }, () => (random() < 1 / 3 ? (words[Math.floor(random() * words.length)] as string) : draw())).join(' '),
    );
    const meeting = Math.floor(i / ITEMS_PER_MEETING);
    return {
      topic,
      doc: {
        id: `council${council}.example.gov.uk|${meeting}|${i}`,
        kind: 'meeting-item',
        host: `council${council}.example.gov.uk`,
        council: `Council ${council}`,
        committee: 'Cabinet',
        meetingDate: `${2010 + (meeting % 15)}-0${1 + (meeting % 9)}-1${meeting % 10}`,
        itemNumber: String(i % ITEMS_PER_MEETING),
        title: `${title} ${draw()}`,
        text: clauses.join('\n'),
        clauses,
        outcome: 'agreed',
      url: null,
      },
    };
  });
}

export async function benchCompare(vocabulary: string[], meetingsToSave = 20): Promise<CompareBenchResult> {
  const items = syntheticItems(vocabulary, ITEMS, 20161103);
  const topicOf = new Map(items.map(({ doc, topic }) => [doc.id, topic]));
  const started = performance.now();
  const index = new CompareIndex();
  for (const { doc } of items) index.add(doc);
  const indexed = performance.now();
  const groups = groupDocs(index);
  const done = performance.now();

  let pure = 0;
  let grouped = 0;
  for (const group of groups) {
    const tally = new Map<number, number>();
    for (const m of group.members) tally.set(topicOf.get(m.id) as number, (tally.get(topicOf.get(m.id) as number) ?? 0) + 1);
    pure += Math.max(...tally.values());
    grouped += group.members.length;
  }

  // Saving: the same items put in the library, the view opened on it, then meetings of 20 new items saved one by one.
  const db = new LibraryDb(`bench-compare-${Date.now()}`);
  await db.open();
  for (let at = 0; at < items.length; at += 2_000) {
    const records = items.slice(at, at + 2_000).map(({ doc }) => savedRecords(doc));
    await db.transaction('rw', db.items, db.clauses, async () => {
      await db.items.bulkPut(records.map((r) => r.item));
      await db.clauses.bulkPut(records.flatMap((r) => r.clauses));
    });
  }
  const opening = performance.now();
  const everything = await readEverything(db);
  const viewReadMs = performance.now() - opening;
  let view = CompareLibrary.open(everything);
  view.groups.groups();
  const viewOpenMs = performance.now() - opening;
  const incrementalMs: number[] = [];
  const changesReadMs: number[] = [];
  const applyMs: number[] = [];
  for (let m = 0; m < meetingsToSave; m++) {
    const docs = syntheticItems(vocabulary, ITEMS_PER_MEETING, 1000 + m, ITEMS + m * ITEMS_PER_MEETING).map(({ doc }) => doc);
    await saveSelection(db, meetingRecord(docs, `saved${m}`), { scope: 'meeting' });
    const start = performance.now();
    const changes = await changesSince(db, view.stamp);
    const read = performance.now();
    view = view.apply(changes);
    view.groups.groups();
    const end = performance.now();
    changesReadMs.push(read - start);
    applyMs.push(end - read);
    incrementalMs.push(end - start);
  }
  const libraryItemsAfter = await db.items.count();
  db.close();
  await db.delete();
  return {
    items: ITEMS,
    clauses: ITEMS * CLAUSES_PER_ITEM,
    topics: TOPICS,
    indexMs: indexed - started,
    groupMs: done - indexed,
    totalMs: done - started,
    groups: groups.length,
    groupedItems: grouped,
    groupPurity: grouped ? pure / grouped : 0,
    viewOpenMs,
    viewReadMs,
    incrementalMs,
    changesReadMs,
    applyMs,
    viewItemsAfter: view.items.size,
    libraryItemsAfter,
  };
}

(globalThis as { benchCompare?: typeof benchCompare }).benchCompare = benchCompare;
