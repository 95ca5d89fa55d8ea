import { useEffect, useState } from 'preact/hooks';
import type { LibraryDb } from '@/lib/library/db';
import { savedState, type SavedState } from '@/lib/library/queries';

type Marks = { value: SavedState | undefined; error: unknown };

/**
 * The library's marks for one meeting page, kept live (Dexie's liveQuery). Dexie is loaded
 * here, after the panel has rendered the page: the marks are filled in when the library
 * answers, and the page is not held back for them. Undefined until then, or with no meeting.
 */
export function useSavedState(library: () => Promise<LibraryDb>, host: string, meetingId: string | null): Marks {
  const [state, setState] = useState<Marks>({ value: undefined, error: undefined });
  useEffect(() => {
    // Another meeting's marks are not this one's.
    setState((s) => (s.value === undefined && s.error === undefined ? s : { value: undefined, error: undefined }));
    if (meetingId === null) return;
    let subscription: { unsubscribe(): void } | null = null;
    let stopped = false;
    const fail = (error: unknown) => setState((s) => ({ value: s.value, error }));
    Promise.all([import('dexie'), library()]).then(([{ liveQuery }, db]) => {
      if (stopped) return;
      subscription = liveQuery(() => savedState(db, host, meetingId)).subscribe({ next: (value) => setState({ value, error: undefined }), error: fail });
    }, fail);
    return () => {
      stopped = true;
      subscription?.unsubscribe();
    };
  }, [library, host, meetingId]);
  return state;
}
