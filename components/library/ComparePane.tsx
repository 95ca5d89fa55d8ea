import { useEffect } from 'preact/hooks';
import type { ItemKey } from '@/lib/library/identity';
import type { LibraryService } from '@/lib/library/service';
import { CompareView } from './CompareView';
import { useCompareLibrary } from './useCompareLibrary';

interface Props {
  library: LibraryService;
  startItem: ItemKey | null;
  download(filename: string, text: string): void;
  /** The library page's status line says what failed (undefined when nothing has). */
  onError(error: unknown): void;
}

/** The Compare view with its copy of the library: loaded (a chunk of its own) only when the researcher opens it. */
export function ComparePane({ library, startItem, download, onError }: Props) {
  // The comparison keeps its own copy of the whole library, whatever the filters; only while it is shown.
  const compared = useCompareLibrary(library, true);
  useEffect(() => onError(compared.error), [compared.error]);
  // Closed, its error is no longer the page's.
  useEffect(() => () => onError(undefined), []);
  return compared.value ? <CompareView key={startItem ?? ''} live={compared.value.live} version={compared.value.version} startItem={startItem} download={download} /> : null;
}
