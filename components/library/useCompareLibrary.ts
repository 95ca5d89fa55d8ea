import { useEffect, useState } from 'preact/hooks';
import { CompareLibrary } from '@/lib/compare/compareLibrary';
import type { LibraryService } from '@/lib/library/service';

/**
 * The Compare view's copy of the library while `active`: read whole once, then kept current from
 * the changes only. What is watched is the stamp of the last change (one key), never the library:
 * when it moves, the changes since the copy's stamp are read and applied, one read at a time.
 */
export function useCompareLibrary(library: LibraryService, active: boolean): { value: { live: CompareLibrary; version: number } | undefined; error: unknown } {
  const [value, setValue] = useState<{ live: CompareLibrary; version: number } | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  useEffect(() => {
    setValue(undefined);
    if (!active) return;
    let live: CompareLibrary | null = null;
    let version = 0;
    let reading = false;
    let again = false;
    let closed = false;
    const catchUp = async () => {
      if (reading) {
        again = true;
        return;
      }
      reading = true;
      try {
        do {
          again = false;
          if (live) {
            const changes = await library.changesSince(live.stamp);
            if (closed) return;
            if (changes.stamp === live.stamp) continue;
            live = live.apply(changes);
          } else live = CompareLibrary.open(await library.everything());
          if (closed) return;
          setValue({ live, version: ++version });
          setError(undefined);
        } while (again);
      } catch (failure: unknown) {
        if (!closed) setError(failure);
      } finally {
        reading = false;
      }
    };
    const stop = library.watch(
      () => library.lastChange(),
      (stamp) => {
        if (!live || stamp !== live.stamp) void catchUp();
      },
      setError,
    );
    return () => {
      closed = true;
      stop();
    };
  }, [library, active]);
  return { value, error };
}
