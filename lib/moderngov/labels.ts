import { collapse, inlineText, isSkipped } from './text';

const SPACES = /[\s\u00a0\u200b\ufeff]+/g;

/**
 * The visible text of every element under `root`, whitespace runs as one space, or null when it
 * is longer than `max`: the same text `inlineText` reads, before trimming. One bottom-up walk
 * reads each node once, where asking each element in turn would re-read its whole subtree (a
 * page nested hundreds of levels deep took seconds).
 */
function shortTexts(root: Node, max: number): Map<Node, string | null> {
  const texts = new Map<Node, string | null>();
  const walk = (node: Node): string | null => {
    if (node.nodeType === 3) {
      const text = (node.nodeValue ?? '').replace(SPACES, ' ');
      return text.length > max ? null : text;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return '';
    let out: string | null = '';
    // Every child is walked, even once this text is too long: the elements inside need theirs.
    for (let child = node.firstChild; child; child = child.nextSibling) {
      const text = walk(child);
      out = out === null || text === null ? null : (out + text).replace(SPACES, ' ');
      if (out !== null && out.length > max) out = null;
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

/** ModernGov labels values as `<span class="mgLabel">Venue: </span>value`, or in a plain
 * paragraph "Venue: value" on some themes. Returns the value after the first matching label. */
export function labelledValue(root: ParentNode, label: RegExp): { value: string; element: Element } | null {
  for (const span of Array.from(root.querySelectorAll('.mgLabel'))) {
    if (!label.test(inlineText(span))) continue;
    const holder = span.parentElement;
    if (!holder) continue;
    const value = inlineText(holder).slice(inlineText(span).length).trim();
    return { value, element: holder };
  }
  const texts = shortTexts(root as Node, 1000);
  for (const p of Array.from(root.querySelectorAll('p, div, li, td'))) {
    if (p.children.length > 6) continue;
    const short = texts.get(p);
    if (short === null || short === undefined) continue; // far longer than a labelled line
    const text = collapse(short);
    const match = new RegExp(`^(?:${label.source})\\s*`, 'i').exec(text);
    if (match && text.length < 500) return { value: text.slice(match[0].length).trim(), element: p };
  }
  return null;
}
