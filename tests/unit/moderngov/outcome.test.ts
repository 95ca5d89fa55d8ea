import { describe, expect, it } from 'vitest';
import { outcomeOf, votesOf } from '@/lib/moderngov/outcome';

const clause = (keyword: string, text: string) => ({ keyword, text });

describe('clause outcome', () => {
  it.each([
    ['RESOLVED', 'That the Licensing Committee consider making CSE training a condition of receiving a taxi licence in Southampton;', 'resolved'],
    ['RESOLVED', 'that the update be noted.', 'noted'],
    ['RESOLVED', 'That the report be noted.', 'noted'],
    ['RESOLVED', 'To note the progress made.', 'noted'],
    ['AGREED', 'the balances remaining in the Committee’s contingencies for 2019/20 be noted;', 'noted'],
    ['AGREED', 'the Chamberlain review the criteria for contingency bids before the next financial year.', 'agreed'],
    ['RESOLVED', 'That consideration of the item be deferred to the next meeting.', 'deferred'],
    ['RESOLVED', 'That the matter be referred to the Licensing Committee.', 'referred'],
    ['RESOLVED', 'That the call-in be referred back to Cabinet for reconsideration.', 'referred'],
    [
      'RESOLVED',
      'Under the proposed mandatory reporting duty certain groups or professionals would be placed under a legal duty to report suspected cases of child abuse and neglect to proper authorities. It is recommended that the Cabinet Member lobbies Ministers to encourage the duty to apply to a wide range of organisations rather than be limited to statutory bodies.',
      'recommended',
    ],
    ['RECOMMENDED', 'to Council that the budget be approved.', 'recommended'],
    ['Decision', 'That approval be given to enable the contractor to consult.', 'resolved'],
    ['RESOLVED', 'That the Panel notes the report which refers to data from 2015.', 'resolved'],
  ])('%s: %s → %s', (keyword, text, outcome) => {
    expect(outcomeOf(clause(keyword, text))).toBe(outcome);
  });
});

describe('vote figures', () => {
  it('reads the forms minutes use', () => {
    expect(votesOf('that the motion be carried.\n(For 24, Against 5, Abstentions 2)')).toEqual({ for: 24, against: 5, abstentions: 2 });
    expect(votesOf('For: 10; Against: 3')).toEqual({ for: 10, against: 3, abstentions: null });
    expect(votesOf('The motion was carried by 30 votes for, 12 against and 4 abstentions.')).toEqual({ for: 30, against: 12, abstentions: 4 });
    expect(votesOf('That the report be noted.')).toBeNull();
    expect(votesOf('put to a vote and passed')).toBeNull();
  });
});
