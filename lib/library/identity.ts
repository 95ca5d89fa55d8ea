import { z } from 'zod';
import type { DecisionRecord, Item, ItemRecord, MeetingRecord } from '../moderngov/schema';
import { queryParam } from '../moderngov/url';

/**
 * The one definition of what identifies a council, meeting, item and clause in the library.
 * A record carries its identity as fields (`host`, `meetingId`, `itemKey`, `clauseIndex`); the
 * Dexie primary key is those fields as a tuple; the text key (a Map key, an `<option>` value, a
 * compare doc's id) is the same tuple as JSON, branded by what it names so one cannot be passed
 * for another. JSON, not a separator: a meeting without an id is keyed by its URL, which may hold any character.
 */
declare const brand: unique symbol;
type Branded<Name extends string> = string & { readonly [brand]: Name };

export type CouncilKey = Branded<'council'>;
export type MeetingKey = Branded<'meeting'>;
export type ItemKey = Branded<'item'>;
export type ClauseKey = Branded<'clause'>;

export interface MeetingRef {
  host: string;
  /** ModernGov's MId, or `url:` and the page's address when it has none. */
  meetingId: string;
}
export interface ItemRef extends MeetingRef {
  /** The item within its meeting: ModernGov's agenda item id, else `n:` and its number, else `i:` and its place. */
  itemKey: string;
}
export interface ClauseRef extends ItemRef {
  /** The clause's place in its saved item (see save.ts: clauses no longer on the page come after those on it). */
  clauseIndex: number;
}

export const councilKey = (host: string): CouncilKey => host as CouncilKey;
/** A committee within its council (ModernGov's CId). */
export const committeeKey = (r: { host: string; committeeId: string }): string => JSON.stringify([r.host, r.committeeId]);
export const meetingKey = (r: MeetingRef): MeetingKey => JSON.stringify([r.host, r.meetingId]) as MeetingKey;
export const itemKey = (r: ItemRef): ItemKey => JSON.stringify([r.host, r.meetingId, r.itemKey]) as ItemKey;
export const clauseKey = (r: ClauseRef): ClauseKey => JSON.stringify([r.host, r.meetingId, r.itemKey, r.clauseIndex]) as ClauseKey;

const MeetingTuple = z.tuple([z.string(), z.string()]);
const ItemTuple = z.tuple([z.string(), z.string(), z.string()]);
const ClauseTuple = z.tuple([z.string(), z.string(), z.string(), z.number().int()]);

function parseTuple<T>(schema: z.ZodType<T>, text: string, what: string): T {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error(`Not a ${what} key: ${text.slice(0, 80)}`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new Error(`Not a ${what} key: ${text.slice(0, 80)}`);
  return parsed.data;
}

export function parseMeetingKey(key: string): MeetingRef {
  const [host, meetingId] = parseTuple(MeetingTuple, key, 'meeting');
  return { host, meetingId };
}
export function parseItemKey(key: string): ItemRef {
  const [host, meetingId, itemKey] = parseTuple(ItemTuple, key, 'item');
  return { host, meetingId, itemKey };
}
export function parseClauseKey(key: string): ClauseRef {
  const [host, meetingId, itemKey, clauseIndex] = parseTuple(ClauseTuple, key, 'clause');
  return { host, meetingId, itemKey, clauseIndex };
}

/** Dexie primary keys, in the order the tables declare them. */
export type MeetingPk = [host: string, meetingId: string];
export type ItemPk = [host: string, meetingId: string, itemKey: string];
export type ClausePk = [host: string, meetingId: string, itemKey: string, clauseIndex: number];
export const meetingPk = (r: MeetingRef): MeetingPk => [r.host, r.meetingId];
export const itemPk = (r: ItemRef): ItemPk => [r.host, r.meetingId, r.itemKey];
export const clausePk = (r: ClauseRef): ClausePk => [r.host, r.meetingId, r.itemKey, r.clauseIndex];

/** The `meetingId` of an extracted meeting: ModernGov's MId, or its URL when the page has none. */
export function meetingIdOf(record: MeetingRecord): string {
  return record.meeting.id ?? `url:${record.meeting.url}`;
}

/** The `itemKey` of the item at `index` of a meeting page. */
export function itemKeyOf(item: Item, index: number): string {
  if (item.id) return item.id;
  if (item.number) return `n:${item.number}`;
  return `i:${index}`;
}

/** The full identity of a page's item: its meeting's and its own. */
export function itemRefOf(record: MeetingRecord, item: Item, index: number): ItemRef {
  return { host: record.council.host, meetingId: meetingIdOf(record), itemKey: itemKeyOf(item, index) };
}

/** An agenda-item (`mgAi.aspx`) or decision (`ieDecisionDetails.aspx`) page: one item, saved as it is. */
export type ItemPage = ItemRecord | DecisionRecord;

/**
 * The `meetingId` of an agenda-item or decision page's item: its meeting's MId when the page
 * names the meeting (so it is filed with the items of its meeting page), else the page's own id
 * on its host: `decision:` and the decision's id (an officer's or delegated decision has no
 * meeting), `item:` and the agenda item's id; `url:` and the address when the page has neither.
 */
export function itemPageMeetingId(page: ItemPage): string {
  if (page.meetingRef?.meetingId) return page.meetingRef.meetingId;
  const own = queryParam(new URL(page.url), 'ID');
  if (own) return `${page.kind}:${own}`;
  return `url:${page.url}`;
}

/**
 * The item id an agenda-item or decision page's item is saved under (`itemKeyOf` reads it):
 * ModernGov's agenda item id when the page gives it (`mgAi.aspx?ID=`, `ieDecisionDetails.aspx?AIId=`),
 * the key the same item has on its meeting page, so saving both writes one record; else
 * `decision:` and the decision's id, which no agenda item id can equal.
 */
export function itemPageItemId(page: ItemPage): string {
  if (page.item.id) return page.item.id;
  return `decision:${queryParam(new URL(page.url), 'ID') ?? page.url}`;
}

/** A clause's text as compared for identity: whitespace runs are one space. */
export const clauseTextKey = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The key of a deletion: the item's, or the item's with the clause's label and text. */
export function deletionKey(ref: ItemRef, clause: { label: string | null; text: string } | null): string {
  return JSON.stringify(clause ? [ref.host, ref.meetingId, ref.itemKey, clause.label, clauseTextKey(clause.text)] : [ref.host, ref.meetingId, ref.itemKey]);
}
