import { outcomeOf, votesOf, type Outcome, type Votes } from '../moderngov/outcome';
import type { SavedClause, SavedItem } from './schema';
import { wordsOf } from './words';

/**
 * What the library derives from a record's own text rather than storing as given: the search
 * words, and a clause's outcome and votes. Computed here only. Outcome and votes are stored,
 * computed when saving, restoring a backup (a file's derived fields are not trusted) and
 * upgrading the database; since database version 9 the words are not stored, computed when a
 * meeting's postings are built and when search tests a row.
 */
type ItemText = Pick<SavedItem, 'title' | 'description' | 'minutes' | 'decision' | 'committeeName' | 'councilName'>;
type ClauseText = Pick<SavedClause, 'text' | 'itemTitle' | 'committeeName' | 'councilName'>;

export function itemWords(item: ItemText): string[] {
  return wordsOf(item.title, item.description, item.minutes, item.decision, item.committeeName, item.councilName);
}

export function clauseWords(clause: ClauseText): string[] {
  return wordsOf(clause.text, clause.itemTitle, clause.committeeName, clause.councilName);
}

export function clauseDerived(clause: Pick<SavedClause, 'keyword' | 'text'>): { outcome: Outcome; votes: Votes | null } {
  return { outcome: outcomeOf(clause), votes: votesOf(clause.text) };
}
