import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browserPanelServices, type ShownPage } from '@/lib/platform/panelServices';
import { tabStateKey } from '@/lib/tabs/tabState';
import { meeting } from '../../support/records';

const record = meeting();
const state = (completing: boolean) => ({ url: record.meeting.url, extraction: record, completing, failures: [] });

beforeEach(() => {
  fakeBrowser.reset();
});

async function pinnedTab(): Promise<number> {
  const tab = await fakeBrowser.tabs.create({ url: record.meeting.url });
  await fakeBrowser.storage.session.set({ [tabStateKey(tab.id as number)]: state(true) });
  window.history.replaceState(null, '', `/sidepanel.html?tabId=${tab.id}`);
  return tab.id as number;
}

describe("the panel's view of the shown page", () => {
  it('is read as soon as the services are made, and given to the panel when it subscribes later', async () => {
    const tabId = await pinnedTab();
    const services = browserPanelServices();
    // The panel's views are still loading: nothing has subscribed yet.
    await new Promise((r) => setTimeout(r, 10));
    const pages: ShownPage[] = [];
    const stop = services.watchPage((p) => pages.push(p));
    expect(pages).toEqual([{ tab: { id: tabId, url: record.meeting.url }, state: state(true) }]);

    // The content script completes the minutes: the background stores the new state.
    await fakeBrowser.storage.session.set({ [tabStateKey(tabId)]: state(false) });
    await vi.waitFor(() => expect(pages.map((p) => p.state?.completing)).toEqual([true, false]));
    stop();
  });

  it('shows a pinned tab that has closed as no tab', async () => {
    window.history.replaceState(null, '', '/sidepanel.html?tabId=424242');
    const pages: ShownPage[] = [];
    browserPanelServices().watchPage((p) => pages.push(p));
    await vi.waitFor(() => expect(pages).toEqual([{ tab: null, state: null }]));
  });
});
