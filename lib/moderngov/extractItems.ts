import { buildItem, type ItemParts } from './buildItem';
import { documentLink, documentList } from './documents';
import type { Item } from './schema';
import { sectionOf, type SectionName } from './sections';
import { inlineText, paragraphsOf, type Paragraph } from './text';
import { takeTruncationLinks } from './truncation';
import { parseModernGovUrl, queryParam } from './url';

/** The items table: a class on live sites, an id in some hand-written markup. */
export function findItemTable(root: ParentNode): Element | null {
  return root.querySelector('table.mgItemTable, table#mgItemTable');
}

/** The rows of the items table that hold items: not header rows, not rows of nested tables. */
function itemRows(table: Element): Element[] {
  return Array.from(table.querySelectorAll('tr')).filter(
    (row) => row.closest('table') === table && row.querySelector(':scope > td') !== null,
  );
}

function itemNumber(cell: Element | null): string | null {
  if (!cell) return null;
  const text = inlineText(cell).replace(/\.$/, '').trim();
  return text === '' ? null : text;
}

/** The agenda item id: the `AI<n>` anchor, else the `mgAi.aspx?ID=` link. */
function itemId(row: Element, base: string): string | null {
  for (const anchor of Array.from(row.querySelectorAll('a[name], a[id]'))) {
    const match = /^AI(\d+)$/i.exec(anchor.getAttribute('name') ?? anchor.getAttribute('id') ?? '');
    if (match) return match[1] ?? null;
  }
  for (const anchor of Array.from(row.querySelectorAll('a[href]'))) {
    try {
      const parsed = parseModernGovUrl(new URL(anchor.getAttribute('href') ?? '', base).href);
      if (parsed?.page === 'mgai.aspx') return queryParam(parsed.url, 'ID');
    } catch {
      // not a URL: not the item link
    }
  }
  return null;
}

/**
 * Reads one content cell (or an item page's content) into item parts. Walks the cell's
 * children in order: the title, then "Additional documents:", "Decision:", "Minutes:" headings
 * switch the section the following text and lists belong to.
 */
export function readItemContent(content: Element, base: string, start: SectionName = 'agenda'): Omit<ItemParts, 'number' | 'id'> {
  // A detached copy: truncation links are cut out of it, never out of the live page.
  const cell = content.cloneNode(true) as Element;
  const truncations = takeTruncationLinks(cell, base);
  const titleEl = cell.querySelector('.mgAiTitleTxt');
  const documents = [];
  let title = '';
  if (titleEl) {
    const link = titleEl.querySelector('a[href]');
    const main = link ? documentLink(link, base) : null;
    if (main) documents.push(main);
    const clone = titleEl.cloneNode(true) as Element;
    clone.querySelectorAll('.mgFileSize, img').forEach((el) => el.remove());
    title = inlineText(clone);
  }
  const sections: Record<SectionName, Paragraph[]> = { agenda: [], documents: [], minutes: [], decision: [] };
  let section: SectionName = start;
  const visit = (node: Node) => {
    if (node === titleEl || (titleEl && node.nodeType === 1 && (node as Element).contains(titleEl) && node !== cell)) {
      if (node !== titleEl) for (let c = node.firstChild; c; c = c.nextSibling) visit(c);
      return;
    }
    if (node.nodeType === 1) {
      const el = node as Element;
      const opens = sectionOf(el);
      if (opens) {
        section = opens;
        return;
      }
      // "Meeting:", "Decision Maker:", "Publication date:" rows are the page's metadata, read elsewhere.
      if (el.querySelector(':scope > .mgLabel') || el.matches('.mgLabel')) return;
      // "View the decision for item 78/21" and similar action links are navigation, not text.
      if (el.matches('.mgActionList')) return;
      if (el.matches('ul.mgBulletList') || (section === 'documents' && el.matches('ul, ol'))) {
        documents.push(...documentList(el, base));
        return;
      }
    }
    const paragraphs = paragraphsOf(node);
    sections[section].push(...paragraphs);
  };
  for (let child = cell.firstChild; child; child = child.nextSibling) visit(child);
  const minutesCut = truncations.find((t) => t.part !== 'agenda');
  const agendaCut = truncations.find((t) => t.part === 'agenda');
  return {
    title,
    documents,
    agenda: sections.agenda,
    minutes: sections.minutes,
    decision: sections.decision,
    minutesTruncated: Boolean(minutesCut),
    fullMinutesUrl: minutesCut?.url ?? null,
    agendaTruncated: Boolean(agendaCut),
    fullAgendaUrl: agendaCut?.url ?? null,
  };
}

/** Items of a meeting page, in page order. */
export function extractItems(table: Element, base: string): Item[] {
  const items: Item[] = [];
  for (const row of itemRows(table)) {
    const cells = Array.from(row.querySelectorAll(':scope > td'));
    const numberCell = row.querySelector(':scope > td.mgItemNumberCell') ?? (cells.length > 1 ? cells[0] : null) ?? null;
    const content = cells.find((cell) => cell !== numberCell) ?? null;
    if (!content) continue;
    const parts = readItemContent(content, base);
    const number = itemNumber(numberCell);
    if (!parts.title && !number) continue;
    items.push(buildItem({ ...parts, number, id: itemId(row, base) }));
  }
  return items;
}
