import { describe, expect, it } from 'vitest';
import { COUNCIL_DOMAINS } from '@/lib/moderngov/councilDomains';
import { detectPage } from '@/lib/moderngov/detect';
import { COUNCIL_MATCHES, PAGE_NAME_GLOBS, QUERY_STRING_EXCLUDES } from '@/lib/moderngov/matchPatterns';
import { MODERNGOV_PAGES, spellingsOf } from '@/lib/moderngov/pageKinds';
import { runsOn } from '../../support/contentScriptMatch';
import { htmlDocument } from '../../support/pages';

/** The content script as the manifest declares it. */
const declared = { matches: COUNCIL_MATCHES, include_globs: PAGE_NAME_GLOBS, exclude_matches: QUERY_STRING_EXCLUDES };
const modernGovMarkup = htmlDocument('<div id="modgov"><div class="mgContent"></div></div>');
const onCouncilDomain = (href: string) => COUNCIL_DOMAINS.some((domain) => new URL(href).hostname.endsWith(`.${domain}`));

// One block per row of the table: the row's examples become its tests.
describe.each(MODERNGOV_PAGES.map((page) => [page.name, page] as const))('%s', (_name, page) => {
  it.each([...page.examples])(`is detected as a ${page.kind} page from its address: %s`, (href) => {
    expect(detectPage(modernGovMarkup, href)).toEqual({ kind: page.kind, via: 'url' });
  });

  it.each(page.examples.filter(onCouncilDomain))('is read by the declared content script: %s', (href) => {
    expect(runsOn(declared, href)).toBe(true);
  });

  it.each(spellingsOf(page.name))('is read under any base path and session segment when spelt %s', (spelling) => {
    for (const path of [`/${spelling}?ID=1`, `/modernGov/${spelling}?ID=1`, `/mgov/(S(abc123))/${spelling}`]) {
      expect(runsOn(declared, `https://democracy.southampton.gov.uk${path}`), path).toBe(true);
      expect(runsOn(declared, `https://worcestershire.moderngov.co.uk${path}`), path).toBe(true);
    }
  });

  it('is not read where its name is only in the query string, or on a domain not declared', () => {
    expect(runsOn(declared, `https://www.southampton.gov.uk/search?q=${page.name}`)).toBe(false);
    expect(runsOn(declared, `https://www.southampton.gov.uk/redirect.aspx?to=/modernGov/${page.name}`)).toBe(false);
    expect(runsOn(declared, `https://news.example.org/modernGov/${page.name}?ID=1`)).toBe(false);
    // gov.uk is a public suffix: councils on it are declared one domain at a time.
    expect(runsOn(declared, `https://democracy.undeclared-council.gov.uk/${page.name}?ID=1`)).toBe(false);
  });
});

describe('the content script declaration', () => {
  it('covers every page name detection reads, and nothing else on a council domain', () => {
    expect(runsOn(declared, 'https://democracy.southampton.gov.uk/mgListDecisions.aspx?bcr=1')).toBe(true);
    expect(runsOn(declared, 'https://www.southampton.gov.uk/news/council-news.html')).toBe(false);
    expect(runsOn(declared, 'https://democracy.southampton.gov.uk/mgUserInfo.aspx?UID=1')).toBe(false);
    expect(runsOn(declared, 'https://democracy.southampton.gov.uk/xieListDocuments.aspx')).toBe(false);
  });

  it('names no public suffix as a whole domain (Chrome would warn "all websites")', () => {
    for (const suffix of ['gov.uk', 'org.uk', 'police.uk', 'ie', 'co.uk']) {
      expect(COUNCIL_DOMAINS).not.toContain(suffix);
    }
  });
});
