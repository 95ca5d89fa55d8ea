import { collapse, inlineText, isSkipped } from './text';

const SPACES = /[\s\u00a0\u200b\ufeff]+/g;

/** `text`, or null when it is longer than `max` once its whitespace runs are collapsed (collapsed
 * only when it is longer as it stands: most are far shorter). */
function bounded(text: string, max: number): string | null {
  if (text.length <= max) return text;
  const collapsed = text.replace(SPACES, ' ');
  return collapsed.length <= max ? collapsed : null;
}

/**
 * The visible text of every element under `root`, or null when it is longer than `max` (in
 * whitespace runs collapsed): the same text `inlineText` reads, before collapsing. One bottom-up walk
 * reads each node once, where asking each element in turn would re-read its whole subtree (a
 * page nested hundreds of levels deep took seconds). `outside` (a meeting's items table, where
 * no page label is) is not walked.
 */
function shortTexts(root: Node, max: number, outside: Element | null): Map<Node, string | null> {
  const texts = new Map<Node, string | null>();
  const walk = (node: Node): string | null => {
    if (node.nodeType === 3) return bounded(node.nodeValue ?? '', max);
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return '';
    if (node === outside) return null;
    let out: string | null = '';
    // Every child is walked, even once this text is too long: the elements inside need theirs.
    for (let child = node.firstChild; child; child = child.nextSibling) {
      const text = walk(child);
      out = out === null || text === null ? null : bounded(out + text, max);
    }
    if (node.nodeType === 1) {
      const el = node as Element;
      if (isSkipped(el)) out = '';
      else if (el.tagName.toUpperCase() === 'BR') out = ' ';
      texts.set(node, out);
    }
    return out;
  };
  walk(root);
  return texts;
}

export interface Labelled {
  value: string;
  element: Element;
}

/**
 * Reads the values a page labels: ModernGov writes `<span class="mgLabel">Venue: </span>value`,
 * some themes a plain paragraph "Venue: value". The reader looks at the page once however many
 * labels are asked for; `outside` is left out of the plain-paragraph search.
 */
export function labelReader(root: ParentNode, outside: Element | null = null): (label: RegExp) => Labelled | null {
  const spans = Array.from(root.querySelectorAll('.mgLabel')).map((span) => ({ span, text: inlineText(span) }));
  let texts: Map<Node, string | null> | null = null;
  let blocks: Element[] | null = null;
  return (label) => {
    for (const { span, text } of spans) {
      if (!label.test(text)) continue;
      const holder = span.parentElement;
      if (!holder) continue;
      return { value: inlineText(holder).slice(text.length).trim(), element: holder };
    }
    const known = (texts ??= shortTexts(root as Node, 1000, outside));
    // Paragraphs far longer than a labelled line, or with many parts, are not one.
    blocks ??= Array.from(root.querySelectorAll('p, div, li, td')).filter((p) => p.children.length <= 6 && typeof known.get(p) === 'string');
    const start = new RegExp(`^(?:${label.source})\\s*`, 'i');
    for (const p of blocks) {
      const text = collapse(known.get(p) as string);
      const match = start.exec(text);
      if (match && text.length < 500) return { value: text.slice(match[0].length).trim(), element: p };
    }
    return null;
  };
}
