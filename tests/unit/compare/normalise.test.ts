import { describe, expect, it } from 'vitest';
import { fold, placeTermsOf, termsOf } from '@/lib/compare/normalise';
import { stem } from '@/lib/compare/stem';

const SOUTHAMPTON = new Set(placeTermsOf('Southampton City Council', 'www.southampton.gov.uk'));

describe('stem', () => {
  it('brings the forms one topic takes to one stem', () => {
    const same = [
      ['missing', 'missed', 'miss'],
      ['exploitation', 'exploited', 'exploit', 'exploiting'],
      ['education', 'educated', 'educating', 'educate'],
      ['placed', 'placing', 'place'],
      ['children', 'child'],
      ['recommendations', 'recommended', 'recommend'],
      ['families', 'family'],
      ['authorities', 'authority'],
      ['planned', 'planning', 'plan'],
      ['referrals', 'referral'],
    ];
    for (const forms of same) expect(new Set(forms.map(stem)), forms.join('/')).toHaveLength(1);
  });

  it('leaves short words and words ending in ss, us, is alone', () => {
    expect(['care', 'car', 'cse', 'business', 'status', 'analysis'].map(stem)).toEqual(['care', 'car', 'cse', 'business', 'status', 'analysis']);
  });
});

describe('termsOf', () => {
  it('gives "Missing Children and Young People: Update" and "children missing from care" the terms they share', () => {
    expect(termsOf('Missing Children and Young People: Update')).toEqual(['miss', 'child', 'young', 'person']);
    expect(termsOf('children missing from care')).toEqual(['child', 'miss', 'care']);
  });

  it('strips the council and place names given, and "update"', () => {
    expect(termsOf('Child Sexual Exploitation in Southampton - Update', SOUTHAMPTON)).toEqual(['child', 'sexual', 'exploit']);
    expect(termsOf('Child Sexual Exploitation: Update')).toEqual(['child', 'sexual', 'exploit']);
  });

  it('strips dates and numbers, however printed', () => {
    expect(termsOf('Thursday, 3rd November, 2016 5.30 pm; 03/11/2016; 2016-11-03; items 77/21 and 3a; s32345; 12 March 2015')).toEqual([]);
  });

  it('strips the machinery of minutes: report authors, members, officers, appendices, procedure', () => {
    expect(termsOf('Report of the Service Director, Legal and Governance setting out progress on recommendations made at the previous meeting, attached.')).toEqual([]);
    expect(termsOf('Report of the Cabinet Member for Finance and Resources seeking approval of the fees and charges')).toEqual(['seek', 'fee', 'charg']);
    expect(termsOf('The Panel noted the minutes; members and officers considered Appendix 2 to the Cabinet report.')).toEqual([]);
    expect(termsOf('Apologies for Absence')).toEqual([]);
    expect(termsOf('Declarations of Interest')).toEqual([]);
  });

  it('folds case and accents and drops addresses', () => {
    expect(fold('Ynys Môn Café, Children’s Services')).toBe('ynys mon cafe, children services');
    expect(termsOf('Contact democratic.services@gloucester.gov.uk or www.gloucester.gov.uk/council')).toEqual(['contact']);
  });
});

describe('placeTermsOf', () => {
  it('takes the place from the council name and from the host, without "city", "county" or "council"', () => {
    expect(placeTermsOf('Southampton City Council', 'www.southampton.gov.uk')).toEqual(['southampton']);
    const worcestershire = placeTermsOf('Worcestershire County Council', 'worcestershire.moderngov.co.uk');
    expect(worcestershire).toEqual(expect.arrayContaining([stem('worcestershire'), stem('worcester')]));
    expect(worcestershire).not.toContain('county');
    expect(placeTermsOf(null, 'mycouncil.surreycc.gov.uk')).toEqual(expect.arrayContaining(['surreycc', 'surrey']));
    expect(placeTermsOf('Cyngor Sir Ynys Môn', 'democratiaeth.ynysmon.llyw.cymru')).toEqual(expect.arrayContaining([stem('ynys'), 'mon']));
  });

  it('makes a place name in a text no term', () => {
    expect(termsOf('Worcestershire and Worcester schools', new Set(placeTermsOf('Worcestershire County Council', 'worcestershire.moderngov.co.uk')))).toEqual(['school']);
  });
});
