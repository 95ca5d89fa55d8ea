/** Chrome's rules for where a declared content script runs, to test the declared patterns
 * without a browser (the e2e tests check the same in Chromium): the URL matches one of
 * `matches`, one of `include_globs`, and none of `exclude_matches`. */

const escape = (s: string) => s.replace(/[.+^${}()|[\]\\?]/g, '\\$&');

/** A match pattern: `*` is the only wildcard; the path part is matched against path and query. */
export function matchesPattern(pattern: string, href: string): boolean {
  const m = /^(\*|https?):\/\/(\*|\*\.[^/]+|[^/*]+)(\/.*)$/.exec(pattern);
  if (!m) throw new Error(`not a match pattern: ${pattern}`);
  const [, scheme, host, path] = m as unknown as [string, string, string, string];
  const url = new URL(href);
  if (scheme === '*' ? !/^https?:$/.test(url.protocol) : url.protocol !== `${scheme}:`) return false;
  if (host !== '*') {
    if (host.startsWith('*.')) {
      const domain = host.slice(2);
      if (url.hostname !== domain && !url.hostname.endsWith(`.${domain}`)) return false;
    } else if (url.hostname !== host) return false;
  }
  return new RegExp(`^${path.split('*').map(escape).join('.*')}$`).test(url.pathname + url.search);
}

/** A glob over the whole address: `*` any run of characters, `?` any one. */
export function matchesGlob(glob: string, href: string): boolean {
  const source = glob.split('').map((c) => (c === '*' ? '.*' : c === '?' ? '.' : escape(c))).join('');
  return new RegExp(`^${source}$`).test(href);
}

export interface DeclaredScript {
  matches: string[];
  include_globs?: string[];
  exclude_matches?: string[];
}

export function runsOn(script: DeclaredScript, href: string): boolean {
  return (
    script.matches.some((p) => matchesPattern(p, href)) &&
    (!script.include_globs || script.include_globs.some((g) => matchesGlob(g, href))) &&
    !(script.exclude_matches ?? []).some((p) => matchesPattern(p, href))
  );
}
