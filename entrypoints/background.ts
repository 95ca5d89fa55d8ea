import { MessageSchema } from '@/lib/messages/schema';
import { toolbarSummary } from '@/lib/moderngov/summary';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((raw, sender) => {
    const tabId = sender.tab?.id;
    const parsed = MessageSchema.safeParse(raw);
    if (!parsed.success || tabId === undefined) return;
    const { badge, title } = toolbarSummary(parsed.data.extraction);
    void browser.action.setBadgeText({ tabId, text: badge });
    void browser.action.setTitle({ tabId, title });
  });
});
