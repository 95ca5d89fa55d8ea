/**
 * The team benchmarks' library: one meeting of 20 items × 5 clauses saved with saveSelection, then
 * copied under new meeting ids (rows exactly as saveSelection stores them), with each clause's text
 * made its own. 1,000 meetings = 100,000 clauses.
 */
import type { LibraryDb } from '@/lib/library/db';
import { saveSelection } from '@/lib/library/save';
import { meetingHash } from '@/lib/moderngov/extractMeeting';
import type { Item, MeetingRecord } from '@/lib/moderngov/schema';

export const HOST = 'democracy.bench.gov.uk';
const ITEMS = 20;
const CLAUSES = 5;

function template(): MeetingRecord {
  const items: Item[] = Array.from({ length: ITEMS }, (_, i) => ({
    number: String(i + 1),
    id: String(1000 + i),
    title: `Agenda item ${i + 1} on housing, transport and budget`,
    description: '',
    documents: [],
    minutes: '',
    decision: '',
    notedPoints: [],
    clauses: Array.from({ length: CLAUSES }, (_, c) => ({
      label: `(${c + 1})`,
      text: `That the committee approves recommendation ${c + 1} of item ${i + 1} on the housing budget consultation.`,
      keyword: 'RESOLVED',
      section: 'minutes' as const,
      exempt: false,
    })),
    procedural: false,
    minutesTruncated: false,
    fullMinutesUrl: null,
    agendaTruncated: false,
    fullAgendaUrl: null,
    textCapped: false,
  }));
  const body = {
    kind: 'meeting' as const,
    council: { host: HOST, name: 'Bench Borough Council' },
    committee: { id: '1', name: 'Cabinet' },
    meeting: { id: '0', title: 'Agenda and minutes', date: '2024-01-01', time: null, venue: null, contact: null, status: null, url: `https://${HOST}/ieListDocuments.aspx?CId=1&MId=0`, documents: [] },
    items,
    apologies: null,
    declarations: null,
    attendance: [],
    warnings: [],
  };
  return { ...body, contentHash: meetingHash(body) };
}

export async function growTeamLibrary(db: LibraryDb, meetings: number): Promise<void> {
  await saveSelection(db, template(), { scope: 'meeting' });
  const [meeting, items, clauses] = await Promise.all([db.meetings.toArray(), db.items.toArray(), db.clauses.toArray()]);
  for (let m = 1; m < meetings; m++) {
    const meetingId = String(m);
    const date = `20${String(10 + (m % 15))}-${String(1 + (m % 12)).padStart(2, '0')}-15`;
    await db.transaction('rw', db.meetings, db.items, db.clauses, async () => {
      await db.meetings.bulkPut(meeting.map((r) => ({ ...r, meetingId, date })));
      await db.items.bulkPut(items.map((r) => ({ ...r, meetingId, date })));
      await db.clauses.bulkPut(clauses.map((r) => ({ ...r, meetingId, date, text: `${r.text} Meeting ${m}.` })));
    });
  }
}
