import Dexie, { type EntityTable } from 'dexie';
import type { ClausePk, ItemPk, MeetingPk } from './identity';
import type { OutboxEntry, TeamRow } from '../team/schema';
import type { Deletion, SavedClause, SavedCommittee, SavedCouncil, SavedItem, SavedMeeting } from './schema';
import { declareVersions } from './versions';

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
  /** Since version 6, the team corpus (lib/team/): rows waiting to be published, the team's records pulled (never the researcher's own), the pull's cursor. */
  // Keyed by who queued a row and what it is about: another sign-in's copy of the same record is its own row.
  outbox!: Dexie.Table<OutboxEntry, [string, string]>;
  /** Keyed by kind and key: a committee's key and a meeting's can be the same text. */
  teamRows!: Dexie.Table<TeamRow, [string, string]>;
  teamState!: EntityTable<{ name: string; value: unknown }, 'name'>;

  constructor(name = 'council-minutes') {
    super(name);
    declareVersions(this);
  }
}
