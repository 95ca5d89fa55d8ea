import { describe, expect, it } from 'vitest';
import { extractNotedPoints } from '@/lib/moderngov/notedPoints';
import { splitLabel } from '@/lib/moderngov/resolutions/clauseLabels';
import { findFormula } from '@/lib/moderngov/resolutions/formulae';
import { readResolutions } from '@/lib/moderngov/resolutions/readResolutions';
import type { Clause } from '@/lib/moderngov/schema';
import type { Paragraph } from '@/lib/moderngov/text';

const p = (text: string, bullet = false): Paragraph => ({ text, bullet });
/** The clauses of a "Minutes:" section (or of a "Decision:" section, `implicit` when substantive). */
const extractClauses = (paragraphs: Paragraph[], decision?: 'Decision'): Clause[] =>
  readResolutions({ section: decision ? 'decision' : 'minutes', paragraphs, implicit: decision ? 'whole' : 'wording' }).flat();
/** A clause read from minutes: label, text and formula as printed. */
const c = (label: string | null, text: string, keyword: string, section: Clause['section'] = 'minutes'): Clause => ({ label, text, keyword, section, exempt: false });
const resolutionStart = (text: string) => {
  const found = findFormula(text);
  return found ? { keyword: found.formula, rest: found.rest } : null;
};

describe('resolution keywords', () => {
  it.each([
    ['RESOLVED:', 'RESOLVED', ''],
    ['RESOLVED that the report be noted.', 'RESOLVED', 'that the report be noted.'],
    ['RESOLVED – That the report be received.', 'RESOLVED', 'That the report be received.'],
    ['Resolved - That the report be received.', 'Resolved', 'That the report be received.'],
    ['AGREED', 'AGREED', ''],
    ['Decision: To approve the scheme.', 'Decision', 'To approve the scheme.'],
    ['PENDERFYNWYD:', 'PENDERFYNWYD', ''],
    ['The Panel agreed that officers report back.', 'The Panel agreed', 'that officers report back.'],
  ])('%s opens a resolution', (text, keyword, rest) => {
    expect(resolutionStart(text)).toEqual({ keyword, rest });
  });

  it.each([
    'Agreed minutes were signed by the Chair.',
    'The Minutes of the Meeting held on 12 March 2015 were agreed as a correct record and signed by the Chairman.',
    'Decisions of the Cabinet are published weekly.',
    'Resolvedly, the panel moved on.',
  ])('%s does not', (text) => {
    expect(resolutionStart(text)).toBeNull();
  });
});

describe('clause labels', () => {
  it.each([
    ['(i) That the Licensing Committee', '(i)', 'That the Licensing Committee'],
    ['(iv)  That, the Cabinet Member', '(iv)', 'That, the Cabinet Member'],
    ['(a) first', '(a)', 'first'],
    ['1. first', '1.', 'first'],
    ['2) second', '2)', 'second'],
    ['ii) second', 'ii)', 'second'],
    ['( 3 ) third', '(3)', 'third'],
  ])('%s', (text, label, rest) => {
    expect(splitLabel(text)).toEqual({ label, text: rest });
  });

  it('leaves ordinary sentences alone', () => {
    expect(splitLabel('A Member referred to a recent incident').label).toBeNull();
    expect(splitLabel('5.30 pm start').label).toBeNull();
    expect(splitLabel('(For 24, Against 5)').label).toBeNull();
  });
});

describe('extractClauses', () => {
  it('splits labelled clauses after RESOLVED and continues a clause across paragraphs', () => {
    expect(
      extractClauses([p('The Panel considered the report.'), p('RESOLVED:'), p('(i) That A;'), p('(ii) That B, as follows'), p('with C;'), p('(iii) That D.')]),
    ).toEqual([
      c('(i)', 'That A;', 'RESOLVED'),
      c('(ii)', 'That B, as follows\nwith C;', 'RESOLVED'),
      c('(iii)', 'That D.', 'RESOLVED'),
    ]);
  });

  it('takes a single unnumbered clause and stops at the prose after it', () => {
    expect(extractClauses([p('RESOLVED that the update be noted.'), p('Councillor Smith left the meeting.')])).toEqual([
      c(null, 'that the update be noted.', 'RESOLVED'),
    ]);
  });

  it('drops an introduction to labelled or bulleted clauses', () => {
    expect(extractClauses([p('RESOLVED that the Cabinet:'), p('1. approves the plan;'), p('2. notes the risks.')]).map((c) => c.label)).toEqual(['1.', '2.']);
    expect(extractClauses([p('AGREED:'), p('to write to the MP', true), p('to report back', true)])).toEqual([
      c(null, 'to write to the MP', 'AGREED'),
      c(null, 'to report back', 'AGREED'),
    ]);
  });

  it('keeps vote figures with their clause', () => {
    expect(extractClauses([p('RESOLVED that the motion be carried.'), p('(For 24, Against 5, Abstentions 2)')])[0]?.text).toBe(
      'that the motion be carried.\n(For 24, Against 5, Abstentions 2)',
    );
  });

  it('reads a whole "Decision:" section as a resolution', () => {
    expect(extractClauses([p('That approval be given.')], 'Decision')).toEqual([c(null, 'That approval be given.', 'Decision', 'decision')]);
  });

  it('ends the resolution at a heading such as "Reasons for Decisions:"', () => {
    expect(extractClauses([p('RESOLVED:'), p('1. That A be noted.'), p('Reasons for Decisions:'), p('The model costs less.')])).toEqual([
      c('1.', 'That A be noted.', 'RESOLVED'),
    ]);
  });

  it('keeps bullets under a labelled clause that introduces them', () => {
    expect(extractClauses([p('RESOLVED:'), p('(i) That the following be approved:'), p('the plan', true), p('the budget', true), p('(ii) That B.')])).toEqual([
      c('(i)', 'That the following be approved:\n• the plan\n• the budget', 'RESOLVED'),
      c('(ii)', 'That B.', 'RESOLVED'),
    ]);
  });

  it('finds nothing in minutes without a resolution', () => {
    expect(extractClauses([p('The Panel discussed the report.'), p('Members noted that two children had gone missing.'), p('A point', true)])).toEqual([]);
  });

  it('reads "The Committee noted the update." as a decision: what was noted', () => {
    expect(extractClauses([p('The Committee was given an update.'), p('The Committee noted the update.')])).toEqual([c(null, 'the update.', 'The Committee noted')]);
  });
});

describe('extractNotedPoints', () => {
  it('takes the bullets after "noted the following points"', () => {
    expect(
      extractNotedPoints([p('Intro.'), p('An unrelated bullet', true), p('The Panel particularly noted the following points:-'), p('One', true), p('Two', true), p('RESOLVED:'), p('(i) x', false)]),
    ).toEqual(['One', 'Two']);
    expect(extractNotedPoints([p('the following main points were raised:'), p('Grooming', true)])).toEqual(['Grooming']);
  });
});
