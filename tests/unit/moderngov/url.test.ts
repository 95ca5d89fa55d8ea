import { describe, expect, it } from 'vitest';
import { absoluteHttpUrl, canonicalUrl, parseModernGovUrl, queryParam } from '@/lib/moderngov/url';

describe('ModernGov URLs', () => {
  it.each([
    ['https://democracy.southampton.gov.uk/ieListDocuments.aspx?CId=600&MId=7105&Ver=4', 'ielistdocuments.aspx'],
    ['https://www.southampton.gov.uk/modernGov/(S(30n4owbuda0mqe55vsynzn55))/ieListDocuments.aspx?CId=600&MId=7105&Ver=4', 'ielistdocuments.aspx'],
    ['https://example.gov.uk/mgov/ielistdocuments.aspx?cid=1&mid=2', 'ielistdocuments.aspx'],
    ['https://cyfarfodyddpwyllgor.siryfflint.gov.uk/mgAi.aspx?ID=9', 'mgai.aspx'],
    ['https://example.gov.uk/democracy/CeListDocuments.aspx?CommitteeId=1&MeetingId=2', 'celistdocuments.aspx'],
    ['https://example.gov.uk/news/agenda-and-minutes', null],
    ['https://example.gov.uk/imagine.aspx', null],
  ])('%s is page %s', (href, page) => {
    expect(parseModernGovUrl(href)?.page ?? null).toBe(page);
  });

  it('reads query keys in any case', () => {
    const url = new URL('https://x.gov.uk/ieListDocuments.aspx?CId=600&MID=7105');
    expect(queryParam(url, 'MId')).toBe('7105');
    expect(queryParam(url, 'cid')).toBe('600');
    expect(queryParam(url, 'MeetingId')).toBeNull();
    expect(queryParam(new URL('https://x/CeListDocuments.aspx?MeetingId=5'), 'MId', 'MeetingId')).toBe('5');
  });

  it('drops cookieless session segments and fragments from stored URLs', () => {
    expect(canonicalUrl('https://www.southampton.gov.uk/modernGov/(S(30n4owbuda0mqe55vsynzn55))/ieListDocuments.aspx?CId=600&MId=7105&Ver=4#AI12')).toBe(
      'https://www.southampton.gov.uk/modernGov/ieListDocuments.aspx?CId=600&MId=7105&Ver=4',
    );
  });

  it('keeps only http(s) links', () => {
    expect(absoluteHttpUrl('mgAi.aspx?ID=3', 'https://x.gov.uk/mg/ieListDocuments.aspx')).toBe('https://x.gov.uk/mg/mgAi.aspx?ID=3');
    expect(absoluteHttpUrl('javascript:alert(1)', 'https://x.gov.uk/')).toBeNull();
    expect(absoluteHttpUrl('data:text/html,hi', 'https://x.gov.uk/')).toBeNull();
    expect(absoluteHttpUrl('', 'https://x.gov.uk/')).toBeNull();
  });
});
