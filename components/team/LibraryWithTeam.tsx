import type { ComponentType } from 'preact';
import { useState } from 'preact/hooks';
import type { SavedClause, SavedItem } from '@/lib/library/schema';
import type { LibraryService } from '@/lib/library/service';
import { LibraryApp } from '../library/LibraryApp';
import { useLoaded } from '../useLoaded';

/** What the page shows below the library (the team section, the sites allowed), given the rows ticked in the table. */
export type PageFoot = ComponentType<{ selected: (SavedClause | SavedItem)[]; confirm(question: string): boolean }>;

interface Props {
  library: LibraryService;
  /** Loads the page's foot, a chunk of its own with its services. */
  foot(): Promise<PageFoot>;
  download(filename: string, text: string, type?: string): void;
  confirm(question: string): boolean;
}

/** The library page: the researcher's own library, then the team section, which can publish the rows ticked in it. */
export function LibraryWithTeam({ library, foot, download, confirm }: Props) {
  const [selected, setSelected] = useState<(SavedClause | SavedItem)[]>([]);
  // The team's code and reads (the outbox, the councils) wait until the library has shown its first rows.
  const [libraryShown, setLibraryShown] = useState(false);
  const loaded = useLoaded(foot, libraryShown);
  const Foot = loaded.value;
  return (
    <>
      <LibraryApp library={library} download={download} confirm={confirm} onSelection={setSelected} onShown={() => setLibraryShown(true)} />
      {Foot && <Foot selected={selected} confirm={confirm} />}
      {loaded.error !== undefined && <p role="alert">The team section could not be loaded ({loaded.error instanceof Error ? loaded.error.message : String(loaded.error)}); the library above works without it.</p>}
    </>
  );
}
