import { render } from 'preact';
import { downloadText } from '@/components/library/download';
import { GrantedSites } from '@/components/library/GrantedSites';
import { LibraryWithTeam } from '@/components/team/LibraryWithTeam';
import { LibraryDb } from '@/lib/library/db';
import { dexieLibrary } from '@/lib/library/service';
import { browserSiteAccess } from '@/lib/platform/sitePermissions';
import { browserTeamPlatform } from '@/lib/platform/teamServer';
import { dexieTeam } from '@/lib/team/service';
import '@/components/styles.css';

const db = new LibraryDb();
render(
  <>
    <LibraryWithTeam library={dexieLibrary(db)} team={dexieTeam(db, browserTeamPlatform)} download={downloadText} confirm={(q) => window.confirm(q)} />
    <GrantedSites access={browserSiteAccess} />
  </>,
  document.getElementById('app') as HTMLElement,
);
