import { extractPage } from '@/lib/moderngov/extract';
import type { MeetingRecord } from '@/lib/moderngov/schema';
import { ownFixture } from '../../support/pages';

/** The two seed meetings, which discuss the same topics, with the addresses they come from. */
export const SOUTHAMPTON = {
  file: 'southampton-meeting-2016-11-03.html',
  url: 'https://www.southampton.gov.uk/modernGov/ieListDocuments.aspx?CId=600&MId=7105&Ver=4',
};
export const WORCESTERSHIRE = {
  file: 'worcestershire-meeting-2015-05-22.html',
  url: 'https://worcestershire.moderngov.co.uk/ieListDocuments.aspx?CId=147&MId=2453&Ver=4',
};

export function meetingOf(page: { file: string; url: string }): MeetingRecord {
  const record = extractPage(ownFixture(page.file), page.url);
  if (record.kind !== 'meeting') throw new Error(`${page.file} did not read as a meeting`);
  return record;
}
