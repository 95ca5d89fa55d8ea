import { describe, expect, it } from 'vitest';
import { definedAcronyms, expandAcronyms } from '@/lib/compare/acronyms';
import { termsOf, withPhrases } from '@/lib/compare/normalise';

describe('acronyms', () => {
  it('reads the acronyms a text defines, skipping the small words their letters skip', () => {
    const defined = definedAcronyms('the local Council Tax Support (CTS) scheme; Houses in Multiple Occupation (HMOs) and Home-to-School Transport (HTST)');
    expect(defined.get('CTS')).toBe('Council Tax Support');
    expect(defined.get('HMO')).toBe('Houses in Multiple Occupation');
    expect(defined.get('HMOs')).toBe('Houses in Multiple Occupation');
    expect(defined.get('HTST')).toBe('Home-to-School Transport');
  });

  it('does not take words the letters do not spell for a definition', () => {
    expect(definedAcronyms('a report on the budget (CTS)').size).toBe(0);
  });

  it('writes a defined acronym out where it is printed alone, in the title too, and leaves the definition', () => {
    const { title, text } = expandAcronyms('WSCB annual report', 'The Worcestershire Safeguarding Children Board (WSCB) met. The WSCB agreed.');
    expect(title).toBe('Worcestershire Safeguarding Children Board annual report');
    expect(text).toBe('The Worcestershire Safeguarding Children Board (WSCB) met. The Worcestershire Safeguarding Children Board agreed.');
  });

  it('spells out the acronyms local government prints undefined', () => {
    expect(expandAcronyms('CSE Inquiry Update', '').title).toBe('Child Sexual Exploitation Inquiry Update');
    expect(expandAcronyms('SEND Strategy', '').title).toBe('Special Educational Needs and Disabilities Strategy');
    // A text's own definition wins over the list.
    expect(expandAcronyms('', 'Customer Telephone Service (CTS). The CTS is open.').text).toBe('Customer Telephone Service (CTS). The Customer Telephone Service is open.');
  });
});

describe('one topic in different words', () => {
  it('reads a Council Tax Reduction or Benefit scheme as Council Tax Support, and school travel as transport', () => {
    expect(termsOf('Council Tax Reduction Scheme')).toEqual(termsOf('Council Tax Support Scheme'));
    expect(termsOf('Council Tax Benefit')).toEqual(termsOf('Council Tax Support'));
    expect(termsOf('carbon reduction')).toEqual(['carbon', 'reduction']);
    expect(termsOf('home to school travel')).toEqual(termsOf('home to school transport'));
  });

  it('adds each pair of neighbouring terms as a phrase', () => {
    expect(withPhrases(termsOf('Local Transport Plan'))).toEqual(['local', 'transport', 'plan', 'local transport', 'transport plan']);
    expect(withPhrases(termsOf('Local Plan'))).toEqual(['local', 'plan', 'local plan']);
  });
});
