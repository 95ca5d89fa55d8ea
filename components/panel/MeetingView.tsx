import { useMemo } from 'preact/hooks';
import { itemKey, itemRefOf } from '@/lib/library/identity';
import type { SavedState } from '@/lib/library/queries';
import type { SaveReport } from '@/lib/library/save';
import type { MeetingRecord } from '@/lib/moderngov/schema';
import { ItemCard, type ItemActions } from './ItemCard';
import { MeetingHeader } from './MeetingHeader';
import { UpdatePreview } from './UpdatePreview';
import { useRevealed } from './useRevealed';

export interface MeetingActions extends ItemActions {
  /** `includeCut`: also save items whose minutes are cut short and could not be completed. */
  saveMeeting(includeCut: boolean): void;
  /** Asks what "Update saved copy" would change; the answer comes back as `preview`. */
  previewUpdate(): void;
  applyUpdate(): void;
  cancelUpdate(): void;
}

interface Props {
  record: MeetingRecord;
  saved: SavedState | null;
  actions: MeetingActions;
  /** True while truncated minutes are being fetched: saving waits for the full text. */
  completing: boolean;
  /** What the update would change, while the researcher decides. */
  preview: SaveReport | null;
}

const itemLabel = (item: { number: string | null; title: string }) => item.number ?? item.title;

export function MeetingView({ record, saved, actions, completing, preview }: Props) {
  const shown = useRevealed(record.items.length);
  // The same elements from one frame to the next: Preact skips the items already rendered.
  const cards = useMemo(
    () =>
      record.items.map((item, index) => {
        const ref = itemRefOf(record, item, index);
        return (
          <ItemCard
            key={ref.itemKey}
            item={item}
            itemRef={ref}
            saved={saved?.items.get(itemKey(ref))}
            savedClauses={saved?.clauses ?? new Map()}
            actions={completing ? null : actions}
          />
        );
      }),
    [record, saved, actions, completing],
  );
  const procedural = record.items.filter((item) => item.procedural).length;
  const changed = saved?.meeting && saved.meeting.contentHash !== record.contentHash;
  const whole = saved?.meeting?.whole === 1;
  const cut = completing ? [] : record.items.filter((item) => item.minutesTruncated);
  const complete = record.items.length - cut.length;
  return (
    <section aria-label="Meeting" aria-busy={shown < cards.length || undefined}>
      <MeetingHeader record={record} />
      <div class="meeting-actions">
        {whole && !changed ? (
          <span class="saved-mark">✓ Meeting saved</span>
        ) : (
          !whole &&
          (cut.length === 0 ? (
            <button type="button" onClick={() => actions.saveMeeting(false)} disabled={completing}>
              Save meeting ({record.items.length} items)
            </button>
          ) : (
            <>
              <p class="hint">
                The minutes of item {cut.map(itemLabel).join(', ')} are cut short on the page and could not be completed. A complete copy already saved
                is kept either way.
              </p>
              <button type="button" onClick={() => actions.saveMeeting(false)}>
                Save meeting ({complete} complete items)
              </button>{' '}
              <button type="button" onClick={() => actions.saveMeeting(true)}>
                Save meeting with cut-short minutes ({record.items.length} items)
              </button>
            </>
          ))
        )}
        {changed && !preview && (
          <p class="changed">
            Changed since saved.{' '}
            <button type="button" onClick={actions.previewUpdate} disabled={completing}>
              Update saved copy
            </button>
          </p>
        )}
        {preview && <UpdatePreview report={preview} apply={actions.applyUpdate} cancel={actions.cancelUpdate} />}
      </div>
      {record.warnings.length > 0 && (
        <ul class="warnings" aria-label="What the page lacked">
          {record.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      {procedural > 0 && (
        <p class="hint">
          {procedural === 1 ? '1 procedural item is' : `${procedural} procedural items are`} folded (apologies, minutes, declarations and the
          like); open one to read or save it.
        </p>
      )}
      {cards.slice(0, shown)}
    </section>
  );
}
