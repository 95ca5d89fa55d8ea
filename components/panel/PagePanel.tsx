import type { ComponentChildren } from 'preact';
import type { SavedState } from '@/lib/library/queries';
import type { SaveReport } from '@/lib/library/save';
import type { TabState } from '@/lib/tabs/tabState';
import { MeetingView, type MeetingActions } from './MeetingView';
import { OtherPageView } from './OtherPageView';
import { StatusRegion } from './StatusRegion';

export interface PanelProps {
  /** 'reading' until the tab's state is known; null when the tab's page was not read. */
  tabState: TabState | null | 'reading';
  saved: SavedState | null;
  actions: MeetingActions;
  /** What "Update saved copy" would change, while it is being decided. */
  preview?: SaveReport | null;
  /** The last action's outcome ("Saved item 5", an error). */
  notice: { message: string; tone: 'info' | 'error'; details?: string[] } | null;
  openLibrary(): void;
  /** Offered on http(s) pages that were not read: asks to read this site's pages. */
  readSite: (() => void) | null;
  /** The batch-collection form, shown on a committee's meeting list. */
  collect?: ComponentChildren;
  /** The citation style picker, shown on meeting pages. */
  citeStyle?: ComponentChildren;
}

const HINT =
  'Open a council committee page published with ModernGov — an "Agenda and minutes" page, whose address contains ieListDocuments.aspx.';

function pageStatus(tabState: PanelProps['tabState']): { message: string; tone: 'info' | 'error' } {
  if (tabState === 'reading') return { message: 'Reading the page…', tone: 'info' };
  if (tabState === null) return { message: 'Not a council meeting page.', tone: 'info' };
  const { extraction, completing, failures } = tabState;
  if (extraction.kind === null) return { message: extraction.reason, tone: 'info' };
  const note = tabState.note ? ` ${tabState.note}` : '';
  if (extraction.kind !== 'meeting') return { message: `Found a ModernGov ${extraction.kind} page.${note}`, tone: 'info' };
  const n = extraction.items.length;
  const found = `Found ${n} item${n === 1 ? '' : 's'}.`;
  if (completing) {
    const cut = extraction.items.filter((i) => i.minutesTruncated).map((i) => i.number ?? i.title);
    return { message: `${found} Fetching the full minutes of item ${cut.join(', ')} from the council's site…`, tone: 'info' };
  }
  if (failures.length) {
    return { message: `${found} Partial: the full minutes of item ${failures.map((f) => f.itemNumber ?? '?').join(', ')} could not be fetched (${failures[0]?.reason}).`, tone: 'error' };
  }
  if (note) return { message: `${found}${note}`, tone: 'info' };
  if (extraction.warnings.length) return { message: `${found} Partial: ${extraction.warnings.join(' ')}`, tone: 'info' };
  return { message: found, tone: 'info' };
}

export function PagePanel({ tabState, saved, actions, preview = null, notice, openLibrary, readSite, collect, citeStyle }: PanelProps) {
  const status = notice ?? pageStatus(tabState);
  const extraction = tabState && tabState !== 'reading' ? tabState.extraction : null;
  return (
    <main class="panel">
      <div class="panel-top">
        <h1>Council Minutes</h1>
        <button type="button" onClick={openLibrary}>
          Open library
        </button>
      </div>
      <StatusRegion message={status.message} tone={status.tone} />
      {notice?.details && notice.details.length > 0 && (
        <ul class="change-list" aria-label="What was kept">
          {notice.details.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {citeStyle}
      {(tabState === null || extraction?.kind === null) && (
        <div class="hint">
          <p>{HINT}</p>
          {readSite && (
            <p>
              Council site on unusual addresses?{' '}
              <button type="button" onClick={readSite}>
                Read this site's pages
              </button>
            </p>
          )}
        </div>
      )}
      {extraction?.kind === 'meeting' && tabState && tabState !== 'reading' && (
        // Keyed by the page: another meeting starts again from its first items.
        <MeetingView key={tabState.url} record={extraction} saved={saved} actions={actions} completing={tabState.completing} preview={preview} />
      )}
      {extraction && extraction.kind !== null && extraction.kind !== 'meeting' && <OtherPageView record={extraction} collect={collect} saved={saved} actions={actions} />}
    </main>
  );
}
