import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, vi } from 'vitest';
import type { MeetingActions } from '@/components/panel/MeetingView';

/** A fresh element in the page for each test of a view, read through the returned object (it
 * changes from test to test); what was rendered into it is unmounted after each test. */
export function mountPoint(): { readonly root: HTMLElement } {
  let root: HTMLElement;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    act(() => render(null, root));
    root.remove();
  });
  return {
    get root() {
      return root;
    },
  };
}

/** Panel actions that only record their calls. */
export function fakeMeetingActions(): MeetingActions {
  return {
    saveMeeting: vi.fn(),
    previewUpdate: vi.fn(),
    applyUpdate: vi.fn(),
    cancelUpdate: vi.fn(),
    saveItem: vi.fn(),
    saveClause: vi.fn(),
    annotateItem: vi.fn(async () => true),
    annotateClause: vi.fn(async () => true),
  };
}
