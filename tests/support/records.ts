import { meetingHash } from '@/lib/moderngov/extractMeeting';
import { proceduralKind } from '@/lib/moderngov/procedural';
import type { Item, MeetingRecord } from '@/lib/moderngov/schema';

export function item(number: string, title: string, clauses: [string | null, string][] = [], extra: Partial<Item> = {}): Item {
  return {
    number,
    id: `1${number}`,
    title,
    description: '',
    documents: [],
    minutes: clauses.map(([label, text]) => `${label ?? ''} ${text}`.trim()).join('\n'),
    decision: '',
    notedPoints: [],
    clauses: clauses.map(([label, text]) => ({ label, text, keyword: 'RESOLVED', section: 'minutes' as const, exempt: false })),
    procedural: proceduralKind(title) !== null,
    minutesTruncated: false,
    fullMinutesUrl: null,
    agendaTruncated: false,
    fullAgendaUrl: null,
    textCapped: false,
    ...extra,
  };
}

/** A meeting record as extraction produces it, hash included. */
export function meeting(overrides: { host?: string; id?: string; council?: string; committee?: string; date?: string; items?: Item[] } = {}): MeetingRecord {
  const host = overrides.host ?? 'www.southampton.gov.uk';
  const id = overrides.id ?? '7105';
  const body = {
    kind: 'meeting' as const,
    council: { host, name: overrides.council ?? 'Southampton City Council' },
    committee: { id: '600', name: overrides.committee ?? 'Children and Families Scrutiny Panel' },
    meeting: {
      id,
      title: 'Agenda and minutes',
      date: overrides.date ?? '2016-11-03',
      time: '5.30 pm',
      venue: 'Conference Room 3 - Civic Centre',
      contact: null,
      status: null,
      url: `https://${host}/modernGov/ieListDocuments.aspx?CId=600&MId=${id}&Ver=4`,
      documents: [],
    },
    items: overrides.items ?? [
      item('5', 'Child Sexual Exploitation in Southampton - Update', [
        ['(i)', 'That the Licensing Committee consider making CSE training a condition of receiving a taxi licence in Southampton;'],
        ['(ii)', 'That officers explore opportunities to increase resources dedicated to analysing CSE data;'],
      ]),
      item('6', 'Elective Home Education and Safeguarding Arrangements', [['(i)', 'That the Panel were provided with information on EHE;']]),
      item('8', 'Monitoring Scrutiny Recommendations'),
    ],
    apologies: null,
    declarations: null,
    attendance: [],
    warnings: [],
  };
  return { ...body, contentHash: meetingHash(body) };
}
