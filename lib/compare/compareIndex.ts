import { expandAcronyms } from './acronyms';
import { placeTermsOf, termsOf } from './normalise';
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

/** The docs that hold a term, by slot in ascending order, with the term's weight in each. */
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

/** The first place in an ascending list holding `slot` or more (the list's length when none does). */
function firstAtOrAfter(slots: number[], slot: number): number {
  let low = 0;
  let high = slots.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((slots[mid] as number) < slot) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** A term's figures in `termStats`: its place count, document frequency, idf, and idf's generation. */
const TERM_STRIDE = 4;
const TERM_PLACES = 0;
const TERM_DF = 1;
const TERM_IDF = 2;
const TERM_IDF_GENERATION = 3;

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
  /** Each word term's text; '' for a phrase, whose text is its two words' (`nameOf`), built only when asked. */
  private readonly termNames: string[] = [];
  /** A phrase's first and second terms, by phrase id; -1 for a word. */
  private readonly firstOf: number[] = [];
  private readonly secondOf: number[] = [];
  private readonly postings: Postings[] = [];
  /**
   * Each term's place count (how many indexed docs' councils have it in their place name), its
   * document frequency, and its idf with the generation it was worked out in, side by side
   * (`TERM_*`): working every norm out again after a change reads these for every term of every
   * doc reached, most of them phrases of one doc, and one memory read each costs less than four.
   */
  private termStats = new Float64Array(0);
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
  /** Each council's place terms, by its name and host: every item of a council has the same. */
  private readonly placesOf = new Map<string, number[]>();
  /** Per-doc score and shared-term accumulators, reused by every query; all zero between queries. */
  private scores = new Float64Array(0);
  /** Per-term counts of the doc being added, by term id, reused by every add; all zero between adds. */
  private bodyCounts = new Uint32Array(0);
  private titleCounts = new Uint32Array(0);
  private sharedCounts = new Uint32Array(0);
  /** The slots the current query has reached, in the order reached. */
  private touched = new Int32Array(0);

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
    const titleIds = this.termIdsOf(title);
    const bodyIds = this.termIdsOf(text);
    if (this.bodyCounts.length < this.termNames.length) {
      const length = Math.max(this.termNames.length, 2 * this.bodyCounts.length);
      this.bodyCounts = new Uint32Array(length);
      this.titleCounts = new Uint32Array(length);
    }
    const { bodyCounts, titleCounts } = this;
    // The text's terms in order of first use, then the title's that the text lacks.
    const terms: number[] = [];
    for (const id of bodyIds) {
      if (bodyCounts[id] === 0) terms.push(id);
      bodyCounts[id] = (bodyCounts[id] as number) + 1;
    }
    for (const id of titleIds) {
      if (titleCounts[id] === 0 && bodyCounts[id] === 0) terms.push(id);
      titleCounts[id] = (titleCounts[id] as number) + 1;
    }
    const weights = terms.map((id) => {
      const weight = damp(bodyCounts[id] as number) + TITLE_WEIGHT * damp(titleCounts[id] as number);
      bodyCounts[id] = 0;
      titleCounts[id] = 0;
      return weight;
    });
    const council = `${doc.council ?? ''}\u0000${doc.host}`;
    let places = this.placesOf.get(council);
    if (!places) {
      places = placeTermsOf(doc.council, doc.host).map((term) => this.intern(term));
      this.placesOf.set(council, places);
    }
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
      const { slots, weights: termWeights } = this.postings[term] as Postings;
      // Kept in slot order (see `pairs`): a new slot goes last, a reused one in its place.
      const at = slot > (slots[slots.length - 1] ?? -1) ? slots.length : firstAtOrAfter(slots, slot);
      if (at === slots.length) {
        slots.push(slot);
        termWeights.push(weights[i] as number);
      } else {
        slots.splice(at, 0, slot);
        termWeights.splice(at, 0, weights[i] as number);
      }
    });
    for (const term of terms) this.count(term, TERM_DF, 1);
    for (const place of places) this.count(place, TERM_PLACES, 1);
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
        // Most phrases of a library occur once: they get an id, never a string.
        id = this.newTerm('', a, b);
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
      const at = firstAtOrAfter(postings.slots, slot);
      postings.slots.splice(at, 1);
      postings.weights.splice(at, 1);
      this.count(term, TERM_DF, -1);
    }
    for (const place of entry.places) this.count(place, TERM_PLACES, -1);
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
  similar(idOrText: string, k = 10, minScore = 0, maxPostings = Number.POSITIVE_INFINITY, minShared = 1): Neighbour[] {
    const slot = this.slotOf.get(idOrText);
    const entry = slot === undefined ? undefined : this.entries[slot];
    if (slot !== undefined && entry) return this.search(entry.terms, entry.weights, k, minScore, slot, maxPostings, minShared);
    return this.searchText(idOrText, k, minScore);
  }

  /** Like `similar`, but always reads its argument as text. */
  searchText(text: string, k = 10, minScore = 0): Neighbour[] {
    const counts = new Map<number, number>();
    const count = (id: number | undefined) => id !== undefined && counts.set(id, (counts.get(id) ?? 0) + 1);
    const ids = termsOf(expandAcronyms('', text).text).map((term) => this.termIds.get(term));
    ids.forEach((id, i) => {
      count(id);
      const before = ids[i - 1];
      if (i > 0 && before !== undefined && id !== undefined) count(this.phraseIds.get(before)?.get(id));
    });
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
      if (weight > 0) vector.set(this.nameOf(term), weight / norm);
    });
    return vector;
  }

  /**
   * Every pair of indexed docs at least `minScore` alike and sharing at least `minShared` terms,
   * each pair once: a doc's postings are read only towards docs in later slots (postings are kept
   * in slot order), so grouping reads half of what querying every doc would. Terms held by more
   * than `maxPostings` docs are left out of the scores, as in `similar`.
   */
  pairs(minScore: number, maxPostings: number, minShared: number, visit: (a: CompareDoc, b: CompareDoc, score: number) => void): void {
    this.entries.forEach((entry, slot) => {
      if (!entry) return;
      for (const found of this.search(entry.terms, entry.weights, Number.POSITIVE_INFINITY, minScore, slot, maxPostings, minShared, slot + 1)) visit(entry.doc, found.doc, found.score);
    });
  }

  /** `maxPostings`: terms held by more docs than this are left out of the dot product (still in
   * the norms), so a score can only come out lower; grouping a large library uses it. `minShared`:
   * docs sharing fewer terms are dropped before they are scored (most docs a query reaches share
   * one word with it). `fromSlot`: only docs in this slot or later are reached. */
  private search(terms: number[], termWeights: number[], k: number, minScore: number, self: number, maxPostings = Number.POSITIVE_INFINITY, minShared = 1, fromSlot = 0): Neighbour[] {
    const stats: QueryStats = { terms: 0, postings: 0, candidates: 0 };
    if (this.scores.length < this.entries.length) {
      const length = Math.max(this.entries.length, 2 * this.scores.length);
      this.scores = new Float64Array(length);
      this.sharedCounts = new Uint32Array(length);
      this.touched = new Int32Array(length);
    }
    const { scores, sharedCounts, touched } = this;
    let reached = 0;
    let queryNorm2 = 0;
    for (let i = 0; i < terms.length; i++) {
      const term = terms[i] as number;
      const weight = this.weight(term, termWeights[i] as number);
      if (weight === 0) continue;
      queryNorm2 += weight * weight;
      const { slots, weights } = this.postings[term] as Postings;
      if (slots.length > maxPostings) continue;
      const factor = weight * this.idf(term);
      const first = fromSlot > 0 ? firstAtOrAfter(slots, fromSlot) : 0;
      stats.terms++;
      stats.postings += slots.length - first;
      for (let j = first; j < slots.length; j++) {
        const slot = slots[j] as number;
        // Every weight is positive, so a zero score means the doc is not reached yet.
        if (scores[slot] === 0) touched[reached++] = slot;
        scores[slot] = (scores[slot] as number) + factor * (weights[j] as number);
        sharedCounts[slot] = (sharedCounts[slot] as number) + 1;
      }
    }
    stats.candidates = reached;
    this.stats = stats;
    const queryNorm = Math.sqrt(queryNorm2);
    const best = new TopK<Candidate>(k, ranksBefore);
    const all: Candidate[] = [];
    for (let t = 0; t < reached; t++) {
      const slot = touched[t] as number;
      const dot = scores[slot] as number;
      const shared = sharedCounts[slot] as number;
      scores[slot] = 0;
      sharedCounts[slot] = 0;
      if (slot === self || shared < minShared) continue;
      const score = Math.min(1, dot / (queryNorm * this.norm(slot)));
      if (score < minScore) continue;
      const candidate = { slot, id: (this.entries[slot] as Entry).doc.id, score, shared };
      if (k === Number.POSITIVE_INFINITY) all.push(candidate);
      else if (!best.rejects((worst) => score < worst.score)) best.push(candidate);
    }
    // Every doc asked for: sorted once rather than kept in a heap.
    const ranked = k === Number.POSITIVE_INFINITY ? all.sort((a, b) => (ranksBefore(a, b) ? -1 : 1)) : best.sorted();
    return ranked.map(({ slot, score, shared }) => ({ doc: (this.entries[slot] as Entry).doc, score, shared }));
  }

  private intern(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.newTerm(term, -1, -1);
      this.termIds.set(term, id);
    }
    return id;
  }

  private newTerm(name: string, first: number, second: number): number {
    const id = this.termNames.length;
    this.termNames.push(name);
    this.firstOf.push(first);
    this.secondOf.push(second);
    this.postings.push({ slots: [], weights: [] });
    if ((id + 1) * TERM_STRIDE > this.termStats.length) {
      const grown = new Float64Array(Math.max(1024, 2 * this.termStats.length));
      grown.set(this.termStats);
      this.termStats = grown;
    }
    this.termStats[id * TERM_STRIDE + TERM_IDF_GENERATION] = -1;
    return id;
  }

  /** A term's text: a word's stem, or a phrase's two stems with a space between (see `withPhrases`). */
  private nameOf(term: number): string {
    const first = this.firstOf[term] as number;
    return first < 0 ? (this.termNames[term] as string) : `${this.nameOf(first)} ${this.nameOf(this.secondOf[term] as number)}`;
  }

  /** Adds `by` to a term's place count or document frequency (`TERM_PLACES`, `TERM_DF`). */
  private count(term: number, figure: number, by: number): void {
    const at = term * TERM_STRIDE + figure;
    this.termStats[at] = (this.termStats[at] as number) + by;
  }

  /** Smoothed, so that a term every doc has still counts a little. */
  private idf(term: number): number {
    const stats = this.termStats;
    const at = term * TERM_STRIDE;
    if (stats[at + TERM_IDF_GENERATION] !== this.generation) {
      const df = stats[at + TERM_DF] as number;
      stats[at + TERM_IDF] = df > 0 ? Math.log(1 + this.size / df) : 0;
      stats[at + TERM_IDF_GENERATION] = this.generation;
    }
    return stats[at + TERM_IDF] as number;
  }

  /** A term's TF-IDF weight; nothing for a place name of any council in the index. */
  private weight(term: number, termWeight: number): number {
    return (this.termStats[term * TERM_STRIDE + TERM_PLACES] as number) > 0 ? 0 : termWeight * this.idf(term);
  }

  private norm(slot: number): number {
    if (this.normGeneration[slot] !== this.generation) {
      const { terms, weights } = this.entries[slot] as Entry;
      let sum = 0;
      for (let i = 0; i < terms.length; i++) {
        const weight = this.weight(terms[i] as number, weights[i] as number);
        sum += weight * weight;
      }
      this.normCache[slot] = Math.sqrt(sum);
      this.normGeneration[slot] = this.generation;
    }
    return this.normCache[slot] as number;
  }
}
