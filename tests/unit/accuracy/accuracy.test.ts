import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesOf, scoreSet, SETS } from '../../accuracy/corpus';
import { ExpectedPageSchema } from '../../accuracy/expected';
import { share, total } from '../../accuracy/score';

const expectedOf = (file: string) => ExpectedPageSchema.parse(JSON.parse(readFileSync(file.replace(/\.html$/, '.expected.json'), 'utf8')));

describe('the style catalogue', () => {
  const fixtures = fixturesOf('catalogue');
  const pages = fixtures.map(expectedOf);
  const styleDir = path.join(SETS.catalogue, 'styles');
  const styles = readdirSync(styleDir).map((f) => JSON.parse(readFileSync(path.join(styleDir, f), 'utf8')) as { id: string; kind: string; seen: { council: string; url: string }[] });

  it('covers at least 40 councils, Welsh and Scottish among them, and 15 formula or ending styles', () => {
    const councils = new Set([...pages.map((p) => p.council), ...styles.flatMap((s) => s.seen.map((seen) => seen.council))]);
    expect(councils.size).toBeGreaterThanOrEqual(40);
    expect(pages.some((p) => p.councilType === 'welsh')).toBe(true);
    expect(pages.some((p) => p.councilType === 'scottish')).toBe(true);
    expect(styles.filter((s) => s.kind === 'formula' || s.kind === 'ending').length).toBeGreaterThanOrEqual(15);
  });

  it('has a fixture for every style, and a style entry for every style a fixture names', () => {
    const named = new Set(pages.flatMap((p) => p.styles));
    expect(styles.map((s) => s.id).filter((id) => !named.has(id))).toEqual([]);
    expect([...named].filter((id) => !styles.some((s) => s.id === id))).toEqual([]);
    for (const style of styles) expect(style.seen.length, style.id).toBeGreaterThan(0);
  });

  it('keeps the held-back pages apart: no council is both studied and held back', () => {
    const studied = new Set([...pages.map((p) => p.council), ...styles.flatMap((s) => s.seen.map((seen) => seen.council))]);
    const heldBack = fixturesOf('evaluation').map((f) => expectedOf(f).council);
    expect(heldBack.length).toBeGreaterThan(0);
    expect(heldBack.filter((council) => studied.has(council))).toEqual([]);
  });
});

// The thresholds of issue 10: the catalogue (and the first held-back set, studied since) read
// with every item right and 98% of clause counts and starts; the held-back evaluation pages,
// never studied, at the 95% aimed for on councils outside the catalogue.
describe('extraction accuracy', () => {
  it.each(['catalogue', 'holdout'] as const)('over the %s: items 100%, clause counts and starts at least 98%', (set) => {
    const scores = scoreSet(set);
    const t = total(scores);
    const misses = scores.flatMap((s) => s.misses.map((m) => `${s.file}: ${m}`));
    expect(t.pages).toBeGreaterThan(0);
    expect(share(t.items), misses.join('\n')).toBe(1);
    expect(share(t.clauseCounts), misses.join('\n')).toBeGreaterThanOrEqual(0.98);
    expect(share(t.clauseStarts), misses.join('\n')).toBeGreaterThanOrEqual(0.98);
  });

  it('over the held-back evaluation pages: items 100%, clause counts and starts at least 95%', () => {
    const t = total(scoreSet('evaluation'));
    expect(t.pages).toBeGreaterThanOrEqual(10);
    expect(share(t.items)).toBe(1);
    expect(share(t.clauseCounts)).toBeGreaterThanOrEqual(0.95);
    expect(share(t.clauseStarts)).toBeGreaterThanOrEqual(0.95);
  });
});
