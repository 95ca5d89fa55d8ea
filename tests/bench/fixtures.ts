import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES_DIR, REPO_ROOT } from '../e2e/support/paths';

export interface FixturePage {
  /** Shown in the table: `tests/fixtures/…` or `shared/fragments/…`. */
  name: string;
  html: string;
  /** The address the page was served from, for `extractPage(doc, url)`. */
  url: string;
}

export const SHARED_FRAGMENTS_DIR = path.join(process.env.SHARED_DIR ?? path.resolve(REPO_ROOT, '../shared'), 'fixtures/fragments');

/** Addresses of the shared fragments, as tests/unit/moderngov/sharedFixtures.test.ts gives them. */
const FRAGMENT_URLS: Record<string, string> = {
  'unknown-council-decision-details-1.html': 'https://democracy.council.example/ieDecisionDetails.aspx?ID=3190',
  'unknown-council-decision-details-2.html': 'https://democracy.council.example/ieDecisionDetails.aspx?ID=9922',
  'kirklees-decision-details-3.html': 'https://democracy.kirklees.gov.uk/ieDecisionDetails.aspx?ID=13000',
  'kirklees-officer-decisions-list-1.html':
    'https://democracy.kirklees.gov.uk/mgListOfficerDecisions.aspx?RP=0&K=0&V=0&DM=0&HD=0&DS=2&Next=true&META=mgofficerdecisions',
};

/** Decodes bytes with the charset the page declares (the same rule as lib/cli/readPage.ts). */
function decode(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const declared = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1];
  try {
    return new TextDecoder(declared ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** Own fixtures say where they came from in their first comment: `<!-- fixture: URL=https://…; …`. */
function fixtureUrl(html: string): string | null {
  return /URL=(https?:\/\/[^\s;]+)/.exec(html.slice(0, 4096))?.[1] ?? /saved from url=\(\d+\)(\S+?)\s*-->/i.exec(html.slice(0, 4096))?.[1] ?? null;
}

function htmlFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.html')).sort() : [];
}

/** Every page in tests/fixtures/ and ../shared/fixtures/fragments/, as they are when the bench runs. */
export function fixturePages(): FixturePage[] {
  const own = htmlFiles(FIXTURES_DIR).map((file) => {
    const html = decode(readFileSync(path.join(FIXTURES_DIR, file)));
    return { name: `tests/fixtures/${file}`, html, url: fixtureUrl(html) ?? 'https://democracy.council.example/ieListDocuments.aspx?CId=1&MId=1' };
  });
  const shared = htmlFiles(SHARED_FRAGMENTS_DIR).map((file) => {
    const html = decode(readFileSync(path.join(SHARED_FRAGMENTS_DIR, file)));
    return {
      name: `shared/fragments/${file}`,
      html,
      url: FRAGMENT_URLS[file] ?? fixtureUrl(html) ?? 'https://democracy.council.example/ieDecisionDetails.aspx?ID=1',
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
