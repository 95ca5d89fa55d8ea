import { registerToolbarButton } from '@/lib/platform/sidePanel';
import { registerTabs } from '@/lib/tabs/registerTabs';

export default defineBackground(() => {
  registerToolbarButton();
  registerTabs();
});
