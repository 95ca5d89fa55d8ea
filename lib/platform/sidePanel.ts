import { browser } from 'wxt/browser';

/** The toolbar button opens the panel: Chrome's side panel, Firefox's sidebar. */
export function registerPanelOpening(): void {
  if (browser.sidePanel?.setPanelBehavior) {
    void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true });
    return;
  }
  const sidebar = (browser as unknown as { sidebarAction?: { toggle(): Promise<void> } }).sidebarAction;
  if (sidebar) browser.action.onClicked.addListener(() => void sidebar.toggle());
}
