import { render } from 'preact';
import { downloadText } from '@/components/library/download';
import { LibraryWithTeam } from '@/components/team/LibraryWithTeam';
import { UpgradeNotice } from '@/components/UpgradeNotice';
import { LibraryDb } from '@/lib/library/db';
import { dexieLibrary } from '@/lib/library/service';
import { upgradeWatch } from '@/lib/library/upgradeWatch';
import '@/components/styles.css';

const upgrade = upgradeWatch();
const db = new LibraryDb(undefined, { onUpgrade: upgrade.report });
// Opened now, while the page renders its frame, not at the first read (an effect, after the first paint); a failure is said by every read.
db.open().then(upgrade.settle, upgrade.settle);
render(
  <>
    <UpgradeNotice watch={upgrade} />
    {/* The team section and the sites allowed are a chunk of their own, loaded once the first rows show. */}
    <LibraryWithTeam library={dexieLibrary(db)} foot={() => import('./foot').then((m) => m.pageFoot(db))} download={downloadText} confirm={(q) => window.confirm(q)} />
  </>,
  document.getElementById('app') as HTMLElement,
);
