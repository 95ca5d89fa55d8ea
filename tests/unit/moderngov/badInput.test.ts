import { describe, expect, it } from 'vitest';
import { extractPage } from '@/lib/moderngov/extract';
import { ExtractionSchema } from '@/lib/moderngov/schema';
import { MAX_TEXT_CHARS } from '@/lib/moderngov/text';
import { htmlDocument } from '../../support/pages';

const MEETING_URL = 'https://democracy.example.gov.uk/ieListDocuments.aspx?CId=1&MId=2&Ver=4';

function meetingPage(rows: string): string {
  return `<html><head><title>Agenda</title></head><body><div id="modgov"><div class="mgHeader"><h1  class="mgMainTitleTxt" >Agenda and minutes</h1></div>
<div class="mgSubTitle" ><h2 class="mgSubTitleTxt">Cabinet - Monday, 1st March, 2021 10.00 am</h2></div>
<div class="mgContent" ><table  class="mgItemTable"  summary="Agenda and minutes"><tr><th>No.</th><th>Item</th></tr>${rows}</table></div></div></body></html>`;
}

function row(n: number, minutes: string): string {
  return `<tr><td  class="mgItemNumberCell" ><p  class="mgAiTitleTxt" >${n}.</p></td><td ><p  class="mgAiTitleTxt" >Item ${n}</p>
<p  class="mgSubItemTitleTxt" >Minutes:</p><div class="mgWordPara"><div class="WordSection1"><p class="MsoNormal">${minutes}</p></div></div></td></tr>`;
}

function extract(html: string, url = MEETING_URL) {
  const result = extractPage(htmlDocument(html), url);
  expect(ExtractionSchema.safeParse(result).success).toBe(true);
  return result;
}

describe('bad input gives a clear reason and never throws', () => {
  it('an empty file', () => {
    const result = extract('');
    expect(result.kind).toBeNull();
    expect(result.kind === null && result.reason).toMatch(/ModernGov/);
  });

  it('an empty file at a non-ModernGov address', () => {
    const result = extract('', 'https://www.example.gov.uk/news');
    expect(result).toEqual({ kind: null, reason: expect.stringMatching(/^Not a ModernGov page/) });
  });

  it('a ModernGov address serving an error page', () => {
    const result = extract('<html><body><h1>Server Error in \'/\' Application.</h1></body></html>');
    expect(result.kind).toBeNull();
    expect(result.kind === null && result.reason).toMatch(/error page|login page|still loading/);
  });

  it('an address that is not a URL', () => {
    const result = extract(meetingPage(row(1, 'RESOLVED that x be noted.')), 'not a url');
    expect(result.kind).toBeNull();
    expect(result.kind === null && result.reason).toMatch(/not a web address/);
  });

  it('a page cut off half way through an item', () => {
    const whole = meetingPage(row(1, 'RESOLVED that the plan be approved.') + row(2, 'RESOLVED:</p><p class="MsoNormal">(i) That A;'));
    const cut = whole.slice(0, whole.indexOf('(i) That A;') + '(i) That A'.length);
    const result = extract(cut);
    expect(result.kind).toBe('meeting');
    if (result.kind !== 'meeting') return;
    expect(result.items.map((i) => i.number)).toEqual(['1', '2']);
    expect(result.items[0]?.clauses).toEqual([{ label: null, text: 'that the plan be approved.', keyword: 'RESOLVED', section: 'minutes', exempt: false }]);
    expect(result.items[1]?.clauses).toEqual([{ label: '(i)', text: 'That A', keyword: 'RESOLVED', section: 'minutes', exempt: false }]);
  });

  it('a meeting page with no items says so', () => {
    const result = extract(meetingPage(''));
    expect(result.kind).toBe('meeting');
    if (result.kind !== 'meeting') return;
    expect(result.items).toEqual([]);
    expect(result.warnings).toContain('The items table lists no items.');
  });

  it('a meeting page with no items table says so', () => {
    const result = extract(meetingPage('').replace(/<table[\s\S]*<\/table>/, '<p>There are no items.</p>'));
    expect(result.kind === 'meeting' && result.warnings).toContain('No items table was found on the page.');
  });

  it('a 5 MB page is read whole', () => {
    const minutes = 'The Panel considered the report and discussed it at length. '.repeat(40);
    const rows: string[] = [];
    for (let n = 1, size = 0; size < 5_000_000; n++) {
      rows.push(row(n, `${minutes}</p><p class="MsoNormal">RESOLVED that item ${n} be noted.`));
      size += rows[rows.length - 1]?.length ?? 0;
    }
    const html = meetingPage(rows.join('\n'));
    expect(html.length).toBeGreaterThan(5_000_000);
    const result = extract(html);
    expect(result.kind).toBe('meeting');
    if (result.kind !== 'meeting') return;
    expect(result.items).toHaveLength(rows.length);
    expect(result.items.at(-1)?.clauses).toEqual([{ label: null, text: `that item ${rows.length} be noted.`, keyword: 'RESOLVED', section: 'minutes', exempt: false }]);
  }, 120_000);

  it('one enormous minutes text is capped, and the record says so', () => {
    const result = extract(meetingPage(row(1, 'word '.repeat(MAX_TEXT_CHARS / 2))));
    expect(result.kind).toBe('meeting');
    if (result.kind !== 'meeting') return;
    expect(result.items[0]?.textCapped).toBe(true);
    expect(result.items[0]?.minutes.length).toBeLessThanOrEqual(MAX_TEXT_CHARS + 1);
    expect(result.warnings).toContain('Text was too long and was cut in 1 item(s).');
  });
});
