import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { PagePanel, type PanelProps } from '@/components/panel/PagePanel';
import { clauseKey, itemKey } from '@/lib/library/identity';
import type { SavedState } from '@/lib/library/queries';
import { fakeMeetingActions, mountPoint } from '../../support/mountPoint';
import { item, meeting } from '../../support/records';

const mounted = mountPoint();
const HOST = 'www.southampton.gov.uk';

function show(props: Partial<PanelProps>) {
  const full: PanelProps = { tabState: null, saved: null, actions: fakeMeetingActions(), notice: null, openLibrary: vi.fn(), readSite: null, ...props };
  act(() => render(<PagePanel {...full} />, mounted.root));
  return full;
}

const state = (record = meeting()) => ({ url: record.meeting.url, extraction: record, completing: false, failures: [] });
const buttons = () => Array.from(mounted.root.querySelectorAll('button')).map((b) => b.textContent);
const status = () => mounted.root.querySelector('[role="status"]')?.textContent;

describe('side panel', () => {
  it('says when the tab is not a council page, with a hint and the site permission offer', () => {
    const readSite = vi.fn();
    show({ tabState: null, readSite });
    expect(status()).toBe('Not a council meeting page.');
    expect(mounted.root.textContent).toContain('ieListDocuments.aspx');
    const offer = Array.from(mounted.root.querySelectorAll('button')).find((b) => b.textContent === "Read this site's pages");
    offer?.click();
    expect(readSite).toHaveBeenCalledOnce();
    expect(mounted.root.querySelectorAll('h1')).toHaveLength(1);
  });

  it('says it is reading, then shows the meeting: header, items, clauses', () => {
    show({ tabState: 'reading' });
    expect(status()).toBe('Reading the page…');
    show({ tabState: state() });
    expect(status()).toBe('Found 3 items.');
    expect(mounted.root.querySelector('.meeting-header h2')?.textContent).toBe('Children and Families Scrutiny Panel');
    expect(mounted.root.querySelector('.meeting-header')?.textContent).toContain('Thursday, 3 November 2016, 5.30 pm');
    expect(Array.from(mounted.root.querySelectorAll('.item h3')).map((h) => h.textContent)).toEqual([
      '5. Child Sexual Exploitation in Southampton - Update',
      '6. Elective Home Education and Safeguarding Arrangements',
      '8. Monitoring Scrutiny Recommendations',
    ]);
    expect(Array.from(mounted.root.querySelectorAll('.clause-label')).map((l) => l.textContent)).toEqual(['(i)', '(ii)', '(i)']);
  });

  it('folds procedural items, and says where each clause came from', () => {
    const record = meeting({
      items: [
        item('1', 'Apologies for Absence'),
        item('2', 'Home to School Transport Policy', [['(a)', 'That the policy be approved.']]),
      ],
    });
    const exempt = { ...record.items[1]!.clauses[0]!, label: '(b)', text: 'The resolution is set out in a minute exempt from publication.', keyword: 'It was resolved', section: 'decision' as const, exempt: true };
    record.items[1]!.clauses.push(exempt);
    show({ tabState: state(record) });
    const folded = mounted.root.querySelector('.item.procedural details');
    expect(folded?.hasAttribute('open')).toBe(false);
    expect(folded?.querySelector('summary')?.textContent).toBe('1. Apologies for Absenceprocedural');
    expect(mounted.root.querySelectorAll('.item.procedural')).toHaveLength(1);
    expect(Array.from(mounted.root.querySelectorAll('.clause-origin')).map((o) => o.textContent)).toEqual([
      '“RESOLVED”, in the minutes',
      '“It was resolved”, in the decision · exempt: the decision is in a confidential minute',
    ]);
  });

  it('calls save for the meeting, an item and a clause, and marks what is saved', () => {
    const props = show({ tabState: state() });
    const click = (label: string) => Array.from(mounted.root.querySelectorAll('button')).find((b) => b.textContent === label)?.click();
    click('Save meeting (3 items)');
    click('Save item 5');
    click('Save clause (ii) of item 5');
    expect(props.actions.saveMeeting).toHaveBeenCalledWith(false);
    expect(props.actions.saveItem).toHaveBeenCalledWith('15');
    expect(props.actions.saveClause).toHaveBeenCalledWith('15', 1);

    const record = meeting();
    const saved: SavedState = {
      meeting: null,
      items: new Map([[itemKey({ host: HOST, meetingId: '7105', itemKey: '16' }), { tags: ['ehe'], note: '' }]]),
      clauses: new Map([
        [
          clauseKey({ host: HOST, meetingId: '7105', itemKey: '15', clauseIndex: 1 }),
          { tags: [], note: 'check', ref: { host: HOST, meetingId: '7105', itemKey: '15', clauseIndex: 1 }, label: '(ii)', text: 'That officers explore…' },
        ],
      ]),
    };
    show({ tabState: state(record), saved });
    expect(mounted.root.querySelectorAll('.saved-mark')).toHaveLength(2);
    expect(mounted.root.textContent).toContain('Tags: ehe');
    expect(mounted.root.textContent).toContain('Note: check');
  });

  it('says "changed since saved" when the page hash differs, and shows what the update will change before it is applied', () => {
    const record = meeting();
    const savedMeeting = { whole: 1 as const, contentHash: 'older' } as unknown as NonNullable<SavedState['meeting']>;
    const props = show({ tabState: state(record), saved: { meeting: savedMeeting, items: new Map(), clauses: new Map() } });
    expect(mounted.root.textContent).toContain('Changed since saved.');
    Array.from(mounted.root.querySelectorAll('button')).find((b) => b.textContent === 'Update saved copy')?.click();
    expect(props.actions.previewUpdate).toHaveBeenCalledOnce();

    const preview = {
      added: ['clause (iii) of item 5'],
      changed: ['clause (ii) of item 5 (was (i))'],
      gone: ['clause (iv) of item 6 (kept, with its tags and note)'],
      annotationsKept: ['clause (ii) of item 5 (they follow the clause from place 1 to 2)'],
      keptComplete: [],
      leftOutCut: [],
      skippedDeleted: ['item 8'],
      keptFuller: [],
    };
    show({ tabState: state(record), saved: { meeting: savedMeeting, items: new Map(), clauses: new Map() }, actions: props.actions, preview });
    const shown = mounted.root.querySelector('[aria-label="What the update will change"]');
    expect(Array.from(shown?.querySelectorAll('dt, dd') ?? []).map((e) => e.textContent)).toEqual([
      'Added', 'clause (iii) of item 5',
      'Changed on the page', 'clause (ii) of item 5 (was (i))',
      'No longer on the page, kept and marked', 'clause (iv) of item 6 (kept, with its tags and note)',
      'Tags and notes kept on', 'clause (ii) of item 5 (they follow the clause from place 1 to 2)',
      'Not brought back: you deleted', 'item 8',
    ]);
    // Nothing is written until the researcher applies it.
    expect(props.actions.applyUpdate).not.toHaveBeenCalled();
    Array.from(shown?.querySelectorAll('button') ?? []).find((b) => b.textContent === 'Apply update')?.click();
    expect(props.actions.applyUpdate).toHaveBeenCalledOnce();
  });

  it('holds saving back while truncated minutes are fetched, and reports failures as partial', () => {
    const record = meeting({ items: [item('5', 'CSE', [], { minutesTruncated: true, minutes: 'cut' })] });
    show({ tabState: { ...state(record), completing: true } });
    expect(status()).toBe("Found 1 item. Fetching the full minutes of item 5 from the council's site…");
    expect(mounted.root.querySelector('button[disabled]')?.textContent).toBe('Save meeting (1 items)');
    expect(buttons()).not.toContain('Save item 5');
    show({ tabState: { ...state(record), failures: [{ itemNumber: '5', url: 'https://x/mgAi.aspx?ID=1', reason: 'The council’s site answered 500' }] } });
    expect(status()).toContain('Partial: the full minutes of item 5 could not be fetched');
  });

  it('renders hostile page text as text, and no link to a non-http(s) address', () => {
    const record = meeting({
      items: [
        item('1', '<img src=x onerror="window.pwned=1">Title', [['(i)', '<script>window.pwned=1</script>=HYPERLINK("x")']], {
          documents: [{ title: 'Report', url: 'javascript:alert(1)' }],
        }),
      ],
    });
    show({ tabState: state(record) });
    expect(mounted.root.querySelector('img, script')).toBeNull();
    expect(mounted.root.querySelector('.item h3')?.textContent).toBe('1. <img src=x onerror="window.pwned=1">Title');
    expect(mounted.root.querySelector('.clause-text')?.textContent).toBe('<script>window.pwned=1</script>=HYPERLINK("x")');
    expect(mounted.root.querySelector('.documents a')).toBeNull();
    expect(mounted.root.querySelector('.documents')?.textContent).toContain('Report (not a web address: link not shown)');
  });

  it('shows an error notice in the status region', () => {
    show({ tabState: state(), notice: { message: 'The disk is full: nothing was saved and the library is unchanged.', tone: 'error' } });
    expect(mounted.root.querySelector('[role="status"].status-error')?.textContent).toContain('The disk is full');
  });
});
