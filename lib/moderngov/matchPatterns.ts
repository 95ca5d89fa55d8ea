import { COUNCIL_DOMAINS } from './councilDomains';
import { MODERNGOV_PAGES, spellingsOf } from './pageKinds';

/** Every spelling of every page name in the table (Chrome matches paths case-sensitively). */
const PAGE_SPELLINGS = MODERNGOV_PAGES.flatMap((page) => spellingsOf(page.name));

/** The council domains the content script is declared on, and their subdomains. */
export const COUNCIL_MATCHES = COUNCIL_DOMAINS.map((domain) => `*://*.${domain}/*`);

/** Only ModernGov's pages on those domains: a page name after a slash… */
export const PAGE_NAME_GLOBS = PAGE_SPELLINGS.map((name) => `*/${name}*`);

/** …but not in its query string (`/search?q=ieListDocuments.aspx`). In match patterns `?` is a
 * plain character (in globs it would stand for any one). */
export const QUERY_STRING_EXCLUDES = PAGE_SPELLINGS.map((name) => `*://*/*?*${name}*`);
