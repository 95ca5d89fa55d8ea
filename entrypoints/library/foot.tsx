import { GrantedSites } from '@/components/library/GrantedSites';
import type { PageFoot } from '@/components/team/LibraryWithTeam';
import { TeamSection } from '@/components/team/TeamSection';
import type { LibraryDb } from '@/lib/library/db';
import { browserSiteAccess } from '@/lib/platform/sitePermissions';
import { browserTeamPlatform } from '@/lib/platform/teamServer';
import { dexieTeam } from '@/lib/team/service';

/** The library page's foot over the browser's services: loaded after the first rows show (main.tsx). */
export function pageFoot(db: LibraryDb): PageFoot {
  const team = dexieTeam(db, browserTeamPlatform);
  return ({ selected, confirm }) => (
    <>
      <TeamSection team={team} selected={selected} confirm={confirm} />
      <GrantedSites access={browserSiteAccess} />
    </>
  );
}
