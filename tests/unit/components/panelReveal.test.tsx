import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { PagePanel } from '@/components/panel/PagePanel';
import { FIRST_ROWS } from '@/components/panel/useRevealed';
import { fakeMeetingActions, mountPoint } from '../../support/mountPoint';
import { item, meeting } from '../../support/records';

const mounted = mountPoint();

function show(record = meeting()) {
  const tabState = { url: record.meeting.url, extraction: record, completing: false, failures: [] };
  act(() => render(<PagePanel tabState={tabState} saved={null} actions={fakeMeetingActions()} notice={null} openLibrary={vi.fn()} readSite={null} />, mounted.root));
}

const longMeeting = (n: number, id = '7105') =>
  meeting({ id, items: Array.from({ length: n }, (_, i) => item(String(i + 1), `Item title ${i + 1}`, [['(i)', `That item ${i + 1} be noted.`]])) });
const items = () => mounted.root.querySelectorAll('.item');
const section = () => mounted.root.querySelector('section[aria-label="Meeting"]');

describe('a long meeting in the side panel', () => {
  it('renders its first items at once, with their content, and the rest in the following frames', async () => {
    show(longMeeting(100));
    expect(mounted.root.querySelector('[role="status"]')?.textContent).toBe('Found 100 items.');
    expect(mounted.root.querySelector('button')?.textContent).toBe('Open library');
    expect(items()).toHaveLength(FIRST_ROWS);
    expect(items()[0]?.querySelector('h3')?.textContent).toBe('1. Item title 1');
    expect(items()[0]?.querySelector('.clause-text')?.textContent).toBe('That item 1 be noted.');
    expect(section()?.getAttribute('aria-busy')).toBe('true');
    const first = items()[0];

    await vi.waitFor(() => expect(items()).toHaveLength(100));
    expect(Array.from(items(), (el) => el.querySelector('h3')?.textContent)).toEqual(Array.from({ length: 100 }, (_, i) => `${i + 1}. Item title ${i + 1}`));
    expect(mounted.root.querySelectorAll('.clause')).toHaveLength(100);
    // Items already shown are kept, not rebuilt, as more are added.
    expect(items()[0]).toBe(first);
    expect(section()?.hasAttribute('aria-busy')).toBe(false);
  });

  it('renders a short meeting whole, not busy', () => {
    show();
    expect(items()).toHaveLength(3);
    expect(section()?.hasAttribute('aria-busy')).toBe(false);
  });

  it('starts again from the first items on another meeting page', async () => {
    show(longMeeting(60));
    await vi.waitFor(() => expect(items()).toHaveLength(60));
    show(longMeeting(60, '7106'));
    expect(items()).toHaveLength(FIRST_ROWS);
    await vi.waitFor(() => expect(items()).toHaveLength(60));
  });
});
