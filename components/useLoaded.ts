import { useEffect, useState } from 'preact/hooks';

/**
 * A module loaded on demand (a dynamic `import()`, its own chunk), once `wanted` first turns true,
 * so that the page's first bundle holds only what its first view shows. The value stays loaded.
 */
export function useLoaded<T>(load: () => Promise<T>, wanted: boolean): { value: T | undefined; error: unknown } {
  const [state, setState] = useState<{ value: T | undefined; error: unknown }>({ value: undefined, error: undefined });
  const [asked, setAsked] = useState(false);
  useEffect(() => {
    if (!wanted || asked) return;
    setAsked(true);
    load().then(
      (value) => setState({ value, error: undefined }),
      (error: unknown) => setState({ value: undefined, error }),
    );
  }, [wanted]);
  return state;
}
