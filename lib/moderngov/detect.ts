import type { PageKind } from './schema';
import { pageKindOf } from './pageKinds';
import { inlineText } from './text';
import { parseModernGovUrl } from './url';

export type Detection =
  | { kind: PageKind; via: 'url' | 'markup' | 'web-service' }
  | { kind: null; reason: string };

/** Classes only ModernGov's own markup uses. */
const MODERNGOV_MARKUP =
  '#modgov, .mgMainTitleTxt, .mgSubTitleTxt, .mgItemTable, #mgItemTable, .mgAiTitleTxt, .mgSubItemTitleTxt, .mgWordPara, .mgContent, .mgActionList, .mgTabTable, .mgLabel, img[src*="mgimages/"]';

const WEB_SERVICE_ROOTS: Record<string, PageKind> = {
  meeting: 'meeting',
  getmeetings: 'meeting-list',
  committees: 'committee-list',
  attachment: 'attachment',
  definitions: 'web-service',
};

function webServiceKind(doc: Document): PageKind | null {
  const root = doc.documentElement;
  if (!root || root.namespaceURI === 'http://www.w3.org/1999/xhtml') return null;
  const name = (root.localName ?? '').toLowerCase();
  const kind = WEB_SERVICE_ROOTS[name];
  if (!kind) return null;
  if (kind === 'web-service') return root.getAttribute('targetNamespace')?.includes('moderngov.co.uk') ? kind : null;
  return kind;
}

/** The kind markup alone tells, for pages whose address hides ModernGov (saved files, wrapped sites). */
function kindFromMarkup(doc: Document): PageKind | null {
  const heading = doc.querySelector('.mgMainTitleTxt');
  const headingText = heading ? inlineText(heading) : '';
  if (doc.querySelector('table.mgItemTable, table#mgItemTable')) return 'meeting';
  if (/^(agenda|rhaglen)\b/i.test(headingText)) return 'meeting';
  if (/^agenda item|^eitem agenda/i.test(headingText)) return 'item';
  if (/^decision details|^manylion y penderfyniad/i.test(headingText)) return 'decision';
  if (/^attendance details/i.test(headingText) || doc.querySelector('table[summary="Table of meeting attendance"]')) return 'attendance';
  if (/^issue/i.test(headingText)) return 'issue';
  const labels = Array.from(doc.querySelectorAll('.mgContent .mgLabel')).map((el) => inlineText(el));
  if (labels.some((l) => /^(Decision status|Date of decision|Decision Maker)\b/i.test(l))) return 'decision';
  if (doc.querySelector('table.mgTabTable a[href*="DecisionDetails" i]')) return 'decision-list';
  if (doc.querySelector('a.mgMeetingTableLnk, .mgCalendarWeekGrid, .mgCalendarMonthGrid')) return 'meeting-list';
  return null;
}

/**
 * Which ModernGov page this is, keyed on ModernGov's own URL paths and markup, never on the
 * council's theme. A ModernGov address whose page has none of ModernGov's markup (an error or
 * login page) is not recognised.
 */
export function detectPage(doc: Document, href: string): Detection {
  const ws = webServiceKind(doc);
  if (ws) return { kind: ws, via: 'web-service' };
  const parsed = parseModernGovUrl(href);
  // ModernGov wraps its pages in #modgov: found by id, the long selector over the whole page is rarely needed.
  const hasMarkup = doc.getElementById('modgov') !== null || doc.querySelector(MODERNGOV_MARKUP) !== null;
  const fromUrl = parsed?.page ? pageKindOf(parsed.page) : undefined;
  if (fromUrl) {
    if (hasMarkup) return { kind: fromUrl, via: 'url' };
    return {
      kind: null,
      reason: `The address is a ModernGov ${fromUrl} page, but the page holds none of ModernGov's content (it may be an error page, a login page, or still loading).`,
    };
  }
  if (hasMarkup) {
    const kind = kindFromMarkup(doc);
    if (kind) return { kind, via: 'markup' };
    const page = parsed?.page ? ` (${parsed.page})` : '';
    return { kind: null, reason: `This is a ModernGov page${page} of a kind Council Minutes does not read: it reads meetings, agenda items, decisions, issues, attendance and meeting lists.` };
  }
  if (parsed?.page) {
    return { kind: null, reason: `${parsed.page} is a ModernGov address of a kind Council Minutes does not read, and the page has no ModernGov content.` };
  }
  return { kind: null, reason: 'Not a ModernGov page: neither the address nor the content is from a ModernGov committee site.' };
}
