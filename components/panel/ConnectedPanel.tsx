import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { referenceOfMeetingItem } from '@/lib/cite/fromPage';
import { collectMeetings, meetingsBetween, type CollectProgress } from '@/lib/collect/collectMeetings';
import { clauseKey, itemKeyOf, meetingIdOf } from '@/lib/library/identity';
import { meetingOfItemPage } from '@/lib/library/itemPage';
import type { Annotation } from '@/lib/library/queries';
import type { SaveOptions, SaveReport, Selection } from '@/lib/library/save';
import type { PanelServices, ShownPage } from '@/lib/platform/panelServices';
import type { TabState } from '@/lib/tabs/tabState';
import { copyCitation } from '../cite/copyCitation';
import { StylePicker, useCitationStyle } from '../cite/StylePicker';
import { errorMessage } from '../errorMessage';
import { UpgradeNotice } from '../UpgradeNotice';
import { CollectForm } from './CollectForm';
import type { MeetingActions } from './MeetingView';
import { PagePanel, type PanelProps } from './PagePanel';
import { REPORT_PARTS } from './UpdatePreview';
import { useSavedState } from './useSavedState';

/** The side panel wired to the browser and the library: follows the active tab, saves picks. */
export function ConnectedPanel({ services }: { services: PanelServices }) {
  const [tab, setTab] = useState<ShownPage['tab']>(null);
  const [tabState, setTabState] = useState<TabState | null | 'reading'>('reading');
  const [notice, setNotice] = useState<PanelProps['notice']>(null);
  const [preview, setPreview] = useState<SaveReport | null>(null);

  const shown = useRef('');
  // Subscribed before the first paint, not after it as with useEffect: a page read while the
  // panel was loading is shown in the first frame.
  useLayoutEffect(
    () =>
      services.watchPage(({ tab: current, state }) => {
        // A new page, or a new reading of it, replaces the last action's notice.
        const identity = JSON.stringify([current?.id, current?.url, state?.url, state?.extraction.kind, state?.completing]);
        if (identity !== shown.current) {
          setNotice(null);
          setPreview(null);
        }
        shown.current = identity;
        setTab(current);
        setTabState(state);
      }),
    [services],
  );

  const extraction = tabState && tabState !== 'reading' ? tabState.extraction : null;
  // An agenda-item or decision page is saved as a meeting of one item (its item's own page).
  const itemPage = extraction?.kind === 'item' || extraction?.kind === 'decision' ? extraction : null;
  const fromItemPage = useMemo(() => (itemPage ? meetingOfItemPage(itemPage) : null), [itemPage]);
  const meeting = extraction?.kind === 'meeting' ? extraction : fromItemPage;
  const from = itemPage?.kind ?? 'meeting';
  const host = meeting?.council.host ?? '';
  const meetingId = meeting ? meetingIdOf(meeting) : '';
  const saved = useSavedState(services.library, meeting);

  const fail = (error: unknown) => setNotice({ message: errorMessage(error), tone: 'error' });
  /** A save's notice: what was done, then anything kept back or kept over the page, line by line. */
  const save = (selection: Selection, done: string, options: SaveOptions = {}) => {
    if (!meeting) return;
    services
      .library()
      .then((library) => library.save(meeting, selection, { ...options, from }))
      .then((report) => {
        const kept = REPORT_PARTS.filter(([key]) => key !== 'annotationsKept' && report[key].length > 0).map(([key, title]) => `${title}: ${report[key].join('; ')}.`);
        // A disk nearly full is said with the save, which still went ahead.
        if (report.spaceWarning) setNotice({ message: `${done} ${report.spaceWarning}`, tone: 'error', details: kept });
        else setNotice({ message: done, tone: 'info', details: kept });
      }, fail);
  };
  const found = (itemKey: string) => meeting?.items.find((item, index) => itemKeyOf(item, index) === itemKey);
  const itemName = (itemKey: string) => {
    const item = found(itemKey);
    return item?.number ? `item ${item.number}` : 'the item';
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
  /** How an error names the item when it is gone from the library: "Item 5". */
  const itemSubject = (itemKey: string) => {
    const name = itemName(itemKey);
    return name.charAt(0).toUpperCase() + name.slice(1);
  };
  /** An annotation written, or the reason it was not (deleted in another tab): true when written. */
  const annotate = (work: () => Promise<void>) =>
    work().then(
      () => {
        setNotice({ message: 'Saved tags and note.', tone: 'info' });
        return true;
      },
      (error: unknown) => {
        fail(error);
        return false;
      },
    );
  const cutOf = (itemKey: string) => ({ includeCut: found(itemKey)?.minutesTruncated === true });
  const actions: MeetingActions = {
    saveMeeting: (includeCut) => save({ scope: 'meeting' }, `Saved the meeting: ${meeting?.items.length ?? 0} items.`, { includeCut }),
    previewUpdate: () => {
      if (!meeting) return;
      services
        .library()
        .then((library) => library.previewUpdate(meeting))
        .then(setPreview, fail);
    },
    applyUpdate: () => {
      setPreview(null);
      save({ scope: 'saved' }, 'Updated the saved copy to the page as it is now.');
    },
    cancelUpdate: () => setPreview(null),
    saveItem: (itemKey) => save({ scope: 'item', itemKey }, `Saved ${itemName(itemKey)}.`, cutOf(itemKey)),
    saveClause: (itemKey, clauseIndex) => save({ scope: 'clause', itemKey, clauseIndex }, `Saved a clause of ${itemName(itemKey)}.`, cutOf(itemKey)),
    annotateItem: (itemKey, a: Annotation) =>
      annotate(async () => (await services.library()).annotateItem({ host, meetingId, itemKey }, a, itemSubject(itemKey))),
    annotateClause: (itemKey, clauseIndex, a: Annotation) => {
      const clause = found(itemKey)?.clauses[clauseIndex] ?? { label: null, text: '' };
      // The saved clause this page clause matches (by label and text), or, gone meanwhile, the page's own.
      const target = saved.value?.clauses.get(clauseKey({ host, meetingId, itemKey, clauseIndex })) ?? { ref: { host, meetingId, itemKey, clauseIndex }, ...clause };
      const name = `Clause ${clause.label ?? clauseIndex + 1} of ${itemName(itemKey)}`;
      return annotate(async () => (await services.library()).annotateClause(target.ref, target, a, name));
    },
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
        readMeeting: (url, signal) => services.collectMeeting(tab.id, url, signal),
        savedHash: async (host, meetingId) => (await services.library()).savedHash({ host, meetingId }),
        // Batch collection leaves out what the researcher deleted and cut-short minutes (reported as failures).
        save: async (record) => (await services.library()).save(record, { scope: 'meeting' }, { respectDeletions: true }),
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
    <>
      {services.upgrade && <UpgradeNotice watch={services.upgrade} />}
      <PagePanel
        tabState={tabState}
        saved={saved.value ?? null}
        actions={actions}
        preview={preview}
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
    </>
  );
}
