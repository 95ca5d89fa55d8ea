import { useEffect, useState } from 'preact/hooks';

/** Rows rendered with the first paint: more than a side panel's height of items. */
export const FIRST_ROWS = 12;
/** Rows added in each following frame. */
const MORE_ROWS = 40;

/**
 * How many of `total` rows to render: the first screenful at once, then more after each frame
 * has been painted, until all are. A 200-item meeting would otherwise hold its first paint
 * back for every item's rendering and layout (~60 ms of script and ~250 ms of layout here).
 */
export function useRevealed(total: number): number {
  const [count, setCount] = useState(FIRST_ROWS);
  useEffect(() => {
    if (count >= total) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // requestAnimationFrame runs before the frame's paint; the timeout, after it.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setCount((c) => c + MORE_ROWS));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [count, total]);
  return Math.min(count, total);
}
