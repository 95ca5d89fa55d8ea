import { describe, expect, it } from 'vitest';
import { parseDate, parseSubtitle, parseTime } from '@/lib/moderngov/dates';

describe('dates as ModernGov prints them', () => {
  it('splits committee, date and time on the last " - " before the weekday', () => {
    expect(parseSubtitle('Children and Families Scrutiny Panel - Thursday, 3rd November, 2016 5.30 pm')).toEqual({
      committee: 'Children and Families Scrutiny Panel',
      date: '2016-11-03',
      time: '5.30 pm',
    });
    expect(parseSubtitle('Cabinet - Budget Sub-Committee - Monday, 1st March, 2021 10.00 am')).toEqual({
      committee: 'Cabinet - Budget Sub-Committee',
      date: '2021-03-01',
      time: '10.00 am',
    });
  });

  it('reads Welsh subtitles', () => {
    expect(parseSubtitle("Cyngor Sir Ynys Môn - Dydd Iau, 9fed Hydref, 2014 2.00 o'r gloch")).toEqual({
      committee: 'Cyngor Sir Ynys Môn',
      date: '2014-10-09',
      time: "2.00 o'r gloch",
    });
  });

  it('reads numeric and abbreviated dates, rejects impossible ones', () => {
    expect(parseDate('22/05/2015 - Children and Families Panel')).toBe('2015-05-22');
    expect(parseDate('3 Nov 2016 5.30 pm')).toBe('2016-11-03');
    expect(parseDate('31/02/2016')).toBeNull();
    expect(parseDate('no date here')).toBeNull();
  });

  it('reads times', () => {
    expect(parseTime('10.00 am')).toBe('10.00 am');
    expect(parseTime('at 13.30')).toBe('13.30');
    expect(parseTime('none')).toBeNull();
  });
});
