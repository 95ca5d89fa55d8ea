import { buildItem, type ItemParts } from './buildItem';
import { documentLink, documentList } from './documents';
import type { Item } from './schema';
import { sectionOf, type SectionName } from './sections';
import { runToEnd, type Steps } from './steps';
import { inlineText, inlineTextWithout, paragraphReader, type Paragraph } from './text';
import { mayHoldTruncationLinks, takeTruncationLinks } from './truncation';
import { parseModernGovUrl, queryParam } from './url';

/** The items table: a class on live sites, an id in some hand-written markup. */
export function findItemTable(root: ParentNode): Element | null {
  return root.querySelector('table.mgItemTable, table#mgItemTable');
}

/** The cells of a row (its own, not those of tables inside it). */
export function cellsOf(row: Element): Element[] {
  return Array.from(row.children).filter((cell) => cell.tagName.toUpperCase() === 'TD');
}

/** The rows of the items table that hold items: not header rows, not rows of nested tables. */
export function itemRows(table: Element): Element[] {
  return Array.from(table.querySelectorAll('tr')).filter((row) => row.closest('table') === table && cellsOf(row).length > 0);
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
  // Truncation links are cut out of a detached copy, never out of the live page; a cell without
  // one is read in place.
  const cell = mayHoldTruncationLinks(content) ? (content.cloneNode(true) as Element) : content;
  const truncations = cell === content ? [] : takeTruncationLinks(cell, base);
  const titleEl = cell.querySelector('.mgAiTitleTxt');
  const documents = [];
  let title = '';
  if (titleEl) {
    const link = titleEl.querySelector('a[href]');
    const main = link ? documentLink(link, base) : null;
    if (main) documents.push(main);
    title = inlineTextWithout(titleEl, '.mgFileSize');
  }
  const sections: Record<SectionName, Paragraph[]> = { agenda: [], documents: [], minutes: [], decision: [] };
  let section: SectionName = start;
  const reader = paragraphReader(cell);
  const visit = (node: Node) => {
    if (node === titleEl) return reader.skip(node);
    if (titleEl && node.nodeType === 1 && (node as Element).contains(titleEl)) {
      reader.enter(node);
      for (let c = node.firstChild; c; c = c.nextSibling) visit(c);
      return;
    }
    if (node.nodeType === 1) {
      const el = node as Element;
      const opens = sectionOf(el);
      if (opens) {
        section = opens;
        return reader.skip(el);
      }
      // "Meeting:", "Decision Maker:", "Publication date:" rows are the page's metadata, read elsewhere.
      if (el.classList.contains('mgLabel') || Array.from(el.children).some((child) => child.classList.contains('mgLabel'))) return reader.skip(el);
      // "View the decision for item 78/21" and similar action links are navigation, not text.
      if (el.matches('.mgActionList')) return reader.skip(el);
      if (el.matches('ul.mgBulletList') || (section === 'documents' && el.matches('ul, ol'))) {
        documents.push(...documentList(el, base));
        return reader.skip(el);
      }
    }
    sections[section].push(...reader.read(node));
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
  return runToEnd(itemSteps(table, base));
}

/** The same, a step per row: a page of a thousand items can be read between the page's own tasks. */
export function* itemSteps(table: Element, base: string): Steps<Item[]> {
  const items: Item[] = [];
  for (const row of itemRows(table)) {
    yield;
    const cells = cellsOf(row);
    // Some councils print a "Note" column (`td.mgItemNoteCell`) before "No.": the item is the cell after the number.
    const numberCell = cells.find((cell) => cell.classList.contains('mgItemNumberCell')) ?? (cells.length > 1 ? cells[0] : null) ?? null;
    const content = cells[cells.indexOf(numberCell as Element) + 1] ?? cells.find((cell) => cell !== numberCell) ?? null;
    if (!content) continue;
    const parts = readItemContent(content, base);
    const number = itemNumber(numberCell);
    // A row with neither number nor title is kept when it has text: a preamble minute ("Before the meeting began …").
    if (!parts.title && !number && parts.agenda.length + parts.minutes.length + parts.decision.length === 0) continue;
    items.push(buildItem({ ...parts, number, id: itemId(row, base) }));
  }
  return withProceduralSubItems(items);
}

/** "5.1", "5a", "5(1)": the sub-items of item 5. */
const SUB_ITEM = /^(\d+)\s*(?:\.\s*\d+|[a-z]|\(\s*\w+\s*\))$/i;

/** Sub-items of a procedural item are procedural too: the minutes of each past meeting listed
 * under "To sign as a correct record the minutes of the meetings held on:". */
function withProceduralSubItems(items: Item[]): Item[] {
  const procedural = new Set(items.filter((i) => i.procedural && i.number !== null).map((i) => i.number));
  return items.map((item) => {
    const parent = item.number === null ? undefined : SUB_ITEM.exec(item.number)?.[1];
    return !item.procedural && parent !== undefined && procedural.has(parent) ? { ...item, procedural: true } : item;
  });
}
