import { outcomeOf, votesOf, type Outcome, type Votes } from '../moderngov/outcome';
import type { Clause, Item, PageRecord } from '../moderngov/schema';

/** The clause CSV's columns, in order. Documented in README.md ("CSV columns"). */
export const CLAUSE_COLUMNS = [
  'council', 'host', 'committee', 'meeting_date', 'meeting_url', 'item_number', 'item_title',
  'clause_label', 'clause_text', 'tags', 'note', 'source_url', 'retrieved_at', 'content_hash',
  'outcome', 'votes_for', 'votes_against', 'votes_abstentions', 'formula', 'section', 'exempt',
] as const;

export type ClauseRow = Record<(typeof CLAUSE_COLUMNS)[number], string>;

/** The outcome and vote cells of a clause; absent figures are empty cells. */
export const OUTCOME_CELLS: Record<'outcome' | 'votes_for' | 'votes_against' | 'votes_abstentions', (c: { outcome: Outcome; votes: Votes | null }) => string> = {
  outcome: (c) => c.outcome,
  votes_for: (c) => (c.votes ? String(c.votes.for) : ''),
  votes_against: (c) => (c.votes ? String(c.votes.against) : ''),
  votes_abstentions: (c) => (c.votes?.abstentions == null ? '' : String(c.votes.abstentions)),
};

/** Where a clause came from: the formula as printed, the section it was read from, exempt or not. */
export const ORIGIN_CELLS: Record<'formula' | 'section' | 'exempt', (c: Pick<Clause, 'keyword' | 'section' | 'exempt'>) => string> = {
  formula: (c) => c.keyword,
  section: (c) => c.section,
  exempt: (c) => (c.exempt ? 'yes' : 'no'),
};

/** A row's cells as an object, column by column. */
const cellsOf = <T, C extends string>(cells: Record<C, (record: T) => string>, record: T): Record<C, string> =>
  Object.fromEntries(Object.entries<(record: T) => string>(cells).map(([column, of]) => [column, of(record)])) as Record<C, string>;

interface RowContext {
  council: string;
  host: string;
  committee: string;
  meetingDate: string;
  meetingUrl: string;
  sourceUrl: string;
  contentHash: string;
}

function rowsOfItem(item: Item, context: RowContext): ClauseRow[] {
  return item.clauses.map((clause: Clause) => ({
    council: context.council,
    host: context.host,
    committee: context.committee,
    meeting_date: context.meetingDate,
    meeting_url: context.meetingUrl,
    item_number: item.number ?? '',
    item_title: item.title,
    clause_label: clause.label ?? '',
    clause_text: clause.text,
    tags: '',
    note: '',
    source_url: context.sourceUrl,
    retrieved_at: '',
    content_hash: context.contentHash,
    ...cellsOf(OUTCOME_CELLS, { outcome: outcomeOf(clause), votes: votesOf(clause.text) }),
    ...cellsOf(ORIGIN_CELLS, clause),
  }));
}

/** One row per resolution clause of an extracted page (meeting, item or decision). */
export function clauseRowsOfPage(record: PageRecord): ClauseRow[] {
  switch (record.kind) {
    case 'meeting': {
      const context = {
        council: record.council.name ?? '',
        host: record.council.host,
        committee: record.committee.name ?? '',
        meetingDate: record.meeting.date ?? '',
        meetingUrl: record.meeting.url,
        sourceUrl: record.meeting.url,
        contentHash: record.contentHash,
      };
      return record.items.flatMap((item) => rowsOfItem(item, context));
    }
    case 'item':
    case 'decision': {
      const ref = record.meetingRef;
      return rowsOfItem(record.item, {
        council: record.council.name ?? '',
        host: record.council.host,
        committee: ref?.committeeName ?? '',
        meetingDate: ref?.date ?? (record.kind === 'decision' ? (record.decisionDate ?? '') : ''),
        meetingUrl: ref?.url ?? '',
        sourceUrl: record.url,
        contentHash: record.contentHash,
      });
    }
    default:
      return [];
  }
}
