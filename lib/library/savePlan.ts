import type { Clause, Item, MeetingRecord } from '../moderngov/schema';
import { matchClauses } from './clauseMatch';
import { clauseDerived } from './derived';
import { clausePk, clauseTextKey, deletionKey, itemKeyOf, meetingIdOf, type ClausePk } from './identity';
import type { Deletion, SavedClause, SavedItem, SavedMeeting, SavedSource } from './schema';

/** What the researcher picked: the whole meeting, one item, or one clause of an item; or
 * `saved`: refresh what is already saved of a page that changed since ("Update saved copy"). */
export type Selection =
  | { scope: 'saved' }
  | { scope: 'meeting' }
  | { scope: 'item'; itemKey: string }
  | { scope: 'clause'; itemKey: string; clauseIndex: number };

export interface SaveOptions {
  /** Write items whose minutes are cut short and could not be completed: the panel's explicit
   * choice. Either way, a complete saved copy is never replaced by cut text. */
  includeCut?: boolean;
  /** Leave out what the researcher deleted (batch collection); "Update saved copy" always does.
   * A deliberate save of an item or clause brings it back. */
  respectDeletions?: boolean;
  /** The kind of page the record was read from: an agenda-item or decision page comes as a meeting
   * of one item (itemPage.ts). A meeting page by default. */
  from?: SavedSource;
}

/** What a save writes, or would write, in words: the update's preview and the save's notice. */
export interface SaveReport {
  /** Items and clauses new to the saved copy. */
  added: string[];
  /** Saved items and clauses whose text the page has changed. */
  changed: string[];
  /** Saved items and clauses the page no longer has: kept, marked "no longer on the page". */
  gone: string[];
  /** Tags and notes carried to their clause (by its label and text), wherever it now is. */
  annotationsKept: string[];
  /** Items whose complete saved copy was kept: the page's minutes are cut short. */
  keptComplete: string[];
  /** Items cut short on the page and not saved (their cut text was not chosen). */
  leftOutCut: string[];
  /** Items and clauses the researcher deleted, not brought back. */
  skippedDeleted: string[];
  /** Items saved from another kind of page (their agenda-item, decision or meeting page) that say more there: kept as saved. */
  keptFuller: string[];
}

/** What the library holds of the meeting, read before planning. */
export interface SavedCopy {
  meeting: SavedMeeting | undefined;
  items: SavedItem[];
  clauses: SavedClause[];
  deletions: Deletion[];
}

export interface SavePlan {
  meeting: SavedMeeting | null;
  items: SavedItem[];
  clauses: SavedClause[];
  deleteClauses: ClausePk[];
  /** Deletions undone by a deliberate save of what was deleted. */
  clearDeletions: string[];
  report: SaveReport;
}

const emptyReport = (): SaveReport => ({ added: [], changed: [], gone: [], annotationsKept: [], keptComplete: [], leftOutCut: [], skippedDeleted: [], keptFuller: [] });

const PAGE_NAMES: Record<SavedSource, string> = { meeting: 'meeting page', item: 'agenda-item page', decision: 'decision page' };

/** How much an item says, in characters of its texts and clauses: of two copies from different pages, the one that says more is kept. */
function sizeOf(item: Pick<Item, 'description' | 'minutes' | 'decision' | 'notedPoints'>, clauses: { text: string }[]): number {
  return [item.description, item.minutes, item.decision, ...item.notedPoints, ...clauses.map((c) => c.text)].reduce((size, text) => size + clauseTextKey(text).length, 0);
}

export const itemName = (item: { number: string | null; title: string }): string => (item.number ? `item ${item.number}` : `“${item.title}”`);
const clauseName = (clause: { label: string | null }, index: number, item: string) => `clause ${clause.label ?? index + 1} of ${item}`;
const annotated = (r: { tags: string[]; note: string }) => r.tags.length > 0 || r.note !== '';

function meetingFromPage(record: MeetingRecord, whole: 0 | 1, savedAt: string, source: SavedSource): SavedMeeting {
  return {
    host: record.council.host,
    meetingId: meetingIdOf(record),
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
    whole,
    source,
  };
}

function itemChanged(before: SavedItem, item: Item): boolean {
  return before.title !== item.title || before.minutes !== item.minutes || before.decision !== item.decision || before.description !== item.description;
}

/**
 * What saving `selection` of the page would write, given the library's copy. Pure: the save
 * runs it in its transaction, the update's preview runs it alone. The rules, so nothing of the
 * researcher's is lost:
 * - only what was picked is written ("Save item" writes that item, not every item saved before);
 * - minutes cut short never replace a complete saved copy, and are written only by choice;
 * - tags and notes follow their clause by label and text (clauseMatch.ts), and a saved clause
 *   the page no longer has is kept, marked, after those it has;
 * - deletions are respected by updates and batch collection;
 * - an item saved from one kind of page (meeting, agenda-item, decision) and then from another is
 *   one record: the copy that says more is kept, and its tags and notes either way.
 */
export function planSave(record: MeetingRecord, selection: Selection, options: SaveOptions, saved: SavedCopy, savedAt: string): SavePlan {
  const host = record.council.host;
  const meetingId = meetingIdOf(record);
  const from = options.from ?? 'meeting';
  const plan: SavePlan = { meeting: null, items: [], clauses: [], deleteClauses: [], clearDeletions: [], report: emptyReport() };
  const { report } = plan;
  if (selection.scope === 'saved' && !saved.meeting) return plan;
  const wholePage = selection.scope === 'meeting' || (selection.scope === 'saved' && saved.meeting?.whole === 1);
  const respectDeletions = options.respectDeletions === true || selection.scope === 'saved';
  const itemsBefore = new Map(saved.items.map((i) => [i.itemKey, i]));
  const clausesBefore = new Map<string, SavedClause[]>();
  for (const c of saved.clauses) {
    const list = clausesBefore.get(c.itemKey);
    if (list) list.push(c);
    else clausesBefore.set(c.itemKey, [c]);
  }
  const deleted = new Set(saved.deletions.map((d) => d.key));
  const placement = { host, meetingId, councilName: record.council.name, committeeName: record.committee.name ?? '', date: record.meeting.date ?? '', savedAt };
  const onPage = new Set<string>();

  for (const [order, item] of record.items.entries()) {
    const itemKey = itemKeyOf(item, order);
    onPage.add(itemKey);
    const ref = { host, meetingId, itemKey };
    const name = itemName(item);
    const previous = itemsBefore.get(itemKey);
    const pickedNow = wholePage || (selection.scope === 'item' && selection.itemKey === itemKey);
    const clauseNow = selection.scope === 'clause' && selection.itemKey === itemKey ? selection.clauseIndex : null;
    if (!pickedNow && clauseNow === null && !(selection.scope === 'saved' && previous)) continue;
    const itemTombstone = deletionKey(ref, null);
    if (!previous && deleted.has(itemTombstone)) {
      if (respectDeletions) {
        report.skippedDeleted.push(name);
        continue;
      }
      plan.clearDeletions.push(itemTombstone);
    }
    if (item.minutesTruncated && previous?.minutesTruncated === 0) {
      report.keptComplete.push(name);
      if (pickedNow && previous.picked === 0) plan.items.push({ ...previous, picked: 1 });
      continue;
    }
    if (item.minutesTruncated && !options.includeCut && !previous) {
      report.leftOutCut.push(name);
      continue;
    }
    const savedClauses = clausesBefore.get(itemKey) ?? [];
    if (previous && previous.source !== from && sizeOf(item, item.clauses) < sizeOf(previous, savedClauses)) {
      report.keptFuller.push(`${name} (saved from its ${PAGE_NAMES[previous.source]})`);
      if (pickedNow && previous.picked === 0) plan.items.push({ ...previous, picked: 1 });
      continue;
    }
    const savedItem: SavedItem = {
      ...placement,
      itemKey,
      // An item's own page does not say where it stands on the agenda, nor always its number.
      order: from === 'meeting' ? order : (previous?.order ?? order),
      number: from === 'meeting' ? item.number : (item.number ?? previous?.number ?? null),
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
      onPage: 1,
      source: from,
    };
    plan.items.push(savedItem);
    if (!previous && selection.scope === 'saved') report.added.push(name);
    if (previous && itemChanged(previous, item)) report.changed.push(name);
    planClauses(plan, { item, name, order: savedItem.order, ref, placement, savedItem, clauseNow, respectDeletions, deleted, isUpdate: selection.scope === 'saved' }, savedClauses);
  }

  // Saved items the page no longer has: kept as they are, marked, when the whole page is read.
  if (wholePage || selection.scope === 'saved') {
    for (const before of saved.items) {
      // Items saved from their own pages (a decision taken at the meeting) are not the meeting page's to miss.
      if (onPage.has(before.itemKey) || before.onPage === 0 || before.source !== 'meeting') continue;
      plan.items.push({ ...before, onPage: 0 });
      for (const c of clausesBefore.get(before.itemKey) ?? []) plan.clauses.push({ ...c, onPage: 0 });
      report.gone.push(`${itemName(before)} (kept, with its clauses, tags and notes)`);
    }
  }

  const wrote = plan.items.length > 0 || plan.clauses.length > 0;
  if (selection.scope === 'meeting' || selection.scope === 'saved') {
    // A meeting with items left out (cut short) is not saved whole: a later run reads it again.
    const whole = (selection.scope === 'meeting' && report.leftOutCut.length === 0) || saved.meeting?.whole === 1 ? 1 : 0;
    if (saved.meeting || wrote) plan.meeting = meetingFromPage(record, whole, savedAt, from);
  } else if (wrote && (!saved.meeting || (from === 'meeting' && saved.meeting.source !== 'meeting'))) {
    // A meeting row written from an item's own page gives way to its meeting page's.
    plan.meeting = meetingFromPage(record, saved.meeting?.whole ?? 0, savedAt, from);
  }
  return plan;
}

interface ItemContext {
  item: Item;
  name: string;
  order: number;
  ref: { host: string; meetingId: string; itemKey: string };
  placement: Pick<SavedClause, 'host' | 'meetingId' | 'councilName' | 'committeeName' | 'date' | 'savedAt'>;
  savedItem: SavedItem;
  clauseNow: number | null;
  respectDeletions: boolean;
  deleted: Set<string>;
  isUpdate: boolean;
}

/** The item's clauses as they will be saved: the page's in page order, then those it no longer has. */
function planClauses(plan: SavePlan, ctx: ItemContext, before: SavedClause[]): void {
  const { item, name } = ctx;
  const { report } = plan;
  const { byPage, gone } = matchClauses(before, item.clauses);
  const written = new Set<number>();
  item.clauses.forEach((clause: Clause, index) => {
    const prev = byPage.get(index);
    const cname = clauseName(clause, index, name);
    if (!prev && ctx.savedItem.picked === 0 && ctx.clauseNow !== index) return;
    const tombstone = deletionKey(ctx.ref, clause);
    if (!prev && ctx.deleted.has(tombstone)) {
      if (ctx.respectDeletions) return void report.skippedDeleted.push(cname);
      plan.clearDeletions.push(tombstone);
    }
    written.add(index);
    const base = {
      ...ctx.placement,
      itemKey: ctx.ref.itemKey,
      clauseIndex: index,
      itemOrder: ctx.order,
      itemNumber: ctx.savedItem.number,
      itemTitle: item.title,
      ...clause,
      tags: prev?.tags ?? [],
      note: prev?.note ?? '',
      onPage: 1 as const,
    };
    plan.clauses.push({ ...base, ...clauseDerived(base) });
    if (!prev) {
      if (ctx.isUpdate) report.added.push(cname);
      return;
    }
    if (prev.label !== clause.label || clauseTextKey(prev.text) !== clauseTextKey(clause.text)) {
      report.changed.push(prev.label !== clause.label ? `${cname} (was ${prev.label ?? 'unlabelled'})` : cname);
    }
    if (annotated(prev)) report.annotationsKept.push(prev.clauseIndex === index ? cname : `${cname} (they follow the clause from place ${prev.clauseIndex + 1} to ${index + 1})`);
  });
  gone.forEach((prev, k) => {
    const index = item.clauses.length + k;
    written.add(index);
    plan.clauses.push({ ...prev, ...ctx.placement, savedAt: prev.savedAt, clauseIndex: index, itemOrder: ctx.order, onPage: 0 });
    if (prev.onPage === 1) report.gone.push(`clause ${prev.label ?? prev.clauseIndex + 1} of ${name}${annotated(prev) ? ' (kept, with its tags and note)' : ' (kept)'}`);
  });
  for (const prev of before) if (!written.has(prev.clauseIndex)) plan.deleteClauses.push(clausePk(prev));
}
