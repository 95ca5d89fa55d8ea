import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import type { MeetingKey, MeetingRef } from '@/lib/library/identity';
import { PAGE_ROWS, type LibraryFilter, type ResultPage, type SearchOptions } from '@/lib/library/search';
import type { LibraryService } from '@/lib/library/service';
import { useLiveQuery } from '../useLiveQuery';

/** The rows shown of a search, with their meetings' links, the count of all and whether more follow. */
export interface ShownRows<T> {
  rows: T[];
  urls: Map<MeetingKey, string>;
  /** Null while it is being counted. */
  total: number | null;
  hasMore: boolean;
  /** A prefix that begins too many words, said (search.ts). */
  capped?: string;
}

interface Search<T> {
  page(filter: LibraryFilter, options: SearchOptions): Promise<ResultPage<T>>;
  count(filter: LibraryFilter): Promise<number>;
}

/** A page of results with the links of their meetings, read for the rows shown only. */
async function withUrls<T extends MeetingRef>(library: LibraryService, search: Promise<ResultPage<T>>) {
  const page = await search;
  return { ...page, urls: await library.meetingUrls(page.rows) };
}

/**
 * A search as the library page shows it: the first page, kept current as the library changes;
 * "Show more" reads the next page from where the shown rows stop (keyset), and pages added are
 * read again, from the first page's end, when the library changes. A total the first page could
 * not give without reading every match is counted in the background. Nothing is read while `active` is false.
 */
export function usePagedSearch<T extends MeetingRef>(library: LibraryService, search: Search<T>, filter: LibraryFilter, active: boolean): { shown: ShownRows<T> | undefined; error: unknown; showMore(): Promise<void> } {
  const key = JSON.stringify(filter);
  const first = useLiveQuery(library, () => (active ? withUrls(library, search.page(filter, { limit: PAGE_ROWS })) : Promise.resolve(null)), [key, active]);
  const [more, setMore] = useState<{ key: string; rows: T[]; urls: Map<MeetingKey, string>; next: string | null } | null>(null);
  const [counted, setCounted] = useState<{ key: string; total: number } | null>(null);
  const [countFailed, setCountFailed] = useState<{ key: string; error: unknown } | null>(null);
  const page = first.value;

  // Before the first page's rows are laid out and painted (a hundred ms at 200 rows), not after: the status line waits for this count.
  useLayoutEffect(() => {
    if (!page || page.total !== null) return;
    let current = true;
    search.count(filter).then(
      (total) => current && setCounted({ key, total }),
      // Said in the status line; the rows shown stay.
      (error: unknown) => current && setCountFailed({ key, error }),
    );
    return () => {
      current = false;
    };
  }, [page]);

  // The library changed: the pages added after the first are read again from the first's end.
  useEffect(() => {
    if (!page || !more || more.key !== key || more.rows.length === 0) return;
    let current = true;
    withUrls(library, search.page(filter, { limit: more.rows.length, after: page.next })).then((p) => current && setMore({ key, rows: p.rows, urls: p.urls, next: p.next }));
    return () => {
      current = false;
    };
  }, [page]);

  const added = more?.key === key ? more : null;
  const exactTotal = counted?.key === key ? counted.total : null;
  const shown: ShownRows<T> | undefined = page
    ? {
        rows: added ? [...page.rows, ...added.rows] : page.rows,
        urls: added ? new Map([...page.urls, ...added.urls]) : page.urls,
        total: page.total ?? exactTotal,
        hasMore: (added ? added.next : page.next) !== null,
        ...(page.capped ? { capped: page.capped } : {}),
      }
    : undefined;

  const showMore = async () => {
    const after = added ? added.next : (page?.next ?? null);
    if (after === null) return;
    const next = await withUrls(library, search.page(filter, { limit: PAGE_ROWS, after }));
    setMore((before) => {
      const kept = before?.key === key ? before : null;
      return { key, rows: [...(kept?.rows ?? []), ...next.rows], urls: new Map([...(kept?.urls ?? []), ...next.urls]), next: next.next };
    });
  };
  return { shown, error: first.error ?? (countFailed?.key === key ? countFailed.error : undefined), showMore };
}
