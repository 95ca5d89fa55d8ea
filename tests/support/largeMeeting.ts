import { findItemTable, itemRows } from '@/lib/moderngov/extractItems';

/** A meeting page of `count` items: the base page's item rows repeated, renumbered, with their own
 * ids (the bench's synthetic large pages, and the sliced-extraction test). `doc` is changed. */
export function largeMeetingHtml(doc: Document, count: number): string {
  const table = findItemTable(doc);
  if (!table) throw new Error('the base page has no items table');
  const rows = itemRows(table);
  const parent = rows[0]?.parentElement;
  if (!parent) throw new Error('the base page has no item rows');
  rows.forEach((row) => row.remove());
  for (let i = 0; i < count; i++) {
    const row = rows[i % rows.length]!.cloneNode(true) as Element;
    const number = row.querySelector('td.mgItemNumberCell .mgAiTitleTxt, td:first-child .mgAiTitleTxt');
    if (number) number.textContent = `${i + 1}.`;
    row.querySelectorAll('a[name^="AI"], a[id^="AI"]').forEach((a) => a.setAttribute(a.hasAttribute('name') ? 'name' : 'id', `AI${900000 + i}`));
    parent.appendChild(row);
  }
  return `<!DOCTYPE html>\n${doc.documentElement.outerHTML}`;
}
