import { useState } from 'preact/hooks';
import type { SavedClause, SavedItem } from '@/lib/library/schema';
import type { LibraryService } from '@/lib/library/service';
import type { TeamService } from '@/lib/team/service';
import { LibraryApp } from '../library/LibraryApp';
import { TeamSection } from './TeamSection';

interface Props {
  library: LibraryService;
  team: TeamService;
  download(filename: string, text: string, type?: string): void;
  confirm(question: string): boolean;
}

/** The library page: the researcher's own library, then the team section, which can publish the rows ticked in it. */
export function LibraryWithTeam({ library, team, download, confirm }: Props) {
  const [selected, setSelected] = useState<(SavedClause | SavedItem)[]>([]);
  // The team's reads (every meeting, the outbox) wait until the library has shown its first rows.
  const [libraryShown, setLibraryShown] = useState(false);
  return (
    <>
      <LibraryApp library={library} download={download} confirm={confirm} onSelection={setSelected} onShown={() => setLibraryShown(true)} />
      {libraryShown && <TeamSection team={team} selected={selected} confirm={confirm} />}
    </>
  );
}
