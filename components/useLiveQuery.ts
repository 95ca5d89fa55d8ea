import { useEffect, useState } from 'preact/hooks';
import type { LibraryService } from '@/lib/library/service';

/** A read of the library, read again whenever the library changes (in any context): the service's `watch` as a Preact hook. */
export function useLiveQuery<T>(library: Pick<LibraryService, 'watch'>, query: () => Promise<T>, deps: unknown[]): { value: T | undefined; error: unknown } {
  const [state, setState] = useState<{ value: T | undefined; error: unknown }>({ value: undefined, error: undefined });
  useEffect(
    () =>
      library.watch(
        query,
        (value) => setState({ value, error: undefined }),
        (error: unknown) => setState((s) => ({ value: s.value, error })),
      ),
    [library, ...deps],
  );
  return state;
}
