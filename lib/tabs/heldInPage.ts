import type { Extraction } from '../moderngov/schema';
import type { TabState } from './tabState';

/** What the panel says about a page whose reading is too large for `storage.session` (10 MB in all). */
export function heldInPageNote(bytes: number): string {
  return `This page is too large (${(bytes / 1e6).toFixed(1)} MB read) to keep in the browser's session storage: the panel reads it from the open tab, so keep the tab open while you save from it.`;
}

/** The page's reading without its long lists, small enough to store: what it is, its council and
 * meeting, and the note saying where the whole reading is. */
function withoutLists(extraction: Extraction, note: string): Extraction {
  if (extraction.kind === null) return extraction;
  const warnings = [...extraction.warnings, note];
  switch (extraction.kind) {
    case 'meeting':
      return { ...extraction, items: [], attendance: [], warnings };
    case 'meeting-list':
    case 'issue':
      return { ...extraction, meetings: [], warnings };
    case 'decision-list':
      return { ...extraction, decisions: [], warnings };
    case 'committee-list':
      return { ...extraction, committees: [], warnings };
    default:
      return { ...extraction, warnings };
  }
}

/** The state to store when the whole one does not fit: the reading stays in the tab's content
 * script, which the panel asks for it (`inPage`), and the note says so. */
export function heldInPageState(state: TabState): TabState {
  const note = heldInPageNote(new TextEncoder().encode(JSON.stringify(state.extraction)).byteLength);
  return { ...state, extraction: withoutLists(state.extraction, note), inPage: true, note };
}
