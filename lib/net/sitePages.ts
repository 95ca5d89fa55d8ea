import { paced } from '../collect/paced';
import { fetchPageHtml, type FetchPageOptions } from './fetchPage';

/** Fetches a page of the site being read and parses it, inert; `signal` cancels it. */
export type FetchSitePage = (url: string, signal?: AbortSignal) => Promise<Document>;

/**
 * The one way a content script reads other pages of its site: completing cut-short minutes on
 * the page shown and collecting a committee's meetings share it, so the site gets one request a
 * second at most from both together.
 */
export function sitePages(
  origin: string,
  parse: (html: string) => Document,
  options: Omit<FetchPageOptions, 'origin' | 'signal'> & { intervalMs?: number } = {},
): FetchSitePage {
  const { intervalMs = 1000, ...limits } = options;
  return paced(async (url: string, signal?: AbortSignal) => parse(await fetchPageHtml(url, { ...limits, origin, signal })), intervalMs);
}
