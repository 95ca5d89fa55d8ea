import { useEffect, useState } from 'preact/hooks';
import type { SiteAccess } from '@/lib/platform/sitePermissions';

const failed = (error: unknown) => `Could not read or change the allowed sites: ${error instanceof Error ? error.message : String(error)}.`;

/** A site pattern as a reader knows it: `https://democracy.example.org/*` → democracy.example.org. */
const siteName = (site: string) => site.replace(/^[a-z*]+:\/\//, '').replace(/\/\*$/, '');

/** Settings: the sites allowed with "Read this site's pages", each with Revoke. */
export function GrantedSites({ access }: { access: Pick<SiteAccess, 'list' | 'revoke' | 'watch'> }) {
  const [sites, setSites] = useState<string[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    const load = () =>
      access.list().then(
        (list) => setSites(list),
        (error: unknown) => setProblem(failed(error)),
      );
    void load();
    return access.watch(() => void load());
  }, [access]);
  const revoke = (site: string) => {
    access.revoke(site).then(
      () => access.list().then(setSites),
      (error: unknown) => setProblem(failed(error)),
    );
  };
  return (
    <section class="granted-sites" aria-labelledby="granted-sites-heading">
      <h2 id="granted-sites-heading">Sites you allowed</h2>
      <p class="hint">
        Council pages on the council domains Council Minutes knows are read without asking. Another site is read when you click the toolbar button on
        its page, or every time once you allow it from the panel (“Read this site's pages”).
      </p>
      {problem && <p role="alert">{problem}</p>}
      {sites === null ? null : sites.length === 0 ? (
        <p>No site has been allowed.</p>
      ) : (
        <ul>
          {sites.map((site) => (
            <li key={site}>
              {siteName(site)}{' '}
              <button type="button" onClick={() => revoke(site)} aria-label={`Revoke ${siteName(site)}`}>
                Revoke
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
