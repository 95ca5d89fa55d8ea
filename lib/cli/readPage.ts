import { readFile, stat } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import { Window } from 'happy-dom';
import { extractDocument } from '../moderngov/extractDocument';
import { decodePage } from '../encoding/decodePage';
import type { Extraction } from '../moderngov/schema';

// Scripts never run and nothing is fetched: the page is text to read, not to load.
const window = new Window({
  settings: {
    disableJavaScriptFileLoading: true,
    disableCSSFileLoading: true,
    disableIframePageLoading: true,
    disableComputedStyleRendering: true,
    navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true },
  },
});

/** Web-service responses are XML; everything else is read as HTML. */
export function parseDocument(text: string): Document {
  const isXml = /^\s*(\uFEFF)?<\?xml/.test(text) && !/<html[\s>]/i.test(text.slice(0, 2000));
  const parser = new window.DOMParser();
  return parser.parseFromString(text, isXml ? 'application/xml' : 'text/html') as unknown as Document;
}

/** The page's original address: as given, else the "saved from url=" comment browsers write
 * into saved pages, else the file's own `file:` URL (links then cannot be resolved). */
export function pageUrl(text: string, file: string, given?: string): { url: string; known: boolean } {
  if (given) return { url: given, known: true };
  const saved = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(text.slice(0, 4096))?.[1];
  if (saved) return { url: saved, known: true };
  return { url: pathToFileURL(file).href, known: false };
}

export interface ReadResult {
  file: string;
  url: string;
  extraction: Extraction;
}

/** Memory a page takes per byte of HTML, with a margin. Measured: happy-dom's tree of a 9 MB
 * page took 1.4 GB of heap; a 32 MB page of 10,000 items peaked at 5.8 GB resident to parse,
 * extract and print (about 180 bytes a byte), and aborts out of memory under Node's default heap. */
const HEAP_BYTES_PER_PAGE_BYTE = 250;

/** The largest page this process can parse without running out of memory. */
export function largestPageBytes(heapLimit = getHeapStatistics().heap_size_limit): number {
  return Math.floor(heapLimit / HEAP_BYTES_PER_PAGE_BYTE);
}

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** The file's bytes, once it is known to be a regular file small enough to parse: a FIFO or a
 * device would block the read for ever, and too large a page would abort the process out of memory. */
export async function readPageBytes(file: string, limit = largestPageBytes()): Promise<Uint8Array> {
  const info = await stat(file);
  if (info.isDirectory()) throw new Error('it is a directory, not a saved page');
  if (!info.isFile()) throw new Error('it is not a regular file (a pipe, socket or device); save the page to a file first');
  if (info.size > limit) {
    const heapMb = Math.ceil((info.size * HEAP_BYTES_PER_PAGE_BYTE) / 1e6 / 1024) * 1024;
    throw new Error(
      `it is ${megabytes(info.size)}, more than the ${megabytes(limit)} this process has memory to parse; run with NODE_OPTIONS=--max-old-space-size=${heapMb} to read it`,
    );
  }
  return readFile(file);
}

/** Reads, parses and extracts one saved page. Throws only when the file cannot be read. */
export async function readPage(file: string, givenUrl?: string): Promise<ReadResult> {
  const text = decodePage(await readPageBytes(file));
  const { url, known } = pageUrl(text, file, givenUrl);
  const extraction = extractDocument(parseDocument(text), url);
  if (!known && extraction.kind !== null) {
    extraction.warnings.push('No original address was given (--url), so links in the page could not be resolved.');
  }
  return { file, url, extraction };
}
