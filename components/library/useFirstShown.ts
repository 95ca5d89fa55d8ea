import { useEffect, useState } from 'preact/hooks';

/**
 * Whether the library page's first view has shown (its rows or its error), latched: the reads the
 * first view does not need (the filter's choices, the team section) wait for it, so that they do
 * not compete with the first page's reads for the database. `onShown` is told once.
 */
export function useFirstShown(shownNow: boolean, onShown?: () => void): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!shownNow || shown) return;
    setShown(true);
    onShown?.();
  }, [shownNow]);
  return shown || shownNow;
}
