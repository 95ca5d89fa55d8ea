import CSL, { type Engine } from 'citeproc';
import apa from './csl/apa.csl?raw';
import chicago from './csl/chicago-author-date.csl?raw';
import harvard from './csl/harvard-cite-them-right.csl?raw';
import enGB from './csl/locales-en-GB.xml?raw';
import enUS from './csl/locales-en-US.xml?raw';
import { toCslItem, type CslItem } from './csl';
import { citationKeys, type Reference } from './reference';
import type { CitationStyle } from './styles';

// citeproc-js and the styles are heavy: this module is only ever imported lazily (`import()`),
// from the panel and the library, never the content script.

/** Cite Them Right is a British style; APA and Chicago are written in American English. */
const STYLES: Record<CitationStyle, { xml: string; lang: 'en-GB' | 'en-US' }> = {
  harvard: { xml: harvard, lang: 'en-GB' },
  apa: { xml: apa, lang: 'en-US' },
  chicago: { xml: chicago, lang: 'en-US' },
};
const LOCALES: Record<string, string> = { 'en-GB': enGB, 'en-US': enUS };

export interface Citation {
  text: string;
  /** citeproc-js's HTML (page text escaped by it), for pasting with italics into a word processor. */
  html: string;
}

// The items of the call under way, by id: the engines read them through `retrieveItem`.
const current = new Map<string, CslItem>();
// Building an engine parses and expands the whole style: APA takes about two seconds, so each
// style's engine is built once and kept.
const engines = new Map<CitationStyle, Engine>();
let calls = 0;

function engineFor(style: CitationStyle): Engine {
  let engine = engines.get(style);
  if (!engine) {
    const { xml, lang } = STYLES[style];
    engine = new CSL.Engine({ retrieveLocale: (l) => LOCALES[l] ?? enUS, retrieveItem: (id) => current.get(id) }, xml, lang, true);
    engines.set(style, engine);
  }
  return engine;
}

/** Builds the style's engine ahead of the first citation (when the style is picked). */
export function prepareStyle(style: CitationStyle): void {
  engineFor(style);
}

/** Reference-list entries for the references, in the style's order, by citeproc-js. */
export function formatBibliography(refs: Reference[], style: CitationStyle): Citation[] {
  const keys = citationKeys(refs);
  // Ids new to the engine on every call: it caches items by id, and a reference cited again
  // may have changed (a tag, the date retrieved).
  const call = ++calls;
  current.clear();
  refs.forEach((ref, i) => {
    const key = keys[i] ?? String(i);
    const id = `${call}:${key}`;
    current.set(id, { ...toCslItem(ref, key), id });
  });
  const engine = engineFor(style);
  const entries = (format: 'text' | 'html') => {
    engine.setOutputFormat(format);
    engine.updateItems([...current.keys()]);
    const bibliography = engine.makeBibliography();
    return bibliography ? bibliography[1].map((entry) => entry.trim()) : [];
  };
  const text = entries('text');
  const html = entries('html');
  return text.map((t, i) => ({ text: t, html: html[i] ?? '' }));
}

/** One reference's entry: what "Copy citation" copies. */
export function formatCitation(ref: Reference, style: CitationStyle): Citation {
  const [entry] = formatBibliography([ref], style);
  if (!entry) throw new Error('The citation processor gave no entry for this reference.');
  return entry;
}
