import { clauseKey, itemKey, meetingKey, type ClauseKey, type ItemKey, type MeetingKey } from '@/lib/library/identity';
import type { SavedClause, SavedItem } from '@/lib/library/schema';
import { CiteButton } from '../cite/CiteButton';
import { safeHref } from '../panel/DocumentLinks';

/** Rows picked for an export, by their identity key. */
export interface RowSelection {
  has(key: RowKey): boolean;
  toggle(key: RowKey, row: SavedClause | SavedItem, on: boolean): void;
}

type RowKey = ClauseKey | ItemKey;
const rowKey = (row: SavedClause | SavedItem): RowKey => ('clauseIndex' in row ? clauseKey(row) : itemKey(row));

interface ClauseProps {
  rows: SavedClause[];
  urls: Map<MeetingKey, string>;
  onDelete(row: SavedClause): void;
  selection?: RowSelection;
  onCite?(row: SavedClause): void;
}

/** A checkbox, among the row's actions, that picks the row for the reference exports. */
function SelectBox({ row, label, selection }: { row: SavedClause | SavedItem; label: string; selection: RowSelection | undefined }) {
  if (!selection) return null;
  const key = rowKey(row);
  return (
    <label class="select-row">
      <input type="checkbox" checked={selection.has(key)} onChange={(e) => selection.toggle(key, row, e.currentTarget.checked)} />
      Select<span class="visually-hidden"> {label}</span>
    </label>
  );
}

/** Column headings, then an unlabelled-looking "Actions" column that screen readers still name. */
function Head({ columns }: { columns: string[] }) {
  return (
    <thead>
      <tr>
        {columns.map((name) => (
          <th key={name} scope="col">
            {name}
          </th>
        ))}
        <th scope="col">
          <span class="visually-hidden">Actions</span>
        </th>
      </tr>
    </thead>
  );
}

function Place({ row, urls }: { row: SavedClause | SavedItem; urls: Map<MeetingKey, string> }) {
  const href = safeHref(urls.get(meetingKey(row)) ?? null);
  return (
    <>
      <td>{row.councilName ?? row.host}</td>
      <td>{row.committeeName}</td>
      <td>
        {href ? (
          <a href={href} target="_blank" rel="noopener noreferrer">
            {row.date || 'no date'}
          </a>
        ) : (
          row.date
        )}
      </td>
    </>
  );
}

export function ClauseTable({ rows, urls, onDelete, selection, onCite }: ClauseProps) {
  return (
    <table class="results">
      <caption class="visually-hidden">Saved resolution clauses</caption>
      <Head columns={['Council', 'Committee', 'Date', 'Item', 'Clause', 'Outcome', 'Tags', 'Note']} />
      <tbody>
        {rows.map((c) => (
          <tr key={clauseKey(c)}>
            <Place row={c} urls={urls} />
            <td>
              {c.itemNumber ? `${c.itemNumber}. ` : ''}
              {c.itemTitle}
            </td>
            <td class="clause-cell">
              {c.label && <span class="clause-label">{c.label} </span>}
              {c.text}
              {c.onPage === 0 && <span class="gone-mark"> (no longer on the page; kept)</span>}
            </td>
            <td>
              {c.outcome}
              {c.votes && ` (for ${c.votes.for}, against ${c.votes.against}${c.votes.abstentions === null ? '' : `, abstentions ${c.votes.abstentions}`})`}
            </td>
            <td>{c.tags.join(', ')}</td>
            <td>{c.note}</td>
            <td>
              <SelectBox row={c} label={`clause ${c.label ?? ''} of item ${c.itemNumber ?? c.itemTitle}`} selection={selection} />
              {onCite && <CiteButton label={`clause ${c.label ?? ''} of item ${c.itemNumber ?? c.itemTitle}`} onClick={() => onCite(c)} />}{' '}
              <button type="button" class="small" onClick={() => onDelete(c)}>
                Delete<span class="visually-hidden"> clause {c.label ?? ''} of item {c.itemNumber ?? c.itemTitle}</span>
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface ItemProps {
  rows: SavedItem[];
  urls: Map<MeetingKey, string>;
  onDelete(row: SavedItem): void;
  onCompare(row: SavedItem): void;
  selection?: RowSelection;
  onCite?(row: SavedItem): void;
}

export function ItemTable({ rows, urls, onDelete, onCompare, selection, onCite }: ItemProps) {
  return (
    <table class="results">
      <caption class="visually-hidden">Saved items</caption>
      <Head columns={['Council', 'Committee', 'Date', 'No.', 'Item', 'Noted points', 'Tags']} />
      <tbody>
        {rows.map((i) => (
          <tr key={itemKey(i)}>
            <Place row={i} urls={urls} />
            <td>{i.number ?? ''}</td>
            <td>
              <details>
                <summary>
                  {i.title}
                  {i.onPage === 0 && <span class="gone-mark"> (no longer on the page; kept)</span>}
                </summary>
                <div class="minutes-text">{i.minutes}</div>
              </details>
            </td>
            <td>{i.notedPoints.length}</td>
            <td>{i.tags.join(', ')}</td>
            <td>
              <SelectBox row={i} label={`item ${i.number ?? i.title}`} selection={selection} />
              {onCite && <CiteButton label={`item ${i.number ?? i.title}`} onClick={() => onCite(i)} />}{' '}
              <button type="button" class="small" onClick={() => onCompare(i)}>
                Compare with other councils<span class="visually-hidden"> item {i.number ?? i.title}</span>
              </button>{' '}
              <button type="button" class="small" onClick={() => onDelete(i)}>
                Delete<span class="visually-hidden"> item {i.number ?? i.title}</span>
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
