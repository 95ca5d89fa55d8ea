import type { Extraction } from './schema';

/** What the toolbar says about a page: a badge count, a title, and whether it is a page the extension reads. */
export interface ToolbarSummary {
  badge: string;
  title: string;
  /** The toolbar shows the recognised icon (some ModernGov pages, e.g. committee lists, have no count). */
  recognised: boolean;
}

export function toolbarSummary(extraction: Extraction): ToolbarSummary {
  return { ...badgeAndTitle(extraction), recognised: extraction.kind !== null };
}

function badgeAndTitle(extraction: Extraction): { badge: string; title: string } {
  switch (extraction.kind) {
    case null:
      return { badge: '', title: 'Council Minutes: not a ModernGov meeting page' };
    case 'meeting': {
      const n = extraction.items.length;
      return { badge: String(n), title: `Meeting: ${n} item${n === 1 ? '' : 's'}` };
    }
    case 'item':
      return { badge: '1', title: `Agenda item: ${extraction.item.clauses.length} clause(s)` };
    case 'decision':
      return { badge: '1', title: `Decision: ${extraction.item.clauses.length} clause(s)` };
    case 'meeting-list':
      return { badge: String(extraction.meetings.length), title: `Meetings: ${extraction.meetings.length} listed` };
    case 'decision-list':
      return { badge: String(extraction.decisions.length), title: `Decisions: ${extraction.decisions.length} listed` };
    case 'attendance':
      return { badge: String(extraction.attendees.length), title: `Attendance: ${extraction.attendees.length} members` };
    case 'issue':
      return { badge: String(extraction.meetings.length), title: `Issue: ${extraction.meetings.length} meeting(s)` };
    default:
      return { badge: '', title: `ModernGov ${extraction.kind}` };
  }
}
