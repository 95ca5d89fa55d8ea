import type { Council } from './schema';
import { inlineText } from './text';

const COUNCIL_WORDS = /\b(Council|Borough|County|Corporation|City of London|Authority|Cyngor)\b/;

/** A name, not a title: "Kirklees Council", "London Borough of Harrow", "City of London Corporation". */
const COUNCIL_NAME = /(?:Council|Borough|County|Corporation|Authority)$|^(?:London Borough of|Royal Borough of|City of London|Cyngor)\b/;

/** The council's name where the page states it — site name meta, the `<title>`'s site part,
 * a logo's alt text — never guessed from the host. */
export function extractCouncil(doc: Document, url: URL): Council {
  return { host: hostOf(url), name: councilName(doc) };
}

/** A council's identity is its site's host (with the port, when one is given). */
export function hostOf(url: URL): string {
  return url.host.toLowerCase();
}

function councilName(doc: Document): string | null {
  for (const selector of ['meta[property="og:site_name"]', 'meta[name="application-name"]', 'meta[name="author"]']) {
    const content = doc.querySelector(selector)?.getAttribute('content')?.trim();
    if (content && COUNCIL_WORDS.test(content)) return content;
  }
  const title = doc.querySelector('title');
  if (title) {
    const parts = inlineText(title).split(/\s+[|–—-]\s+|\s+:\s+/);
    const candidates = parts.filter((part) => COUNCIL_WORDS.test(part) && part.length <= 80 && !/ - /.test(part));
    // "Decision - Council Tax Support Scheme | Tameside Metropolitan Borough Council": the part
    // that reads as a name, ending in its council word, before a page title that merely has one.
    const named = candidates.find((part) => COUNCIL_NAME.test(part.trim())) ?? candidates[0];
    if (named) return named.trim();
  }
  for (const img of Array.from(doc.querySelectorAll('header img[alt], #header img[alt], .header img[alt], a[href="/"] img[alt]'))) {
    const alt = (img.getAttribute('alt') ?? '').replace(/\s*(logo|home( ?page)?)\s*$/i, '').trim();
    if (COUNCIL_WORDS.test(alt) && alt.length <= 80) return alt;
  }
  return null;
}
