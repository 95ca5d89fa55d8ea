import { MessageSchema } from '../messages/schema';
import { toolbarSummary } from '../moderngov/summary';
import type { Toolbar } from '../platform/toolbar';
import { readTabState, writeTabState, type SessionArea } from './tabState';

/**
 * A message from a tab's content script: validated, stored as the tab's state, shown on the
 * toolbar. Returns false for anything that is not a valid message from a tab.
 */
export async function handlePageMessage(raw: unknown, tabId: number | undefined, session: SessionArea, toolbar: Toolbar): Promise<boolean> {
  const parsed = MessageSchema.safeParse(raw);
  if (!parsed.success || tabId === undefined) return false;
  const message = parsed.data;
  if (message.type === 'page-extracted') {
    await writeTabState(session, tabId, { url: message.url, extraction: message.extraction, completing: message.completing, failures: [] });
    await toolbar.show(tabId, toolbarSummary(message.extraction));
    return true;
  }
  const current = await readTabState(session, tabId);
  // A completion for a page the tab has since left is stale.
  if (!current || current.url !== message.url) return false;
  await writeTabState(session, tabId, { url: message.url, extraction: message.meeting, completing: false, failures: message.failures });
  await toolbar.show(tabId, toolbarSummary(message.meeting));
  return true;
}
