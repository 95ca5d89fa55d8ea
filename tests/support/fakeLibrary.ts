import { vi } from 'vitest';
import type { SaveReport } from '@/lib/library/save';
import type { LibraryService } from '@/lib/library/service';

export const emptyReport = (): SaveReport => ({ added: [], changed: [], gone: [], annotationsKept: [], keptComplete: [], leftOutCut: [], skippedDeleted: [], keptFuller: [] });

/** A library service as a plain object: every method records its calls and answers an empty library; a test overrides what it needs. */
export function fakeLibrary(overrides: Partial<LibraryService> = {}): LibraryService {
  return {
    // A plain library does not change by itself: what is read is answered once.
    watch: (read, next, error) => {
      read().then(next, error);
      return () => {};
    },
    savedState: vi.fn(async () => ({ meeting: null, items: new Map(), clauses: new Map() })),
    save: vi.fn(async () => emptyReport()),
    previewUpdate: vi.fn(async () => emptyReport()),
    savedHash: vi.fn(async () => null),
    annotateItem: vi.fn(async () => {}),
    annotateClause: vi.fn(async () => {}),
    deleteItem: vi.fn(async () => {}),
    deleteClause: vi.fn(async () => {}),
    facets: vi.fn(async () => ({ councils: [], committees: [], tags: [] })),
    searchItems: vi.fn(async () => ({ rows: [], total: 0, next: null })),
    searchClauses: vi.fn(async () => ({ rows: [], total: 0, next: null })),
    countItems: vi.fn(async () => 0),
    countClauses: vi.fn(async () => 0),
    meetingUrls: vi.fn(async () => new Map()),
    exportCsv: vi.fn(async () => ({ rows: 0, outcome: 'empty' as const })),
    citeClauses: vi.fn(async () => []),
    citeItems: vi.fn(async () => []),
    everything: vi.fn(async () => ({ stamp: 0, items: [], clauses: [] })),
    lastChange: vi.fn(async () => 0),
    changesSince: vi.fn(async (stamp: number) => ({ stamp, items: [], clauses: [], goneItemKeys: [], goneClauseKeys: [] })),
    backUp: vi.fn(async () => ({ rows: 0, outcome: 'empty' as const })),
    restore: vi.fn(async () => ({ outcome: 'restored' as const, counts: { councils: 0, committees: 0, meetings: 0, items: 0, clauses: 0 }, total: 0, conflicts: [], moreConflicts: 0 })),
    ...overrides,
  };
}
