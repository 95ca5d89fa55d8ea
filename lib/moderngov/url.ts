/** ModernGov's URL conventions: page file names and query keys vary in case, and ASP.NET
 * cookieless sessions put a `/(S(…))/` segment before the page name. */

const SESSION_SEGMENT = /\/\([A-Z]\([^)]*\)\)(?=\/)/gi;

export interface ModernGovUrl {
  /** The page file name in lower case, e.g. "ielistdocuments.aspx"; null when not a ModernGov page name. */
  page: string | null;
  url: URL;
}

export function parseModernGovUrl(href: string): ModernGovUrl | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  const last = url.pathname.split('/').pop() ?? '';
  const page = /^((ie|mg)[a-z0-9]+|celistdocuments)\.(aspx|asmx)$/i.test(last) ? last.toLowerCase() : null;
  return { page, url };
}

/** Query parameter by name, ignoring case (`MId`, `MID`, `mid`); the first of several names that is present. */
export function queryParam(url: URL, ...names: string[]): string | null {
  const wanted = names.map((n) => n.toLowerCase());
  for (const name of wanted) {
    for (const [key, value] of url.searchParams) {
      if (key.toLowerCase() === name && value.trim() !== '') return value.trim();
    }
  }
  return null;
}

/** The URL to store: no session segment, no fragment. */
export function canonicalUrl(href: string): string {
  try {
    return canonicalHref(new URL(href));
  } catch {
    return href;
  }
}

/** `canonicalUrl` of a parsed URL (changes it). */
function canonicalHref(url: URL): string {
  if (url.pathname.includes('(')) url.pathname = url.pathname.replace(SESSION_SEGMENT, '');
  url.hash = '';
  return url.href;
}

/** Resolves a link found in a page against the page URL; only http(s) results are kept. */
export function absoluteHttpUrl(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  try {
    const url = new URL(href.trim(), base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return canonicalHref(url);
  } catch {
    return null;
  }
}

/** A query value, percent-encoded. Lone surrogates (text cut mid-character) become U+FFFD, as
 * `URL` itself makes them, instead of making `encodeURIComponent` throw "URI malformed". */
export function encodeQueryValue(value: string): string {
  return encodeURIComponent(value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));
}
