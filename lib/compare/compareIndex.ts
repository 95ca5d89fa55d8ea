import { expandAcronyms } from './acronyms';
import { placeTermsOf, termsOf, withPhrases } from './normalise';
import type { CompareDoc } from './schema';
import { TopK } from './topK';

/** A title's words count once more than the text's. Weighted higher (2 to 8 were tried on the
 * `tune` half of tests/fixtures/topics), the words different topics' titles share ("Transport
 * Policy" of school and of adult social care transport) outweighed what their texts say. */
const TITLE_WEIGHT = 1;

export interface Neighbour {
  doc: CompareDoc;
  /** Cosine similarity of the two docs' TF-IDF vectors: 0 (nothing shared) to 1. */
  score: number;
  /** How many terms the two docs share. */
  shared: number;
}

/** What the last query read: its terms' postings, and the docs those postings name. */
export interface QueryStats {
  terms: number;
  postings: number;
  candidates: number;
}

interface Entry {
  doc: CompareDoc;
  terms: number[];
  /** Damped term frequency, title occurrences weighted up; idf is applied at query time. */
  weights: number[];
  places: number[];
}

/** The docs that hold a term, with the term's weight in each. */
interface Postings {
  slots: number[];
  weights: number[];
}

interface Candidate {
  slot: number;
  id: string;
  score: number;
  shared: number;
}

const damp = (count: number) => (count > 0 ? 1 + Math.log(count) : 0);
const ranksBefore = (a: Candidate, b: Candidate) => a.score > b.score || (a.score === b.score && a.id < b.id);

/**
 * TF-IDF vectors of docs in an inverted index that grows and shrinks one doc at a time, as the
 * library does. A query reads only the postings of its own terms, never every doc.
 *
 * Idf depends on the whole corpus, and the place names to ignore on every council in it, so
 * neither is baked into the postings: postings keep each doc's own term weights, idf and doc
 * norms are worked out when a query needs them and cached until the index next changes.
 */
export class CompareIndex {
  private readonly termIds = new Map<string, number>();
  private readonly termNames: string[] = [];
  private readonly postings: Postings[] = [];
  /** For each term, how many indexed docs' councils have it in their place name. */
  private readonly placeCount: number[] = [];
  private readonly idfCache: number[] = [];
  private readonly idfGeneration: number[] = [];
  private readonly entries: (Entry | undefined)[] = [];
  private readonly slotOf = new Map<string, number>();
  private readonly freeSlots: number[] = [];
  private readonly normCache: number[] = [];
  private readonly normGeneration: number[] = [];
  /** Bumped as docs are added and removed (see `changed`): it outdates every cached idf and norm at once. */
  private generation = 0;
  private pendingChanges = 0;
  /** Phrase term ids by their first and second terms' ids: small integer keys hash fastest. */
  private readonly phraseIds = new Map<number, Map<number, number>>();
  /** Per-doc score and shared-term accumulators, reused by every query; all zero between queries. */
  private scores = new Float64Array(0);
  private sharedCounts = new Uint32Array(0);

  private stats: QueryStats = { terms: 0, postings: 0, candidates: 0 };

  /** What the last query read, to show that it stays within its terms' postings. */
  get lastQuery(): QueryStats {
    return this.stats;
  }

  get size(): number {
    return this.slotOf.size;
  }

  get(id: string): CompareDoc | undefined {
    const slot = this.slotOf.get(id);
    return slot === undefined ? undefined : this.entries[slot]?.doc;
  }

  /** In the order they were added. */
  *docs(): IterableIterator<CompareDoc> {
    for (const slot of this.slotOf.values()) {
      const entry = this.entries[slot];
      if (entry) yield entry.doc;
    }
  }

  /** Adds a doc, or replaces the doc with its id. */
  add(doc: CompareDoc): void {
    this.remove(doc.id);
    const { title, text } = expandAcronyms(doc.title, doc.text);
    const inTitle = new Map<number, number>();
    const inBody = new Map<number, number>();
    for (const id of this.termIdsOf(title)) inTitle.set(id, (inTitle.get(id) ?? 0) + 1);
    for (const id of this.termIdsOf(text)) inBody.set(id, (inBody.get(id) ?? 0) + 1);
    const terms = [...inBody.keys()];
    for (const id of inTitle.keys()) if (!inBody.has(id)) terms.push(id);
    const weights = terms.map((id) => damp(inBody.get(id) ?? 0) + TITLE_WEIGHT * damp(inTitle.get(id) ?? 0));
    const places = placeTermsOf(doc.council, doc.host).map((term) => this.intern(term));
    const slot = this.freeSlots.pop() ?? this.entries.length;
    if (slot === this.entries.length) {
      // Grown in step, never with holes: V8 keeps arrays with holes as slow dictionaries.
      this.normCache.push(0);
      this.normGeneration.push(-1);
    }
    // A reused slot's cached norm was another doc's.
    this.normGeneration[slot] = -1;
    this.entries[slot] = { doc, terms, weights, places };
    this.slotOf.set(doc.id, slot);
    terms.forEach((term, i) => {
      const postings = this.postings[term] as Postings;
      postings.slots.push(slot);
      postings.weights.push(weights[i] as number);
    });
    for (const place of places) this.placeCount[place] = (this.placeCount[place] ?? 0) + 1;
    this.changed();
  }

  /** A text's terms and phrases (see `withPhrases`), as term ids; phrases are interned by their two ids, not their text. */
  private termIdsOf(text: string): number[] {
    const ids = termsOf(text).map((term) => this.intern(term));
    const words = ids.length;
    for (let i = 1; i < words; i++) {
      const a = ids[i - 1] as number;
      const b = ids[i] as number;
      let after = this.phraseIds.get(a);
      if (!after) {
        after = new Map();
        this.phraseIds.set(a, after);
      }
      let id = after.get(b);
      if (id === undefined) {
        id = this.intern(`${this.termNames[a]} ${this.termNames[b]}`);
        after.set(b, id);
      }
      ids.push(id);
    }
    return ids;
  }

  /**
   * Outdates cached idf and norms once the library has changed by 1 % since they were worked
   * out (at every change while it holds fewer than 100 docs): a meeting saved into a library of
   * thousands moves them by a hair, and working every norm out again for it would cost more than
   * the rest of saving it.
   */
  private changed(): void {
    this.pendingChanges++;
    if (this.pendingChanges >= Math.max(1, Math.floor(this.size / 100))) {
      this.generation++;
      this.pendingChanges = 0;
    }
  }

  /** Removes a doc; false when no doc has the id. */
  remove(id: string): boolean {
    const slot = this.slotOf.get(id);
    const entry = slot === undefined ? undefined : this.entries[slot];
    if (slot === undefined || !entry) return false;
    for (const term of entry.terms) {
      const postings = this.postings[term] as Postings;
      const at = postings.slots.indexOf(slot);
      const last = postings.slots.length - 1;
      postings.slots[at] = postings.slots[last] as number;
      postings.weights[at] = postings.weights[last] as number;
      postings.slots.pop();
      postings.weights.pop();
    }
    for (const place of entry.places) this.placeCount[place] = (this.placeCount[place] ?? 1) - 1;
    this.entries[slot] = undefined;
    this.slotOf.delete(id);
    this.freeSlots.push(slot);
    this.changed();
    return true;
  }

  /**
   * The `k` docs most like an indexed doc (given its id; the doc itself is left out) or like
   * a text, best first, each scoring at least `minScore`. Terms of a text that no doc has are
   * ignored: they can match nothing.
   */
  similar(idOrText: string, k = 10, minScore = 0, maxPostings = Number.POSITIVE_INFINITY): Neighbour[] {
    const slot = this.slotOf.get(idOrText);
    const entry = slot === undefined ? undefined : this.entries[slot];
    if (slot !== undefined && entry) return this.search(entry.terms, entry.weights, k, minScore, slot, maxPostings);
    return this.searchText(idOrText, k, minScore);
  }

  /** Like `similar`, but always reads its argument as text. */
  searchText(text: string, k = 10, minScore = 0): Neighbour[] {
    const counts = new Map<number, number>();
    for (const term of withPhrases(termsOf(expandAcronyms('', text).text))) {
      const id = this.termIds.get(term);
      if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return this.search([...counts.keys()], [...counts.values()].map(damp), k, minScore, -1);
  }

  /** A doc's unit-length TF-IDF vector by term, without its corpus's place names. */
  vectorOf(id: string): Map<string, number> {
    const vector = new Map<string, number>();
    const slot = this.slotOf.get(id);
    const entry = slot === undefined ? undefined : this.entries[slot];
    if (slot === undefined || !entry) return vector;
    const norm = this.norm(slot);
    entry.terms.forEach((term, i) => {
      const weight = this.weight(term, entry.weights[i] as number);
      if (weight > 0) vector.set(this.termNames[term] as string, weight / norm);
    });
    return vector;
  }

  /** `maxPostings`: terms held by more docs than this are left out of the dot product (still in
   * the norms), so a score can only come out lower; grouping a large library uses it. */
  private search(terms: number[], termWeights: number[], k: number, minScore: number, self: number, maxPostings = Number.POSITIVE_INFINITY): Neighbour[] {
    const stats: QueryStats = { terms: 0, postings: 0, candidates: 0 };
    if (this.scores.length < this.entries.length) {
      const length = Math.max(this.entries.length, 2 * this.scores.length);
      this.scores = new Float64Array(length);
      this.sharedCounts = new Uint32Array(length);
    }
    const { scores, sharedCounts } = this;
    const touched: number[] = [];
    let queryNorm2 = 0;
    terms.forEach((term, i) => {
      const weight = this.weight(term, termWeights[i] as number);
      if (weight === 0) return;
      queryNorm2 += weight * weight;
      const factor = weight * this.idf(term);
      const { slots, weights } = this.postings[term] as Postings;
      if (slots.length > maxPostings) return;
      stats.terms++;
      stats.postings += slots.length;
      for (let j = 0; j < slots.length; j++) {
        const slot = slots[j] as number;
        // Every weight is positive, so a zero score means the doc is not reached yet.
        if (scores[slot] === 0) touched.push(slot);
        scores[slot] = (scores[slot] as number) + factor * (weights[j] as number);
        sharedCounts[slot] = (sharedCounts[slot] as number) + 1;
      }
    });
    stats.candidates = touched.length;
    this.stats = stats;
    const queryNorm = Math.sqrt(queryNorm2);
    const best = new TopK<Candidate>(k, ranksBefore);
    for (const slot of touched) {
      const dot = scores[slot] as number;
      const shared = sharedCounts[slot] as number;
      scores[slot] = 0;
      sharedCounts[slot] = 0;
      if (slot === self) continue;
      const score = Math.min(1, dot / (queryNorm * this.norm(slot)));
      if (score < minScore || best.rejects((worst) => score < worst.score)) continue;
      best.push({ slot, id: (this.entries[slot] as Entry).doc.id, score, shared });
    }
    return best.sorted().map(({ slot, score, shared }) => ({ doc: (this.entries[slot] as Entry).doc, score, shared }));
  }

  private intern(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.termNames.length;
      this.termIds.set(term, id);
      this.termNames.push(term);
      this.postings.push({ slots: [], weights: [] });
      this.placeCount.push(0);
      this.idfCache.push(0);
      this.idfGeneration.push(-1);
    }
    return id;
  }

  /** Smoothed, so that a term every doc has still counts a little. */
  private idf(term: number): number {
    if (this.idfGeneration[term] !== this.generation) {
      const df = (this.postings[term] as Postings).slots.length;
      this.idfCache[term] = df > 0 ? Math.log(1 + this.size / df) : 0;
      this.idfGeneration[term] = this.generation;
    }
    return this.idfCache[term] as number;
  }

  /** A term's TF-IDF weight; nothing for a place name of any council in the index. */
  private weight(term: number, termWeight: number): number {
    return (this.placeCount[term] as number) > 0 ? 0 : termWeight * this.idf(term);
  }

  private norm(slot: number): number {
    if (this.normGeneration[slot] !== this.generation) {
      const entry = this.entries[slot] as Entry;
      let sum = 0;
      entry.terms.forEach((term, i) => {
        const weight = this.weight(term, entry.weights[i] as number);
        sum += weight * weight;
      });
      this.normCache[slot] = Math.sqrt(sum);
      this.normGeneration[slot] = this.generation;
    }
    return this.normCache[slot] as number;
  }
}
