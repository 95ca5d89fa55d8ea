import type { Item, MeetingRecord } from '../moderngov/schema';

/** A meeting's id in the library: ModernGov's MId, or its URL when the page has none. */
export function meetingKeyOf(record: MeetingRecord): string {
  return record.meeting.id ?? `url:${record.meeting.url}`;
}

/** An item's id in the library: ModernGov's agenda item id, else its printed number, else its place. */
export function itemKeyOf(item: Item, index: number): string {
  if (item.id) return item.id;
  if (item.number) return `n:${item.number}`;
  return `i:${index}`;
}

export function clauseKey(itemKey: string, clauseIndex: number): string {
  return `${itemKey}#${clauseIndex}`;
}
