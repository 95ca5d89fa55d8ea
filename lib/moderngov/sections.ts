import { inlineText } from './text';

export type SectionName = 'agenda' | 'documents' | 'minutes' | 'decision';

/** Headings that open a part of an item, in English and Welsh. */
const SECTION_LABELS: [RegExp, SectionName][] = [
  [/^(Minutes|Cofnodion)\s*:?$/i, 'minutes'],
  [/^(Decisions?|Penderfyniad(au)?)\s*:?$/i, 'decision'],
  [/^(Additional|Supporting|Accompanying|Background)\s+(documents|papers)\s*:?$|^Dogfennau\s+(ychwanegol|ategol)\s*:?$/i, 'documents'],
  [/^(Purpose|Agenda text|Diben)\s*:?$/i, 'agenda'],
];

/** The section a heading element opens, or null when it is not a section heading. */
export function sectionOf(el: Element): SectionName | null {
  const tag = el.tagName.toUpperCase();
  const headingLike =
    el.classList.contains('mgSubItemTitleTxt') ||
    el.classList.contains('mgSubSubTitleTxt') ||
    el.classList.contains('mgLabel') ||
    /^(H[2-6]|P|STRONG|B|DIV)$/.test(tag);
  if (!headingLike) return null;
  // A heading is a word or two: a block with far more text (a paragraph, a whole minutes div)
  // is not one, and is not worth reading to find out.
  if ((el.textContent ?? '').length > 200) return null;
  const text = inlineText(el);
  if (text.length > 40) return null;
  for (const [pattern, name] of SECTION_LABELS) if (pattern.test(text)) return name;
  return null;
}
