import { outcomeOf, votesOf, type Outcome, type Votes } from '../moderngov/outcome';
import type { SavedClause, SavedItem } from './schema';
import { wordsOf } from './words';

/**
 * What the library derives from a record's own text rather than storing as given: the search
 * words, and a clause's outcome and votes. Computed here only, when saving, restoring a backup
 * (a file's derived fields are not trusted) and upgrading the database.
 */
type ItemText = Pick<SavedItem, 'title' | 'description' | 'minutes' | 'decision' | 'committeeName' | 'councilName'>;
type ClauseText = Pick<SavedClause, 'label' | 'text' | 'keyword' | 'itemTitle' | 'committeeName' | 'councilName'>;

export function itemWords(item: ItemText): string[] {
  return wordsOf(item.title, item.description, item.minutes, item.decision, item.committeeName, item.councilName);
}

export function clauseDerived(clause: ClauseText): { outcome: Outcome; votes: Votes | null; words: string[] } {
  return {
    outcome: outcomeOf(clause),
    votes: votesOf(clause.text),
    words: wordsOf(clause.text, clause.itemTitle, clause.committeeName, clause.councilName),
  };
}
