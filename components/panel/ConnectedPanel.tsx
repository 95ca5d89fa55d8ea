import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { referenceOfMeetingItem } from '@/lib/cite/fromPage';
import { collectMeetings, meetingsBetween, type CollectProgress } from '@/lib/collect/collectMeetings';
import { itemKeyOf, meetingKeyOf } from '@/lib/library/keys';
import { annotateClause, annotateItem, type Annotation } from '@/lib/library/queries';
import { saveSelection, type Selection } from '@/lib/library/save';
import type { PanelServices, ShownPage } from '@/lib/platform/panelServices';
import type { TabState } from '@/lib/tabs/tabState';
import { copyCitation } from '../cite/copyCitation';
import { StylePicker, useCitationStyle } from '../cite/StylePicker';
import { errorMessage } from '../errorMessage';
import { CollectForm } from './CollectForm';
import type { MeetingActions } from './MeetingView';
import { PagePanel } from './PagePanel';
import { useSavedState } from './useSavedState';

/** The side panel wired to the browser and the library: follows the active tab, saves picks. */
export function ConnectedPanel({ services }: { services: PanelServices }) {
  const [tab, setTab] = useState<ShownPage['tab']>(null);
  const [tabState, setTabState] = useState<TabState | null | 'reading'>('reading');
  const [notice, setNotice] = useState<{ message: string; tone: 'info' | 'error' } | null>(null);

  const shown = useRef('');
  // Subscribed before the first paint, not after it as with useEffect: a page read while the
  // panel was loading is shown in the first frame.
  useLayoutEffect(
    () =>
      services.watchPage(({ tab: current, state }) => {
        // A new page, or a new reading of it, replaces the last action's notice.
        const identity = JSON.stringify([current?.id, current?.url, state?.url, state?.extraction.kind, state?.completing]);
        if (identity !== shown.current) setNotice(null);
        shown.current = identity;
        setTab(current);
        setTabState(state);
      }),
    [services],
  );

  const meeting = tabState && tabState !== 'reading' && tabState.extraction.kind === 'meeting' ? tabState.extraction : null;
  const host = meeting?.council.host ?? '';
  const meetingId = meeting ? meetingKeyOf(meeting) : '';
  const saved = useSavedState(services.library, host, meeting ? meetingId : null);

  const run = (done: string, work: () => Promise<unknown>) => {
    work().then(
      () => setNotice({ message: done, tone: 'info' }),
      (error: unknown) => setNotice({ message: errorMessage(error), tone: 'error' }),
    );
  };
  const save = (selection: Selection, done: string) => {
    if (meeting) run(done, async () => saveSelection(await services.library(), meeting, selection));
  };
  const itemName = (itemKey: string) => {
    const found = meeting?.items.find((item, index) => itemKeyOf(item, index) === itemKey);
    return found?.number ? `item ${found.number}` : 'the item';
  };
  const [citeStyle, setCiteStyle] = useCitationStyle();
  const cite = (itemKey: string, clauseIndex: number | null) => {
    const index = meeting?.items.findIndex((item, i) => itemKeyOf(item, i) === itemKey) ?? -1;
    // Retrieved now: the panel shows the page as it is open in the tab.
    const ref = meeting && referenceOfMeetingItem(meeting, index, clauseIndex, new Date().toISOString());
    if (!ref) return;
    setNotice({ message: 'Formatting the citation…', tone: 'info' });
    copyCitation(ref, citeStyle).then(setNotice, (error: unknown) =>
      setNotice({ message: `Could not format the citation: ${error instanceof Error ? error.message : String(error)}`, tone: 'error' }),
    );
  };
  const actions: MeetingActions = {
    saveMeeting: () => save({ scope: 'meeting' }, `Saved the meeting: ${meeting?.items.length ?? 0} items.`),
    updateMeeting: () => save({ scope: 'saved' }, 'Updated the saved copy to the page as it is now.'),
    saveItem: (itemKey) => save({ scope: 'item', itemKey }, `Saved ${itemName(itemKey)}.`),
    saveClause: (itemKey, clauseIndex) => save({ scope: 'clause', itemKey, clauseIndex }, `Saved a clause of ${itemName(itemKey)}.`),
    annotateItem: (itemKey, a: Annotation) =>
      run('Saved tags and note.', async () => annotateItem(await services.library(), [host, meetingId, itemKey], a.tags, a.note)),
    annotateClause: (itemKey, clauseIndex, a: Annotation) =>
      run('Saved tags and note.', async () => annotateClause(await services.library(), [host, meetingId, itemKey, clauseIndex], a.tags, a.note)),
    copyCitation: cite,
  };
  const [collecting, setCollecting] = useState<{ progress: CollectProgress | null; abort: AbortController | null }>({ progress: null, abort: null });
  const list = tabState && tabState !== 'reading' && tabState.extraction.kind === 'meeting-list' ? tabState.extraction : null;
  const startCollecting = (from: string, to: string, recheckSaved: boolean) => {
    if (!list || !tab) return;
    const abort = new AbortController();
    setCollecting({ progress: null, abort });
    collectMeetings(
      meetingsBetween(list.meetings, from, to),
      {
        readMeeting: (url) => services.collectMeeting(tab.id, url),
        savedHash: async (host, meetingId) => {
          const saved = await (await services.library()).meetings.get([host, meetingId]);
          return saved?.whole === 1 ? saved.contentHash : null;
        },
        save: async (record) => saveSelection(await services.library(), record, { scope: 'meeting' }),
      },
      { host: list.council.host, recheckSaved, signal: abort.signal, onProgress: (progress) => setCollecting((c) => ({ ...c, progress })) },
    ).then(
      () => setCollecting((c) => ({ ...c, abort: null })),
      (error: unknown) => {
        setCollecting((c) => ({ ...c, abort: null }));
        setNotice({ message: errorMessage(error), tone: 'error' });
      },
    );
  };
  const readable = tab?.url && /^https?:/.test(tab.url) && (tabState === null || (tabState !== 'reading' && tabState.extraction.kind === null));
  return (
    <PagePanel
      tabState={tabState}
      saved={saved.value ?? null}
      actions={actions}
      notice={saved.error ? { message: errorMessage(saved.error), tone: 'error' } : notice}
      openLibrary={services.openLibrary}
      citeStyle={meeting && <StylePicker style={citeStyle} onChange={setCiteStyle} />}
      collect={
        list && (
          <CollectForm
            meetings={list.meetings}
            progress={collecting.progress}
            running={collecting.abort !== null}
            start={startCollecting}
            cancel={() => collecting.abort?.abort()}
          />
        )
      }
      readSite={
        readable && tab?.url
          ? () => {
              const url = tab.url as string;
              // Once granted, the page's own reading replaces the status; only a refusal needs saying.
              services.readSite(tab.id, url).then(
                (granted) => granted || setNotice({ message: 'Permission was not given: this site’s pages are not read.', tone: 'info' }),
                (error: unknown) => setNotice({ message: errorMessage(error), tone: 'error' }),
              );
            }
          : null
      }
    />
  );
}
