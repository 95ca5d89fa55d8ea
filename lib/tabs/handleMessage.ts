import { MessageSchema, PageExtractedSchema } from '../messages/schema';
import { toolbarSummary } from '../moderngov/summary';
import type { Toolbar } from '../platform/toolbar';
import { heldInPageState } from './heldInPage';
import type { MessageParts } from './messageParts';
import { readTabState, writeTabState, type SessionArea, type TabState } from './tabState';

/** Stores the tab's state; one too large for `storage.session`'s quota is stored cut down, the
 * whole reading staying in the page (never dropped, which left the panel saying the page was not read). */
async function storeTabState(session: SessionArea, tabId: number, state: TabState): Promise<void> {
  try {
    await writeTabState(session, tabId, state);
  } catch {
    await writeTabState(session, tabId, heldInPageState(state));
  }
}

/**
 * A message from a tab's content script: validated, stored as the tab's state, shown on the
 * toolbar; a reading sent in parts, once its last part has come. Returns false for anything that
 * is not a valid message from a tab (and for a part that does not complete a reading).
 */
export async function handlePageMessage(raw: unknown, tabId: number | undefined, session: SessionArea, toolbar: Toolbar, parts: MessageParts): Promise<boolean> {
  const parsed = MessageSchema.safeParse(raw);
  if (!parsed.success || tabId === undefined) return false;
  let message = parsed.data;
  if (message.type === 'page-extracted-part') {
    const text = parts.add(tabId, message);
    if (text === null) return false;
    // The joined text is checked as a whole reading, as one message would have been.
    const whole = PageExtractedSchema.safeParse({ type: 'page-extracted', url: message.url, extraction: text, completing: message.completing });
    if (!whole.success) return false;
    message = whole.data;
  }
  if (message.type === 'page-extracted') {
    await storeTabState(session, tabId, { url: message.url, extraction: message.extraction, completing: message.completing, failures: [] });
    await toolbar.show(tabId, toolbarSummary(message.extraction));
    return true;
  }
  const current = await readTabState(session, tabId);
  // A completion for a page the tab has since left is stale.
  if (!current || current.url !== message.url) return false;
  await storeTabState(session, tabId, { url: message.url, extraction: message.meeting, completing: false, failures: message.failures });
  await toolbar.show(tabId, toolbarSummary(message.meeting));
  return true;
}
