import { decodeAs } from '../encoding/decodePage';

/** Limits on a page the extension fetches from a council's site (an item page, a meeting page). */
export const PAGE_TIMEOUT_MS = 30_000;
/** ModernGov's largest meeting pages are a few MB; anything far above is not one. */
export const MAX_PAGE_BYTES = 20 * 1024 * 1024;

export interface FetchPageOptions {
  /** The site being read: the page, and where any redirect ends, must be on it. */
  origin: string;
  /** Aborts the request under way (the panel's Cancel). */
  signal?: AbortSignal;
  timeoutMs?: number;
  maxBytes?: number;
  fetch?: typeof fetch;
}

/** Why a page was not read; the message is shown to the reader as it is. */
export class PageFetchError extends Error {
  constructor(
    message: string,
    readonly cancelled = false,
  ) {
    super(message);
    this.name = 'PageFetchError';
  }
}

const seconds = (ms: number) => `${Math.round(ms / 1000)} seconds`;

/** Drops a body that will not be read, so the connection is freed; a failure to do so changes nothing. */
const discard = (body: ReadableStream | null) => body?.cancel().catch(() => undefined);
const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** The body, read chunk by chunk so that an endless or huge one stops at the cap. */
async function readCapped(response: Response, url: string, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  const tooLarge = () => new PageFetchError(`The page at ${url} is larger than ${megabytes(maxBytes)}; it was not read.`);
  if (declared > maxBytes) {
    await discard(response.body);
    throw tooLarge();
  }
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/** The charset the response declares, else UTF-8 (ModernGov serves UTF-8; old installs windows-1252). */
function decode(bytes: Uint8Array, contentType: string): string {
  return decodeAs(bytes, /;\s*charset\s*=\s*"?([\w:.-]+)/i.exec(contentType)?.[1] ?? 'utf-8');
}

/**
 * Fetches one HTML page of the site being read, in the reader's session. Refuses, with a plain
 * message, a page on another site (before or after redirects), anything but `text/html`, a body
 * above `maxBytes`, and a site that does not answer within `timeoutMs`; `signal` cancels it.
 */
export async function fetchPageHtml(url: string, options: FetchPageOptions): Promise<string> {
  const { origin, signal, timeoutMs = PAGE_TIMEOUT_MS, maxBytes = MAX_PAGE_BYTES } = options;
  const fetchImpl = options.fetch ?? fetch;
  if (new URL(url).origin !== origin) throw new PageFetchError(`${url} is on another site; only pages of ${origin} are read.`);
  if (signal?.aborted) throw new PageFetchError('Cancelled.', true);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const cancel = () => controller.abort();
  signal?.addEventListener('abort', cancel);
  try {
    const response = await fetchImpl(url, { credentials: 'same-origin', signal: controller.signal });
    if (response.url && new URL(response.url).origin !== origin) {
      await discard(response.body);
      throw new PageFetchError(`${url} redirected to another site (${new URL(response.url).origin}); only pages of ${origin} are read.`);
    }
    if (!response.ok) {
      await discard(response.body);
      throw new PageFetchError(`The council's site answered ${response.status} for ${url}.`);
    }
    const contentType = response.headers.get('content-type') ?? '';
    const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
    if (mediaType !== 'text/html') {
      await discard(response.body);
      throw new PageFetchError(`${url} is not a web page (${mediaType || 'no content type'}); only HTML pages are read.`);
    }
    return decode(await readCapped(response, url, maxBytes), contentType);
  } catch (error) {
    if (error instanceof PageFetchError) throw error;
    if (timedOut) throw new PageFetchError(`The council's site did not answer within ${seconds(timeoutMs)} for ${url}.`);
    if (signal?.aborted) throw new PageFetchError('Cancelled.', true);
    throw new PageFetchError(`Could not reach ${url}: ${error instanceof Error ? error.message : String(error)}.`);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', cancel);
  }
}
