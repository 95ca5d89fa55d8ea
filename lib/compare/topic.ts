import type { CompareIndex, Neighbour } from './compareIndex';

/** "Type a topic": the `k` docs most about the words typed, best first. */
export function topicSearch(index: CompareIndex, text: string, k = 20): Neighbour[] {
  return index.searchText(text, k);
}
