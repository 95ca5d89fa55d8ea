import { z } from 'zod';
import { CompletionFailureSchema } from '../messages/schema';
import { ExtractionSchema } from '../moderngov/schema';

/** What the extension knows about one tab's page; kept in `storage.session` because the
 * service worker's globals do not survive it going idle. */
export const TabStateSchema = z.object({
  url: z.string(),
  extraction: ExtractionSchema,
  completing: z.boolean(),
  failures: z.array(CompletionFailureSchema),
  /** The reading was too large to store here: the extraction stored is cut down, and the whole
   * one is asked of the tab's content script. */
  inPage: z.boolean().optional(),
  /** Said in the panel about the page as a whole ("too large to keep…"). */
  note: z.string().optional(),
});

export type TabState = z.infer<typeof TabStateSchema>;

/** The part of `browser.storage.session` used here, so tests can pass a fake. */
export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export function tabStateKey(tabId: number): string {
  return `tab:${tabId}`;
}

/** The stored state, or null when there is none or it does not validate (an older version's). */
export async function readTabState(area: SessionArea, tabId: number): Promise<TabState | null> {
  const key = tabStateKey(tabId);
  const parsed = TabStateSchema.safeParse((await area.get(key))[key]);
  return parsed.success ? parsed.data : null;
}

export async function writeTabState(area: SessionArea, tabId: number, state: TabState): Promise<void> {
  await area.set({ [tabStateKey(tabId)]: state });
}

export async function clearTabState(area: SessionArea, tabId: number): Promise<void> {
  await area.remove(tabStateKey(tabId));
}
