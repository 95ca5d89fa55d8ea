import { extractCouncil } from './council';
import { parseDate } from './dates';
import { modgovRoot } from './extractMeeting';
import type { DecisionLink, DecisionListRecord } from './schema';
import { inlineText } from './text';
import { absoluteHttpUrl, canonicalUrl } from './url';

/** A list of decisions (`mgListOfficerDecisions.aspx`, `mgDelegatedDecisions.aspx`): title, link, date. */
export function extractDecisionList(doc: Document, href: string): DecisionListRecord {
  const url = new URL(href);
  const root = modgovRoot(doc);
  const decisions: DecisionLink[] = [];
  for (const anchor of Array.from(root.querySelectorAll('a[href*="DecisionDetails" i]'))) {
    const link = absoluteHttpUrl(anchor.getAttribute('href'), url.href);
    const title = inlineText(anchor);
    if (!link || !title || decisions.some((d) => d.url === link)) continue;
    const row = anchor.closest('tr, li');
    const date = row ? parseDate(inlineText(row).slice(title.length)) : null;
    decisions.push({ title, url: link, date });
  }
  const caption = root.querySelector('caption, .mgSectionTitle, .mgSubTitleTxt, .mgMainTitleTxt');
  return {
    kind: 'decision-list',
    council: extractCouncil(doc, url),
    url: canonicalUrl(url.href),
    title: caption ? inlineText(caption) : null,
    decisions,
    warnings: decisions.length ? [] : ['The page lists no decisions.'],
  };
}
