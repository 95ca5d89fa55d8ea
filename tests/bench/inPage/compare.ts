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
 * Saving is measured as the Compare view does it (LibraryGroups): the view holds the library's
 * groups; each save hands it the library's saved items and clauses again (the live query's
 * answer), and it places what is new and labels the groups that changed.
 */
import { CompareIndex } from '@/lib/compare/compareIndex';
import { groupDocs } from '@/lib/compare/group';
import { LibraryGroups } from '@/lib/compare/libraryGroups';
import type { CompareDoc } from '@/lib/compare/schema';
import type { SavedClause, SavedItem } from '@/lib/library/schema';
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
  /** The Compare view opening on the saved records (LibraryGroups' first update: docs, index, groups). */
  viewOpenMs: number;
  /** Per saved meeting of 20 items: the view's update (find what is new among the saved records, index and place it, label the groups that changed). */
  incrementalMs: number[];
}

/** A synthetic doc as the library stores it: the item and its clauses. */
function savedRecords(doc: CompareDoc): { item: SavedItem; clauses: SavedClause[] } {
  const [host, meetingId, itemKey] = doc.id.split('|') as [string, string, string];
  const placement = { host, meetingId, itemKey, councilName: doc.council, committeeName: doc.committee ?? '', date: doc.meetingDate ?? '', tags: [], note: '', words: [], savedAt: '2026-11-30T12:00:00.000Z' };
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

export function benchCompare(vocabulary: string[], meetingsToSave = 20): CompareBenchResult {
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

  // Saving: the view opens on the saved library, then meetings of 20 new items are saved one by one.
  const savedItems: SavedItem[] = [];
  const savedClauses: SavedClause[] = [];
  const keep = ({ item, clauses }: ReturnType<typeof savedRecords>) => {
    savedItems.push(item);
    savedClauses.push(...clauses);
  };
  for (const { doc } of items) keep(savedRecords(doc));
  const view = new LibraryGroups();
  const opening = performance.now();
  view.update(savedItems, savedClauses);
  view.groups();
  const viewOpenMs = performance.now() - opening;
  const incrementalMs: number[] = [];
  for (let m = 0; m < meetingsToSave; m++) {
    for (const { doc } of syntheticItems(vocabulary, ITEMS_PER_MEETING, 1000 + m, ITEMS + m * ITEMS_PER_MEETING)) keep(savedRecords(doc));
    const start = performance.now();
    view.update(savedItems, savedClauses);
    view.groups();
    incrementalMs.push(performance.now() - start);
  }
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
    incrementalMs,
  };
}

(globalThis as { benchCompare?: typeof benchCompare }).benchCompare = benchCompare;
