import { describe, expect, it } from 'vitest';
import { labelledUnits, readLabels, scoreGrouping, type PairScores } from '../../support/topics';

/**
 * The labelled evaluation set (tests/fixtures/topics): pages of many councils as researchers
 * save them (meeting, agenda-item and decision pages), each item's topic read by a person.
 * The grouping threshold was chosen on the `tune` half; the `test` half is held back and
 * only reported on. Pair precision and recall: of the pairs put in one group, how many share a
 * topic; of the pairs that share a topic, how many are put in one group.
 */
const labels = readLabels();
const MIN_LABELLED = 40;
const units = labels.length >= MIN_LABELLED ? labelledUnits(labels) : [];

const summary = (split: string, s: PairScores) =>
  `${split}: ${units.filter((u) => u.label.split === split).length} items, pair precision ${s.precision.toFixed(3)} (${s.correctPairs}/${s.predictedPairs}), ` +
  `recall ${s.recall.toFixed(3)} (${s.correctPairs}/${s.truePairs}), procedural items in groups ${s.proceduralGrouped}`;

const title =
  labels.length >= MIN_LABELLED
    ? `topic groups on the labelled set (${labels.length} items)`
    : `topic groups on the labelled set: skipped, ${labels.length} labelled items in tests/fixtures/topics/ (fewer than ${MIN_LABELLED})`;

describe.skipIf(labels.length < MIN_LABELLED)(title, () => {
  it('finds the item each label names on its page', () => {
    const missing = units.filter((u) => !u.item && !u.doc).map((u) => `${u.label.file} ${u.label.itemNumber ?? ''} ${u.label.title}`);
    expect(missing).toEqual([]);
  });

  it('compares no item a person labelled topical as procedure', () => {
    const dropped = units.filter((u) => u.label.topic !== null && !u.doc).map((u) => `${u.label.file}: ${u.label.title}`);
    expect(dropped).toEqual([]);
  });

  it('on the tune half: precision ≥ 0.9, recall ≥ 0.8, no procedural item in a group', () => {
    const scores = scoreGrouping(units.filter((u) => u.label.split === 'tune'));
    console.log(summary('tune', scores));
    expect(scores.proceduralGrouped).toBe(0);
    expect(scores.precision).toBeGreaterThanOrEqual(0.9);
    expect(scores.recall).toBeGreaterThanOrEqual(0.8);
  });

  it('on the held-back test half: precision ≥ 0.9, recall ≥ 0.8, no procedural item in a group', () => {
    const scores = scoreGrouping(units.filter((u) => u.label.split === 'test'));
    console.log(summary('test', scores));
    expect(scores.proceduralGrouped).toBe(0);
    expect(scores.precision).toBeGreaterThanOrEqual(0.9);
    expect(scores.recall).toBeGreaterThanOrEqual(0.8);
  });
});
