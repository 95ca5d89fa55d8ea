import path from 'node:path';
import { FIXTURES_DIR } from './paths';

const fixture = (name: string) => path.join(FIXTURES_DIR, name);

/** Southampton's site at its real host name: the meeting page at its real path, its attendance page, and a news page. */
export const SOUTHAMPTON = {
  host: 'www.southampton.gov.uk',
  meetingFile: fixture('southampton-meeting-2016-11-03.html'),
  meeting: '/modernGov/ieListDocuments.aspx?CId=600&MId=7105&Ver=4',
  routes: {
    '/modernGov/ieListDocuments.aspx?CId=600&MId=7105&Ver=4': fixture('southampton-meeting-2016-11-03.html'),
    '/modernGov/mgMeetingAttendance.aspx?ID=7105': fixture('southampton-attendance-2016-11-03.html'),
    '/news/council-news.html': fixture('not-moderngov-council-news.html'),
  },
};

/** Worcestershire's site at its real host name: the meeting page whose item 5 is cut short, and that item's page. */
export const WORCESTERSHIRE = {
  host: 'worcestershire.moderngov.co.uk',
  meetingFile: fixture('worcestershire-meeting-2015-05-22.html'),
  itemFile: fixture('worcestershire-item-5-2015-05-22.html'),
  meeting: '/ieListDocuments.aspx?CId=147&MId=2453&Ver=4',
  item: '/mgAi.aspx?ID=9876',
  routes: {
    '/ieListDocuments.aspx?CId=147&MId=2453&Ver=4': fixture('worcestershire-meeting-2015-05-22.html'),
    '/mgAi.aspx?ID=9876': fixture('worcestershire-item-5-2015-05-22.html'),
  },
};
