import type Dexie from 'dexie';
import type { Transaction } from 'dexie';
import { outcomeOf, votesOf } from '../moderngov/outcome';
import { proceduralKind } from '../moderngov/procedural';
import { isExempt } from '../moderngov/resolutions/exempt';
import { clauseDerived } from './derived';
import { keysetBatches } from './keysetBatches';
import { meetingPostings, putPostings } from './postings';
import { SavedClauseSchema, SavedItemSchema, SavedMeetingSchema, type PostingKey, type SavedClause, type SavedItem } from './schema';

/**
 * Every version of the library's database, oldest first: the one place a schema change goes.
 * A new version declares only the tables it changes and upgrades the records it stores,
 * checking each with its zod schema.
 */
export const LIBRARY_VERSION = 9;

/** How far the first open of a new version has come in rewriting the library's records: a big library takes minutes, and the researcher is told. */
export interface UpgradeProgress {
  toVersion: number;
  /** Records read and rewritten so far, of `total`. */
  done: number;
  total: number;
}
export type UpgradeListener = (progress: UpgradeProgress) => void;

/** Items and clauses read and rewritten at a time by an upgrade: its memory is a batch's, not the library's. */
const UPGRADE_BATCH = 2_000;

const CLAUSES_V2 =
  '[host+meetingId+itemKey+clauseIndex], [host+meetingId], [host+meetingId+itemKey], host, committeeName, date, outcome, *tags, *words';

export function declareVersions(db: Dexie, onUpgrade: UpgradeListener = () => {}): void {
  db.version(1).stores({
    councils: 'host',
    committees: '[host+committeeId], host',
    meetings: '[host+meetingId], host, date, [host+committeeId]',
    items: '[host+meetingId+itemKey], [host+meetingId], host, committeeName, date, *tags, *words',
    clauses: '[host+meetingId+itemKey+clauseIndex], [host+meetingId], [host+meetingId+itemKey], host, committeeName, date, *tags, *words',
  });
  // Version 2: every clause says what it does (resolved, noted, deferred…) and its votes, indexed by outcome.
  db.version(2)
    .stores({ clauses: CLAUSES_V2 })
    .upgrade((tx) =>
      tx
        .table('clauses')
        .toCollection()
        .modify((clause: SavedClause) => {
          clause.outcome = outcomeOf(clause);
          clause.votes = votesOf(clause.text);
        }),
    );
  // Version 3: deletions are remembered; items and clauses say whether the page still has them;
  // each clause says where it came from (decision or minutes, exempt or not), each item whether
  // it is procedural.
  db.version(3)
    .stores({ deletions: 'key, [host+meetingId]' })
    .upgrade(upgradeTo3);
  // Version 4: agenda-item and decision pages are saved as items; every meeting and item says
  // which kind of page it was saved from (all before were meeting pages). No index changes.
  db.version(4).stores({}).upgrade(upgradeTo4);
  // Version 6 (issue 16, the team corpus): rows waiting to be published (the outbox), the team's
  // records pulled from the server (read-only, apart from the researcher's own tables) and the
  // pull's cursor. New tables only: nothing stored is upgraded. Outbox rows are kept per sign-in
  // (server and member, `by`) and read in queue order per sign-in and state.
  db.version(6).stores({ outbox: '[by+key], [by+state+seq]', teamRows: '[kind+key], [kind+host], kind', teamState: 'name' });
  // Version 7 (issue 15, a million clauses): per-clause index entries made writes slow and the
  // database big, so items and clauses keep their primary key and tags only; full-text search
  // reads postings per (word, meeting) and the meetings' order key (postings.ts), built here
  // from the records' words, and rewritten by every write since.
  // The words each meeting has postings under are a table apart, read only on rewrite.
  db.version(7)
    .stores({
      // The library page's committee choices come from this index's keys, not from reading every meeting.
      meetings: '[host+meetingId], host, date, [host+committeeId], committeeName',
      items: '[host+meetingId+itemKey], *tags',
      clauses: '[host+meetingId+itemKey+clauseIndex], *tags',
      postings: '',
      meetingIndex: '[host+meetingId], orderKey',
      meetingWords: '[host+meetingId]',
    })
    .upgrade(upgradeTo7);
  // Version 8 (issue 11): the record of changes (changes.ts), written by every write of items or
  // clauses, so the Compare view reads only what changed. A new table only; a later upgrade that
  // rewrites items or clauses logs `{ all: 1 }` (an open view has closed by then: it is a versionchange).
  db.version(8).stores({ changes: '++seq' });
  // Version 9 (issue 15, a million clauses): items and clauses no longer store their search
  // `words` (a clause's repeat its item title, committee and council; an item's, its minutes):
  // postings and search derive them from the text (derived.ts). The postings stay as they are.
  db.version(9)
    .stores({})
    .upgrade((tx) => upgradeTo9(tx, onUpgrade));
}

/**
 * Drops each item's and clause's `words`, checked by its schema (which has none), in keyset
 * batches (reading every key first held a million keys at once), reporting progress after each;
 * a record that does not validate is kept as it was, and said so.
 */
async function upgradeTo9(tx: Transaction, onUpgrade: UpgradeListener): Promise<void> {
  const tables = [
    ['items', SavedItemSchema, 'item'],
    ['clauses', SavedClauseSchema, 'clause'],
  ] as const;
  const progress = { toVersion: 9, done: 0, total: 0 };
  for (const [name] of tables) progress.total += await tx.table(name).count();
  onUpgrade({ ...progress });
  for (const [name, schema, what] of tables) {
    const table = tx.table(name);
    for await (const batch of keysetBatches<Record<string, unknown>>(table, UPGRADE_BATCH)) {
      const rewritten = [];
      for (const record of batch) {
        if (!('words' in record)) continue;
        const parsed = schema.safeParse(record);
        if (parsed.success) rewritten.push(parsed.data);
        else keptInvalid(what, [record.host, record.meetingId, record.itemKey, record.clauseIndex].filter((part) => part !== undefined), parsed.error.issues[0]?.message);
      }
      await table.bulkPut(rewritten);
      progress.done += batch.length;
      onUpgrade({ ...progress });
    }
  }
  // Every item and clause was rewritten: a reader of the changes reads everything again (changes.ts).
  await tx.table('changes').add({ items: [], goneItems: [], goneClauses: [], all: 1 });
}

/** Builds every meeting's postings and index row; a record that does not validate is kept as it was, unindexed, and said so. */
async function upgradeTo7(tx: Transaction): Promise<void> {
  const [meetings, items, clauses] = await Promise.all([tx.table('meetings').toArray(), tx.table('items').toArray(), tx.table('clauses').toArray()]);
  const byMeeting = new Map<string, { host: string; meetingId: string; date: string | null; items: SavedItem[]; clauses: SavedClause[] }>();
  const meetingOf = (r: { host: string; meetingId: string; date?: unknown }) => {
    const key = JSON.stringify([r.host, r.meetingId]);
    let m = byMeeting.get(key);
    if (!m) byMeeting.set(key, (m = { host: r.host, meetingId: r.meetingId, date: null, items: [], clauses: [] }));
    return m;
  };
  for (const meeting of meetings as Record<string, unknown>[]) {
    const parsed = SavedMeetingSchema.safeParse(meeting);
    if (!parsed.success) keptInvalid('meeting', [meeting.host, meeting.meetingId], parsed.error.issues[0]?.message);
    else meetingOf(parsed.data).date = parsed.data.date;
  }
  for (const item of items as Record<string, unknown>[]) {
    const parsed = SavedItemSchema.safeParse(item);
    if (!parsed.success) keptInvalid('item', [item.host, item.meetingId, item.itemKey], `${parsed.error.issues[0]?.message}; not found by search until saved again`);
    else meetingOf(parsed.data).items.push(parsed.data);
  }
  for (const clause of clauses as Record<string, unknown>[]) {
    const parsed = SavedClauseSchema.safeParse(clause);
    if (!parsed.success) keptInvalid('clause', [clause.host, clause.meetingId, clause.itemKey, clause.clauseIndex], `${parsed.error.issues[0]?.message}; not found by search until saved again`);
    else meetingOf(parsed.data).clauses.push(parsed.data);
  }
  const entries = [];
  const wordRows = [];
  const values = [];
  const keys: PostingKey[] = [];
  for (const m of byMeeting.values()) {
    if (m.items.length === 0 && m.clauses.length === 0) continue;
    const { entry, words, postings } = meetingPostings(m, m.date ?? m.clauses[0]?.date ?? m.items[0]?.date ?? '', m.items, m.clauses);
    entries.push(entry);
    wordRows.push(words);
    for (const [word, posting] of postings) {
      keys.push([word, entry.orderKey]);
      values.push(posting);
    }
  }
  await tx.table('meetingIndex').bulkPut(entries);
  await tx.table('meetingWords').bulkPut(wordRows);
  await putPostings(tx.table('postings'), values, keys);
}

async function upgradeTo4(tx: Transaction): Promise<void> {
  for (const [table, schema, what] of [
    ['meetings', SavedMeetingSchema, 'meeting'],
    ['items', SavedItemSchema, 'item'],
  ] as const) {
    await tx
      .table(table)
      .toCollection()
      .modify((record: Record<string, unknown>) => {
        const parsed = schema.safeParse({ ...record, source: record.source ?? 'meeting' });
        if (!parsed.success) return keptInvalid(what, [record.host, record.meetingId, record.itemKey].filter((part) => part !== undefined), parsed.error.issues[0]?.message);
        Object.assign(record, parsed.data);
      });
  }
}

/** A stored record the upgrade cannot make valid is kept as it was (never dropped) and said so. */
function keptInvalid(what: string, key: unknown[], issue: string | undefined): void {
  console.warn(`Library upgrade: ${what} ${JSON.stringify(key)} kept as it was; it does not match the library's records (${issue ?? 'invalid'}).`);
}

async function upgradeTo3(tx: Transaction): Promise<void> {
  await tx
    .table('items')
    .toCollection()
    .modify((item: Record<string, unknown>) => {
      const next = {
        ...item,
        onPage: item.onPage ?? 1,
        procedural: item.procedural ?? proceduralKind(String(item.title ?? ''), String(item.description ?? '')) !== null,
      };
      const parsed = SavedItemSchema.safeParse(next);
      if (!parsed.success) return keptInvalid('item', [item.host, item.meetingId, item.itemKey], parsed.error.issues[0]?.message);
      Object.assign(item, parsed.data);
    });
  await tx
    .table('clauses')
    .toCollection()
    .modify((clause: Record<string, unknown>) => {
      // Clauses saved before were read from "Decision:" only when no formula opened them.
      const next = {
        ...clause,
        onPage: clause.onPage ?? 1,
        section: clause.section ?? (clause.keyword === 'Decision' ? 'decision' : 'minutes'),
        exempt: clause.exempt ?? isExempt(String(clause.text ?? '')),
      };
      const parsed = SavedClauseSchema.safeParse(next);
      if (!parsed.success) return keptInvalid('clause', [clause.host, clause.meetingId, clause.itemKey, clause.clauseIndex], parsed.error.issues[0]?.message);
      Object.assign(clause, parsed.data, clauseDerived(parsed.data));
    });
}
