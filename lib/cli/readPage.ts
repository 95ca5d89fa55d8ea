import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { Window } from 'happy-dom';
import { extractDocument } from '../moderngov/extractDocument';
import { decodePage } from './decodePage';
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

/** Reads, parses and extracts one saved page. Throws only when the file cannot be read. */
export async function readPage(file: string, givenUrl?: string): Promise<ReadResult> {
  const text = decodePage(await readFile(file));
  const { url, known } = pageUrl(text, file, givenUrl);
  const extraction = extractDocument(parseDocument(text), url);
  if (!known && extraction.kind !== null) {
    extraction.warnings.push('No original address was given (--url), so links in the page could not be resolved.');
  }
  return { file, url, extraction };
}
