import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { decodePage } from '../../lib/encoding/decodePage';
import { FIXTURES_DIR, REPO_ROOT } from '../e2e/support/paths';
import { SHARED_FIXTURE_URLS, statedUrl } from '../support/fixtureAddresses';

export interface FixturePage {
  /** Shown in the table: `tests/fixtures/…` or `shared/fragments/…`. */
  name: string;
  html: string;
  /** The address the page was served from, for `extractPage(doc, url)`. */
  url: string;
}

export const SHARED_FRAGMENTS_DIR = path.join(process.env.SHARED_DIR ?? path.resolve(REPO_ROOT, '../shared'), 'fixtures/fragments');

function htmlFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.html')).sort() : [];
}

/** Every page in tests/fixtures/ and ../shared/fixtures/fragments/, as they are when the bench runs. */
export function fixturePages(): FixturePage[] {
  const own = htmlFiles(FIXTURES_DIR).map((file) => {
    const html = decodePage(readFileSync(path.join(FIXTURES_DIR, file)));
    return { name: `tests/fixtures/${file}`, html, url: statedUrl(html) ?? 'https://democracy.council.example/ieListDocuments.aspx?CId=1&MId=1' };
  });
  const shared = htmlFiles(SHARED_FRAGMENTS_DIR).map((file) => {
    const html = decodePage(readFileSync(path.join(SHARED_FRAGMENTS_DIR, file)));
    return {
      name: `shared/fragments/${file}`,
      html,
      url: SHARED_FIXTURE_URLS[`fragments/${file}`] ?? statedUrl(html) ?? 'https://democracy.council.example/ieDecisionDetails.aspx?ID=1',
    };
  });
  return [...own, ...shared];
}

/** The meeting page the synthetic pages and library are built from: Southampton's, else the first meeting page. */
export function baseMeetingPage(pages: FixturePage[]): FixturePage {
  const meetings = pages.filter((p) => /ieListDocuments\.aspx/i.test(p.url) && /mgItemTable/.test(p.html));
  const chosen = meetings.find((p) => p.name.includes('southampton-meeting')) ?? meetings[0];
  if (!chosen) throw new Error('no meeting page (ieListDocuments.aspx with an mgItemTable) in tests/fixtures/');
  return chosen;
}
