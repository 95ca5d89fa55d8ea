import { clauseKey, itemKey, meetingKey, type MeetingKey } from '@/lib/library/identity';
import type { SavedClause, SavedItem } from '@/lib/library/schema';
import { safeHref } from '../panel/DocumentLinks';

interface ClauseProps {
  rows: SavedClause[];
  urls: Map<MeetingKey, string>;
  onDelete(row: SavedClause): void;
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

export function ClauseTable({ rows, urls, onDelete }: ClauseProps) {
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
}

export function ItemTable({ rows, urls, onDelete, onCompare }: ItemProps) {
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
