import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildComparison, highlightShared } from '@/lib/compare/comparison';
import { comparisonCsv } from '@/lib/compare/comparisonCsv';
import { itemKey } from '@/lib/library/identity';
import type { SavedClause, SavedItem } from '@/lib/library/schema';

function savedItem(host: string, council: string, itemKey: string, title: string, date: string): SavedItem {
  return {
    host, meetingId: 'm', itemKey, councilName: council, committeeName: 'Panel', date, tags: [], note: '', savedAt: '', order: 0,
    number: itemKey, id: itemKey, title, description: '', documents: [], minutes: '', decision: '', notedPoints: [], procedural: false, minutesTruncated: 0, fullMinutesUrl: null, picked: 1, onPage: 1, source: 'meeting',
  };
}

function savedClause(item: SavedItem, clauseIndex: number, text: string): SavedClause {
  return {
    host: item.host, meetingId: item.meetingId, itemKey: item.itemKey, councilName: item.councilName, committeeName: item.committeeName, date: item.date,
    tags: [], note: '', savedAt: '', clauseIndex, itemOrder: 0, itemNumber: item.number, itemTitle: item.title, label: `(${clauseIndex + 1})`, text,
    keyword: 'RESOLVED', section: 'minutes', exempt: false, outcome: 'resolved', votes: null, onPage: 1,
  };
}

const soton = savedItem('www.southampton.gov.uk', 'Southampton City Council', '5', 'Child Sexual Exploitation in Southampton - Update', '2016-11-03');
const worcs = savedItem('worcestershire.moderngov.co.uk', 'Worcestershire County Council', '5', 'Child Sexual Exploitation: Update', '2015-05-22');
const other = savedItem('worcestershire.moderngov.co.uk', 'Worcestershire County Council', '1', 'Apologies and Welcome', '2015-05-22');
const clauses = [savedClause(soton, 0, 'That the Licensing Committee consider making CSE training a condition of a taxi licence;'), savedClause(worcs, 0, 'that the update be noted.')];
const id = (i: SavedItem) => itemKey(i);

describe('comparison', () => {
  const comparison = buildComparison([id(soton), id(worcs)], [soton, worcs, other], clauses);

  it('puts each council in a column of its own, with only the chosen items and their clauses', () => {
    expect(comparison.columns.map((c) => [c.council, c.entries.map((e) => e.item.title), c.entries.flatMap((e) => e.clauses.map((cl) => cl.text))])).toEqual([
      ['Southampton City Council', ['Child Sexual Exploitation in Southampton - Update'], ['That the Licensing Committee consider making CSE training a condition of a taxi licence;']],
      ['Worcestershire County Council', ['Child Sexual Exploitation: Update'], ['that the update be noted.']],
    ]);
  });

  it("marks the wording both councils use, never a council's own place name", () => {
    expect(highlightShared('Child Sexual Exploitation in Southampton - Update', comparison)).toEqual([
      { text: 'Child Sexual Exploitation', shared: true },
      { text: ' in Southampton - Update', shared: false },
    ]);
  });

  it('exports the comparison, one row per clause', () => {
    const csv = comparisonCsv('child sexual exploitation', comparison);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = csv.slice(1).trimEnd().split('\r\n');
    expect(rows[0]).toBe('topic,council,host,meeting_date,item_number,item_title,clause_label,clause_text,outcome');
    expect(rows).toHaveLength(3);
    expect(rows[2]).toBe('child sexual exploitation,Worcestershire County Council,worcestershire.moderngov.co.uk,2015-05-22,5,Child Sexual Exploitation: Update,(1),that the update be noted.,resolved');
  });

  it('neutralises a formula in a clause that spans lines', () => {
    const hostile = savedClause(worcs, 0, '=HYPERLINK("http://evil","click")\nthat the update be noted.');
    const csv = comparisonCsv('=topic', buildComparison([id(worcs)], [worcs], [hostile]));
    const rows = Papa.parse<string[]>(csv.slice(1)).data;
    expect(rows[1]?.[0]).toBe("'=topic");
    expect(rows[1]?.[7]).toBe('\'=HYPERLINK("http://evil","click")\nthat the update be noted.');
  });
});
