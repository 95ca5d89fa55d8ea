import type { MeetingRecord } from '@/lib/moderngov/schema';
import { item, meeting } from '../../support/records';

const MISSING_MINUTES = [
  'The Board considered the report of the Director of Children’s Services on children missing from care during 2016.',
  'The Head of Children’s Social Care explained that every child who went missing from a placement was offered a return interview within 72 hours of being found, carried out by an independent advocacy service.',
  'The Board noted the following points:-',
  '• Most missing episodes involved a small number of young people who went missing repeatedly, often from residential care homes outside Northshire.',
  '• Information from return interviews was shared with the police and used to identify children at risk.',
  '• Foster carers had been given new guidance on when to report a child as missing.',
];

/**
 * A hand-made meeting of a third, invented council, written like the seed pages' minutes:
 * one item on children missing from care, and two about something else.
 */
export const NORTHSHIRE: MeetingRecord = meeting({
  host: 'democracy.northshire.gov.uk',
  id: '4410',
  council: 'Northshire County Council',
  committee: 'Corporate Parenting Board',
  date: '2017-01-19',
  items: [
    item('1', 'Apologies for Absence', [], { minutes: 'Apologies were received from Councillor Priya Patel and Councillor Tom Gregson.' }),
    item('2', 'Children Missing from Care', [[null, 'that the report be noted and that a further report on children placed out of county be brought to the next meeting.']], {
      description: 'Report of the Director of Children’s Services on children who went missing from care in 2016, attached.',
      minutes: [...MISSING_MINUTES, 'RESOLVED that the report be noted and that a further report on children placed out of county be brought to the next meeting.'].join('\n'),
      notedPoints: MISSING_MINUTES.slice(3).map((line) => line.slice(2)),
    }),
    item('3', 'Highways Winter Maintenance Programme', [[null, 'that the programme be noted.']], {
      minutes: 'The Board received an update on the winter maintenance programme, which sets out the priority gritting routes and the salt stocks held for the season.\nRESOLVED that the programme be noted.',
    }),
  ],
});
