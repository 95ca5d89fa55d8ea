import Dexie, { type EntityTable } from 'dexie';
import type { ClausePk, ItemPk, MeetingPk } from './identity';
import type { Change, Deletion, MeetingIndex, MeetingWords, Posting, PostingKey, SavedClause, SavedCommittee, SavedCouncil, SavedItem, SavedMeeting } from './schema';
import { declareVersions, type UpgradeListener } from './versions';

/**
 * The library, in the extension's origin. Primary keys are built from the council's host and
 * ModernGov's ids (identity.ts), so saving the same meeting, item or clause again updates it in
 * place. Only library/ code reads these tables; the views go through service.ts.
 */
export class LibraryDb extends Dexie {
  councils!: EntityTable<SavedCouncil, 'host'>;
  committees!: Dexie.Table<SavedCommittee, [string, string]>;
  meetings!: Dexie.Table<SavedMeeting, MeetingPk>;
  items!: Dexie.Table<SavedItem, ItemPk>;
  clauses!: Dexie.Table<SavedClause, ClausePk>;
  deletions!: EntityTable<Deletion, 'key'>;
  /** Since version 7: the full-text index, derived from the records (postings.ts). */
  postings!: Dexie.Table<Posting, PostingKey>;
  meetingIndex!: Dexie.Table<MeetingIndex, MeetingPk>;
  meetingWords!: Dexie.Table<MeetingWords, MeetingPk>;
  /** Since version 8: one row per write of items or clauses (changes.ts). */
  changes!: EntityTable<Change, 'seq'>;
  // Since version 6 the database also holds the team corpus's tables, typed in lib/team/tables.ts.

  /** `onUpgrade` hears how far the first open after an update has come in rewriting the records (versions.ts). */
  constructor(name = 'council-minutes', options: { onUpgrade?: UpgradeListener } = {}) {
    super(name);
    declareVersions(this, options.onUpgrade);
  }
}
