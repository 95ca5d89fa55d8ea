import type { IndexableTypeArrayReadonly, Table } from 'dexie';
import { clauseWords, itemWords } from './derived';
import type { MeetingRef } from './identity';
import type { MeetingIndex, MeetingWords, Posting, PostingKey, SavedClause, SavedItem } from './schema';

/** Sorts below every character of a host, so a host that is another's prefix sorts first, as in a tuple. */
const SEP = '\u0001';
/** Undated meetings sort after every inverted date. */
const UNDATED = '~';

/** The date with each digit inverted (9 − d): its code-unit order is newest first. */
export const invertedDate = (date: string): string => (date === '' ? UNDATED : date.replace(/[0-9]/g, (d) => String(9 - Number(d))));

/** The library's order of meetings as one string: newest first, undated last, then host, then meeting id (code-unit order). */
export const meetingOrderKey = (date: string, ref: MeetingRef): string => `${invertedDate(date)}${SEP}${ref.host}${SEP}${ref.meetingId}`;

export function meetingOfOrderKey(key: string): MeetingRef {
  const [, host = '', ...rest] = key.split(SEP);
  return { host, meetingId: rest.join(SEP) };
}

/** Order keys of meetings dated from `from` to `to` (inclusive, either open); dated meetings only when either is given. */
export function orderKeyRange(from?: string, to?: string): [string, string] {
  if (!from && !to) return ['', '\uffff'];
  return [to ? invertedDate(to) : '', from ? `${invertedDate(from)}${SEP}\uffff` : UNDATED];
}

/** Clauses of a meeting in page order: item place, then item (items saved from their own pages share place 0), then clause. */
export const clausePosition = (c: Pick<SavedClause, 'itemOrder' | 'itemKey' | 'clauseIndex'>): [number, string, number] => [c.itemOrder, c.itemKey, c.clauseIndex];
export const itemPosition = (i: Pick<SavedItem, 'order' | 'itemKey'>): [number, string] => [i.order, i.itemKey];

/** Compares positions (or cursors) of equal shape, part by part. */
export function comparePositions(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  for (let k = 0; k < a.length; k++) {
    const x = a[k]!;
    const y = b[k]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

/** A meeting's postings, index row and words row, from its stored items and clauses (their words computed from their text: each word once). */
export function meetingPostings(
  ref: MeetingRef,
  date: string,
  items: SavedItem[],
  clauses: SavedClause[],
): { entry: MeetingIndex; words: MeetingWords; postings: Map<string, Posting> } {
  const postings = new Map<string, Posting>();
  const posting = (word: string) => {
    let p = postings.get(word);
    if (!p) postings.set(word, (p = { c: [], i: [] }));
    return p;
  };
  for (const c of [...clauses].sort((a, b) => comparePositions(clausePosition(a), clausePosition(b)))) {
    for (const word of clauseWords(c)) posting(word).c.push([c.itemKey, c.clauseIndex]);
  }
  for (const i of [...items].sort((a, b) => comparePositions(itemPosition(a), itemPosition(b)))) {
    if (i.picked === 1) for (const word of itemWords(i)) posting(word).i.push(i.itemKey);
  }
  const entry: MeetingIndex = {
    host: ref.host,
    meetingId: ref.meetingId,
    orderKey: meetingOrderKey(date, ref),
    clauses: clauses.length,
    items: items.filter((i) => i.picked === 1).length,
  };
  return { entry, words: { host: ref.host, meetingId: ref.meetingId, words: [...postings.keys()] }, postings };
}

/** Puts postings under their (outbound) keys; Dexie's typing of key arrays does not take tuples. */
export const putPostings = (table: Table, values: Posting[], keys: PostingKey[]): Promise<unknown> => table.bulkPut(values, keys as unknown as IndexableTypeArrayReadonly);
