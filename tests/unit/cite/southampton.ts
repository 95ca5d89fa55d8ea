import { extractPage } from '@/lib/moderngov/extract';
import { MeetingRecordSchema, type MeetingRecord } from '@/lib/moderngov/schema';
import { ownFixture } from '../../support/pages';

export const SOUTHAMPTON_URL = 'https://www.southampton.gov.uk/modernGov/ieListDocuments.aspx?CId=600&MId=7105&Ver=4';

/** The Southampton fixture as the extension reads it: items 5 to 8, seven clauses. */
export function southampton(): MeetingRecord {
  const result = extractPage(ownFixture('southampton-meeting-2016-11-03.html'), SOUTHAMPTON_URL);
  if (result.kind !== 'meeting') throw new Error(`not read as a meeting: ${JSON.stringify(result)}`);
  return MeetingRecordSchema.parse(result);
}
