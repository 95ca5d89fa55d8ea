import { describe, expect, it } from 'vitest';
import { buildComparison } from '@/lib/compare/comparison';
import { councilHistory, topicTimeline } from '@/lib/compare/timeline';
import { timelineCsv } from '@/lib/compare/timelineCsv';
import { itemKey } from '@/lib/library/identity';
import type { SavedClause, SavedItem } from '@/lib/library/schema';

function saved(host: string, council: string, meetingId: string, date: string, title: string): SavedItem {
  return {
    host, meetingId, itemKey: '1', councilName: council, committeeName: 'Cabinet', date, tags: [], note: '', savedAt: '2025-01-01T00:00:00.000Z',
    order: 0, number: '7', id: null, title, description: '', documents: [], minutes: '', decision: '', notedPoints: [], fullMinutesUrl: null,
    procedural: false, minutesTruncated: 0, picked: 1, onPage: 1, source: 'meeting',
  };
}

function clause(item: SavedItem, clauseIndex: number, text: string, outcome: SavedClause['outcome']): SavedClause {
  return {
    host: item.host, meetingId: item.meetingId, itemKey: item.itemKey, councilName: item.councilName, committeeName: item.committeeName, date: item.date,
    tags: [], note: '', savedAt: item.savedAt, clauseIndex, itemOrder: 0, itemNumber: item.number, itemTitle: item.title,
    label: null, text, keyword: 'RESOLVED', section: 'minutes', exempt: false, outcome, votes: null, onPage: 1,
  };
}

const id = (item: SavedItem) => itemKey(item);

// Darlington's scheme comes back every year; Kirklees once, and once at an undated meeting.
const darlington2023 = saved('democracy.darlington.gov.uk', 'Darlington Borough Council', 'm1', '2023-01-26', 'Council Tax Support Scheme 2023/24');
const darlington2024 = saved('democracy.darlington.gov.uk', 'Darlington Borough Council', 'm2', '2024-01-25', 'Council Tax Support Scheme 2024/25');
const darlingtonReview = saved('democracy.darlington.gov.uk', 'Darlington Borough Council', 'm0', '2023-11-30', 'Council Tax Support Scheme: consultation');
const kirklees = saved('democracy.kirklees.gov.uk', 'Kirklees Council', 'k1', '2023-11-21', 'Council Tax Reduction Scheme 2024/25');
const kirkleesUndated = saved('democracy.kirklees.gov.uk', 'Kirklees Council', 'k0', '', 'Council Tax Reduction Scheme review');
const items = [darlington2024, kirklees, darlington2023, kirkleesUndated, darlingtonReview];
const clauses = [
  clause(darlington2024, 1, 'That the consultation responses be noted.', 'noted'),
  clause(darlington2024, 0, 'That the scheme be approved.', 'agreed'),
  clause(kirklees, 0, 'That the scheme be recommended to Council.', 'recommended'),
];

describe('topicTimeline', () => {
  const timeline = topicTimeline(buildComparison(items.map(id), items, clauses));

  it('lays the topic out by council (rows) and year (columns), undated last', () => {
    expect(timeline.years).toEqual(['2023', '2024', '']);
    expect(timeline.rows.map((r) => r.council)).toEqual(['Darlington Borough Council', 'Kirklees Council']);
    const [darlington, kirkleesRow] = timeline.rows;
    expect(darlington?.byYear.get('2023')?.map((e) => e.item.title)).toEqual(['Council Tax Support Scheme 2023/24', 'Council Tax Support Scheme: consultation']);
    expect(darlington?.byYear.get('2024')?.map((e) => [e.item.title, e.outcome])).toEqual([['Council Tax Support Scheme 2024/25', 'agreed, noted']]);
    expect(darlington?.byYear.get('')).toBeUndefined();
    expect(kirkleesRow?.byYear.get('2023')?.map((e) => e.outcome)).toEqual(['recommended']);
    expect(kirkleesRow?.byYear.get('')?.map((e) => [e.item.title, e.outcome])).toEqual([['Council Tax Reduction Scheme review', '']]);
  });

  it("gives one council's items in date order", () => {
    expect(councilHistory(timeline, 'democracy.darlington.gov.uk').map((e) => e.item.date)).toEqual(['2023-01-26', '2023-11-30', '2024-01-25']);
    expect(councilHistory(timeline, 'nowhere.gov.uk')).toEqual([]);
  });

  it('exports one row per item, with its year and outcome, and no cell that starts a formula', () => {
    const withFormula = saved('evil.gov.uk', 'Evil Council', 'e1', '2024-02-01', '=HYPERLINK("http://x")');
    const csv = timelineCsv('council tax support', topicTimeline(buildComparison([id(withFormula), id(kirklees)], [withFormula, kirklees], clauses)));
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('topic,council,host,year,meeting_date,committee,item_number,item_title,outcome');
    expect(lines).toContain('council tax support,Evil Council,evil.gov.uk,2024,2024-02-01,Cabinet,7,"\'=HYPERLINK(""http://x"")",');
    expect(lines).toContain('council tax support,Kirklees Council,democracy.kirklees.gov.uk,2023,2023-11-21,Cabinet,7,Council Tax Reduction Scheme 2024/25,recommended');
  });
});
