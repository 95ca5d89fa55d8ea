import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { UpgradeNotice } from '@/components/UpgradeNotice';
import { upgradeWatch } from '@/lib/library/upgradeWatch';

const root = document.createElement('div');
document.body.append(root);
afterEach(() => render(null, root));

const notice = () => root.querySelector('.upgrade-notice');

describe('the notice of a library being updated for a new version', () => {
  it('says how far the update has come and that closing loses nothing, and goes once the library is open', () => {
    const watch = upgradeWatch();
    act(() => render(<UpgradeNotice watch={watch} />, root));
    expect(notice()).toBeNull();

    act(() => watch.report({ toVersion: 9, done: 0, total: 1_200_600 }));
    expect(notice()?.getAttribute('role')).toBe('status');
    expect(notice()?.textContent).toContain('Updating your library for this version of Council Minutes: 0 of 1,200,600 items and clauses.');
    expect(notice()?.textContent).toContain('If it is closed, nothing is lost; the update starts again the next time.');

    act(() => watch.report({ toVersion: 9, done: 602_000, total: 1_200_600 }));
    expect(notice()?.textContent).toContain('602,000 of 1,200,600 items and clauses');
    const bar = root.querySelector('progress');
    expect([bar?.getAttribute('value'), bar?.getAttribute('max'), bar?.getAttribute('aria-label')]).toEqual(['602000', '1200600', 'Library update']);

    act(() => watch.settle());
    expect(notice()).toBeNull();
  });

  it('shows the latest progress to a view mounted after the update began, and nothing after it ended', () => {
    const watch = upgradeWatch();
    watch.report({ toVersion: 9, done: 2_000, total: 4_510 });
    act(() => render(<UpgradeNotice watch={watch} />, root));
    expect(notice()?.textContent).toContain('2,000 of 4,510');

    render(null, root);
    watch.settle();
    act(() => render(<UpgradeNotice watch={watch} />, root));
    expect(notice()).toBeNull();
  });
});
