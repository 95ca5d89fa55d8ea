import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { GrantedSites } from '@/components/library/GrantedSites';
import type { SiteAccess } from '@/lib/platform/sitePermissions';
import { mountPoint } from '../../support/mountPoint';

const mounted = mountPoint();

/** The browser's allowed sites as a plain list; `changed` is what the browser's events would call. */
function fakeAccess(sites: string[]) {
  let changed: () => void = () => {};
  const access: Pick<SiteAccess, 'list' | 'revoke' | 'watch'> = {
    list: async () => [...sites].sort(),
    revoke: vi.fn(async (site: string) => {
      sites.splice(sites.indexOf(site), 1);
    }),
    watch(callback) {
      changed = callback;
      return () => {
        changed = () => {};
      };
    },
  };
  return { access, sites, changed: () => changed() };
}

const items = () => Array.from(mounted.root.querySelectorAll('li')).map((li) => li.textContent?.replace(/\s+/g, ' ').trim());

describe('sites you allowed', () => {
  it('lists the allowed sites by host and revokes one', async () => {
    const fake = fakeAccess(['https://democracy.example.org/*', 'http://committees.other.example/*']);
    act(() => render(<GrantedSites access={fake.access} />, mounted.root));
    await vi.waitFor(() => expect(items()).toEqual(['committees.other.example Revoke', 'democracy.example.org Revoke']));
    await act(() => (mounted.root.querySelector('button[aria-label="Revoke democracy.example.org"]') as HTMLButtonElement).click());
    await vi.waitFor(() => expect(items()).toEqual(['committees.other.example Revoke']));
    expect(fake.access.revoke).toHaveBeenCalledWith('https://democracy.example.org/*');
  });

  it('follows grants made elsewhere, and says when there are none', async () => {
    const fake = fakeAccess([]);
    act(() => render(<GrantedSites access={fake.access} />, mounted.root));
    await vi.waitFor(() => expect(mounted.root.textContent).toContain('No site has been allowed.'));
    fake.sites.push('https://democracy.example.org/*');
    await act(() => fake.changed());
    await vi.waitFor(() => expect(items()).toEqual(['democracy.example.org Revoke']));
  });
});
