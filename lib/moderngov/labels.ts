import { inlineText } from './text';

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
  for (const p of Array.from(root.querySelectorAll('p, div, li, td'))) {
    if (p.children.length > 6) continue;
    const text = inlineText(p);
    const match = new RegExp(`^(?:${label.source})\\s*`, 'i').exec(text);
    if (match && text.length < 500) return { value: text.slice(match[0].length).trim(), element: p };
  }
  return null;
}
