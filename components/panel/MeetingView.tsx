import { useMemo } from 'preact/hooks';
import { itemKeyOf } from '@/lib/library/keys';
import type { SavedState } from '@/lib/library/queries';
import type { MeetingRecord } from '@/lib/moderngov/schema';
import { ItemCard, type ItemActions } from './ItemCard';
import { MeetingHeader } from './MeetingHeader';
import { useRevealed } from './useRevealed';

export interface MeetingActions extends ItemActions {
  saveMeeting(): void;
  updateMeeting(): void;
}

interface Props {
  record: MeetingRecord;
  saved: SavedState | null;
  actions: MeetingActions;
  /** True while truncated minutes are being fetched: saving waits for the full text. */
  completing: boolean;
}

export function MeetingView({ record, saved, actions, completing }: Props) {
  const shown = useRevealed(record.items.length);
  // The same elements from one frame to the next: Preact skips the items already rendered.
  const cards = useMemo(
    () =>
      record.items.map((item, index) => {
        const key = itemKeyOf(item, index);
        return (
          <ItemCard
            key={key}
            item={item}
            itemKey={key}
            saved={saved?.items.get(key)}
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
  return (
    <section aria-label="Meeting" aria-busy={shown < cards.length || undefined}>
      <MeetingHeader record={record} />
      <div class="meeting-actions">
        {whole && !changed ? (
          <span class="saved-mark">✓ Meeting saved</span>
        ) : (
          !whole && (
            <button type="button" onClick={actions.saveMeeting} disabled={completing}>
              Save meeting ({record.items.length} items)
            </button>
          )
        )}
        {changed && (
          <p class="changed">
            Changed since saved.{' '}
            <button type="button" onClick={actions.updateMeeting} disabled={completing}>
              Update saved copy
            </button>
          </p>
        )}
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
