import { useState } from 'preact/hooks';
import { clauseKey, type ClauseKey, type ItemRef } from '@/lib/library/identity';
import type { Annotation, ClauseMark } from '@/lib/library/queries';
import { outcomeOf } from '@/lib/moderngov/outcome';
import type { Clause, Item } from '@/lib/moderngov/schema';
import { CiteButton } from '../cite/CiteButton';
import { AnnotationForm } from './AnnotationForm';
import { DocumentLinks } from './DocumentLinks';

export interface ItemActions {
  saveItem(itemKey: string): void;
  saveClause(itemKey: string, clauseIndex: number): void;
  /** Resolve true once written, false when not (the notice says why). */
  annotateItem(itemKey: string, annotation: Annotation): Promise<boolean>;
  annotateClause(itemKey: string, clauseIndex: number, annotation: Annotation): Promise<boolean>;
  /** Copies a citation of the item (clauseIndex null) or of one clause; offered when given. */
  copyCitation?(itemKey: string, clauseIndex: number | null): void;
}

interface Props {
  item: Item;
  itemRef: ItemRef;
  /** The item's annotation when saved; undefined when not. */
  saved: Annotation | undefined;
  /** Saved clauses by the page clause they match (queries.ts `savedState`). */
  savedClauses: Map<ClauseKey, ClauseMark>;
  /** Null where saving is not offered (pages that are not a meeting). */
  actions: ItemActions | null;
}

function SavedMark() {
  return <span class="saved-mark">✓ Saved</span>;
}

/** Where a clause came from, as printed: "RESOLVED", in the minutes; exempt. */
function ClauseOrigin({ clause }: { clause: Clause }) {
  const where = clause.section === 'decision' ? 'in the decision' : 'in the minutes';
  return (
    <span class="clause-origin">
      {clause.keyword ? `“${clause.keyword}”, ${where}` : `no formula, ${where}`}
      {clause.exempt && <span class="exempt"> · exempt: the decision is in a confidential minute</span>}
    </span>
  );
}

/** Minutes cut short and not completed are saved only when asked for, by a button that says so. */
function cutNote(item: Item) {
  return item.minutesTruncated ? ' with cut-short minutes' : '';
}

export function ItemCard({ item, itemRef, saved, savedClauses, actions }: Props) {
  const { itemKey } = itemRef;
  const name = item.number ? `item ${item.number}` : item.title;
  // The open annotation form, if any: the item's, or a clause's by its place. Forms are mounted
  // only for what is saved or being edited (a 200-item meeting renders none otherwise).
  const [editing, setEditing] = useState<'item' | number | null>(null);
  const formState = (which: 'item' | number) => ({ open: editing === which, setOpen: (open: boolean) => setEditing(open ? which : null) });
  const heading = (
    <h3 id={`item-${itemKey}`}>
      {item.number && <span class="item-number">{item.number}. </span>}
      {item.title || 'Untitled item'}
    </h3>
  );
  const body = (
    <>
      {actions && (
        <p class="item-actions">
          {saved ? (
            <SavedMark />
          ) : (
            <button type="button" onClick={() => actions.saveItem(itemKey)}>
              Save item<span class="visually-hidden"> {item.number ?? item.title}</span>
              {cutNote(item)}
            </button>
          )}
          {actions.copyCitation && <CiteButton label={name} onClick={() => actions.copyCitation?.(itemKey, null)} />}
          {(saved || editing === 'item') && (
            <AnnotationForm label={name} annotation={saved ?? null} {...formState('item')} onSave={(a) => actions.annotateItem(itemKey, a)} />
          )}
        </p>
      )}
      {item.description && <p class="description">{item.description}</p>}
      <DocumentLinks documents={item.documents} />
      {item.minutes && (
        <details class="minutes">
          <summary>
            Minutes{item.minutesTruncated ? ' (cut short on the page)' : ''}
            <span class="visually-hidden"> of {name}</span>
          </summary>
          <div class="minutes-text">{item.minutes}</div>
        </details>
      )}
      {item.notedPoints.length > 0 && (
        <section class="noted">
          <h4>Noted points</h4>
          <ul>
            {item.notedPoints.map((point, i) => (
              <li key={i}>{point}</li>
            ))}
          </ul>
        </section>
      )}
      {item.clauses.length > 0 && (
        <section class="clauses">
          <h4>Resolutions</h4>
          <ol class="clause-list">
            {item.clauses.map((clause, index) => {
              const key = clauseKey({ ...itemRef, clauseIndex: index });
              const annotation = savedClauses.get(key);
              const clauseName = `clause ${clause.label ?? index + 1} of ${name}`;
              return (
                <li key={key} class="clause">
                  <span class="clause-label">{clause.label ?? '•'}</span> <span class="clause-text">{clause.text}</span>{' '}
                  <span class="outcome">{outcomeOf(clause)}</span> <ClauseOrigin clause={clause} />
                  {actions && (
                    <span class="clause-actions">
                      {annotation ? (
                        <SavedMark />
                      ) : (
                        <button type="button" class="small" onClick={() => actions.saveClause(itemKey, index)}>
                          Save clause<span class="visually-hidden"> {clause.label ?? index + 1} of {name}</span>
                          {cutNote(item)}
                        </button>
                      )}
                      {actions.copyCitation && <CiteButton label={clauseName} onClick={() => actions.copyCitation?.(itemKey, index)} />}
                      {(annotation || editing === index) && (
                        <AnnotationForm label={clauseName} annotation={annotation ?? null} {...formState(index)} onSave={(a) => actions.annotateClause(itemKey, index, a)} />
                      )}
                    </span>
                  )}
                </li>
              );
            })}
          </ol>
        </section>
      )}
    </>
  );
  // Procedural items (apologies, minutes, declarations…) are folded: open one to read or save it.
  return item.procedural ? (
    <article class="item procedural" aria-labelledby={`item-${itemKey}`}>
      <details>
        <summary>
          {heading}
          <span class="procedural-mark">procedural</span>
        </summary>
        {body}
      </details>
    </article>
  ) : (
    <article class="item" aria-labelledby={`item-${itemKey}`}>
      {heading}
      {body}
    </article>
  );
}
