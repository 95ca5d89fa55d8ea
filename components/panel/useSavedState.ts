import { useEffect, useState } from 'preact/hooks';
import type { SavedState } from '@/lib/library/queries';
import type { LibraryService } from '@/lib/library/service';
import type { MeetingRecord } from '@/lib/moderngov/schema';

type Marks = { value: SavedState | undefined; error: unknown };

/**
 * The library's marks for one meeting page, kept live (the service's `watch`). The library is loaded
 * here, after the panel has rendered the page: the marks are filled in when the library
 * answers, and the page is not held back for them. Undefined until then, or with no meeting.
 */
export function useSavedState(library: () => Promise<LibraryService>, record: MeetingRecord | null): Marks {
  const [state, setState] = useState<Marks>({ value: undefined, error: undefined });
  // The page's state is read again on every change of any tab's state: the same page read again is the same record.
  const page = record ? `${record.meeting.url}\n${record.contentHash}` : null;
  useEffect(() => {
    // Another meeting's marks are not this one's.
    setState((s) => (s.value === undefined && s.error === undefined ? s : { value: undefined, error: undefined }));
    if (record === null) return;
    let unsubscribe: (() => void) | null = null;
    let stopped = false;
    const fail = (error: unknown) => setState((s) => ({ value: s.value, error }));
    library().then((service) => {
      if (stopped) return;
      unsubscribe = service.watch(() => service.savedState(record), (value) => setState({ value, error: undefined }), fail);
    }, fail);
    return () => {
      stopped = true;
      unsubscribe?.();
    };
  }, [library, page]);
  return state;
}
