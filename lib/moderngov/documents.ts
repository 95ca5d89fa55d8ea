import type { DocumentLink } from './schema';
import { absoluteHttpUrl } from './url';
import { collapse, inlineText, inlineTextWithout } from './text';

/** "PDF 62 KB", "PDF 1 MB" → kilobytes. A number starts where its digits start (the lookbehind
 * gives the same match and keeps a long run of digits from costing time quadratic in its length). */
function sizeKb(text: string): number | undefined {
  const match = /(?<!\d)(\d+(?:\.\d+)?)\s*(KB|MB)\b/i.exec(text);
  if (!match) return undefined;
  const n = Number(match[1]);
  return (match[2] ?? '').toUpperCase() === 'MB' ? Math.round(n * 1024) : n;
}

/** A document link: its title without the "pdf icon PDF 62 KB" size span, absolute URL, size. */
export function documentLink(anchor: Element, base: string): DocumentLink | null {
  const size = anchor.querySelector('.mgFileSize');
  const sizeText = size ? inlineText(size) : '';
  const title = inlineTextWithout(anchor, '.mgFileSize') || collapse(anchor.getAttribute('title') ?? '');
  const url = absoluteHttpUrl(anchor.getAttribute('href'), base);
  if (!title || !url) return null;
  const kb = sizeKb(sizeText);
  return kb === undefined ? { title, url } : { title, url, sizeKb: kb };
}

/** Documents of a `ul.mgBulletList`: linked ones, and withheld ones shown as text only. */
export function documentList(list: Element, base: string): DocumentLink[] {
  const out: DocumentLink[] = [];
  for (const li of Array.from(list.querySelectorAll('li'))) {
    const anchor = li.querySelector('a[href]');
    const link = anchor ? documentLink(anchor, base) : null;
    const title = inlineText(li);
    if (link) out.push(link);
    // A link to something other than a web page (javascript:, data:) is kept as its title only.
    else if (anchor && title) out.push({ title, url: null });
    else if (title) out.push({ title, url: null, restricted: true });
  }
  return out;
}
