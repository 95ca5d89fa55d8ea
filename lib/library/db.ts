import Dexie, { type EntityTable } from 'dexie';
import { outcomeOf, votesOf } from '../moderngov/outcome';
import { proceduralKind } from '../moderngov/procedural';
import { isExempt } from '../moderngov/resolutions/exempt';
import type { SavedClause, SavedCommittee, SavedCouncil, SavedItem, SavedMeeting } from './schema';

/**
 * The library, in the extension's origin. Primary keys are built from the council's host and
 * ModernGov's ids, so saving the same meeting, item or clause again updates it in place.
 */
export class LibraryDb extends Dexie {
  councils!: EntityTable<SavedCouncil, 'host'>;
  committees!: Dexie.Table<SavedCommittee, [string, string]>;
  meetings!: Dexie.Table<SavedMeeting, [string, string]>;
  items!: Dexie.Table<SavedItem, [string, string, string]>;
  clauses!: Dexie.Table<SavedClause, [string, string, string, number]>;

  constructor(name = 'council-minutes') {
    super(name);
    this.version(1).stores({
      councils: 'host',
      committees: '[host+committeeId], host',
      meetings: '[host+meetingId], host, date, [host+committeeId]',
      items: '[host+meetingId+itemKey], [host+meetingId], host, committeeName, date, *tags, *words',
      clauses: '[host+meetingId+itemKey+clauseIndex], [host+meetingId], [host+meetingId+itemKey], host, committeeName, date, *tags, *words',
    });
    // Version 2: every clause says what it does (resolved, noted, deferred…) and its votes, indexed by outcome.
    this.version(2)
      .stores({
        clauses:
          '[host+meetingId+itemKey+clauseIndex], [host+meetingId], [host+meetingId+itemKey], host, committeeName, date, outcome, *tags, *words',
      })
      .upgrade((tx) =>
        tx
          .table('clauses')
          .toCollection()
          .modify((clause: SavedClause) => {
            clause.outcome = outcomeOf(clause);
            clause.votes = votesOf(clause.text);
          }),
      );
    // Version 3: where each clause came from (decision or minutes, exempt or not) and which items
    // are procedural. Clauses saved before were read from "Decision:" only when no formula opened them.
    this.version(3).upgrade(async (tx) => {
      await tx
        .table('clauses')
        .toCollection()
        .modify((clause: SavedClause) => {
          clause.section ??= clause.keyword === 'Decision' ? 'decision' : 'minutes';
          clause.exempt ??= isExempt(clause.text);
        });
      await tx
        .table('items')
        .toCollection()
        .modify((item: SavedItem) => {
          item.procedural ??= proceduralKind(item.title, item.description) !== null;
        });
    });
  }
}
