import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CompareIndex } from '@/lib/compare/compareIndex';
import { termsOf } from '@/lib/compare/normalise';
import type { CompareDoc } from '@/lib/compare/schema';
import { topicSearch } from '@/lib/compare/topic';
import { ownFixture, ownFixturesDir } from '../../support/pages';

const N = 100_000;

/** Every word printed on the fixture pages, as often as printed: drawing from it gives docs
 * the fixtures' vocabulary and word frequencies. */
function fixtureWords(): string[] {
  return readdirSync(ownFixturesDir)
    .filter((name) => name.endsWith('.html'))
    .flatMap((name) => (ownFixture(name).body?.textContent ?? '').split(/\s+/))
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter(Boolean);
}

/** A seeded generator (mulberry32), so every run builds the same library. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COUNCILS = ['Southampton City Council', 'Worcestershire County Council', 'Surrey County Council', 'Gloucester City Council', 'City of London'];

/** Clause-sized docs: a 3–7 word item title and a 12–45 word clause. */
function syntheticClauses(): CompareDoc[] {
  const words = fixtureWords();
  const random = seeded(20161103);
  const phrase = (min: number, max: number) =>
    Array.from({ length: min + Math.floor(random() * (max - min + 1)) }, () => words[Math.floor(random() * words.length)]).join(' ');
  return Array.from({ length: N }, (_, i) => {
    const council = COUNCILS[i % COUNCILS.length] ?? null;
    const host = `democracy.${(council ?? '').split(' ')[0]?.toLowerCase()}.gov.uk`;
    const text = phrase(12, 45);
    return { id: `${host}|${i >> 8}|${i}#0`, kind: 'clause', host, council, committee: null, meetingDate: null, itemNumber: String(i % 20), title: phrase(3, 7), text, clauses: [text], outcome: '', url: null };
  });
}

const time = <T>(run: () => T): [T, number] => {
  const start = performance.now();
  const result = run();
  return [result, performance.now() - start];
};
const ms = (value: number) => `${value.toFixed(1)} ms`;

describe('a library of 100k clauses', () => {
  it('is indexed once and answers each query from the postings of its terms only', () => {
    const docs = syntheticClauses();
    const index = new CompareIndex();
    const [, build] = time(() => {
      for (const doc of docs) index.add(doc);
    });
    expect(index.size).toBe(N);

    const query = docs[4242]?.id ?? '';
    const [cold, coldMs] = time(() => index.similar(query, 10));
    const stats = index.lastQuery;
    const [warm, againMs] = time(() => index.similar(query, 10));
    expect(warm).toEqual(cold);
    const later = docs.slice(0, 30).map((doc) => time(() => index.similar(doc.id, 10))[1]).sort((a, b) => a - b);
    const [topic, topicMs] = time(() => topicSearch(index, 'grooming in Kidderminster', 10));
    const topicStats = index.lastQuery;

    // The same answers the slow way: every doc's vector against the query's, no postings.
    const queryVector = index.vectorOf(query);
    const topicTerms = termsOf('grooming in Kidderminster');
    let postings = 0;
    let candidates = 0;
    let topicCandidates = 0;
    const scored: { id: string; score: number }[] = [];
    for (const doc of docs) {
      const vector = index.vectorOf(doc.id);
      let shared = 0;
      let dot = 0;
      for (const [term, weight] of queryVector) {
        const other = vector.get(term);
        if (other === undefined) continue;
        shared++;
        dot += weight * other;
      }
      postings += shared;
      if (shared > 0) candidates++;
      if (shared > 0 && doc.id !== query) scored.push({ id: doc.id, score: dot });
      if (topicTerms.some((term) => vector.has(term))) topicCandidates++;
    }
    scored.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    expect(stats.postings).toBe(postings);
    expect(stats.candidates).toBe(candidates);
    expect(cold.map((n) => n.doc.id)).toEqual(scored.slice(0, 10).map((s) => s.id));
    cold.forEach((n, i) => expect(n.score).toBeCloseTo(scored[i]?.score ?? -1, 9));
    expect(topicStats.candidates).toBe(topicCandidates);
    expect(topicStats.candidates).toBeLessThan(N / 10);
    expect(topic.length).toBeGreaterThan(0);

    const removed = cold[0]?.doc as CompareDoc;
    const [, removeMs] = time(() => index.remove(removed.id));
    expect(index.similar(query, 10).map((n) => n.doc.id)).not.toContain(removed.id);
    const [, addMs] = time(() => index.add(removed));
    expect(index.similar(query, 10).map((n) => n.doc.id)).toEqual(cold.map((n) => n.doc.id));

    console.log(
      [
        `compare index, ${N} clause-sized docs (${new Set(fixtureWords()).size} distinct fixture words):`,
        `  build ${ms(build)} (${((build * 1000) / N).toFixed(1)} µs a doc), heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB`,
        `  similar(doc, 10): ${ms(coldMs)} first (idf and norms computed), ${ms(againMs)} again; read ${stats.terms} terms' ${stats.postings} postings, reaching ${stats.candidates} docs`,
        `  similar() on 30 other docs: median ${ms(later[15] ?? 0)}, slowest ${ms(later[29] ?? 0)}`,
        `  topicSearch("grooming in Kidderminster"): ${ms(topicMs)}; ${topicStats.postings} postings, ${topicStats.candidates} docs`,
        `  remove ${ms(removeMs)}, add ${ms(addMs)}`,
      ].join('\n'),
    );
  }, 300_000);
});
