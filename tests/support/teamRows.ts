import { planSave } from '@/lib/library/savePlan';
import type { MeetingRecord } from '@/lib/moderngov/schema';

/** A publish row, as docs/team-api.md gives it. */
export type TeamRow =
  | { kind: 'council' | 'committee' | 'meeting' | 'item' | 'clause'; record: Record<string, unknown> }
  | { kind: 'annotation'; target: string; targetKind: 'item' | 'clause'; note: string; tags: string[]; shared: boolean };

const emptyCopy = { meeting: undefined, items: [], clauses: [], deletions: [] };

/** What the extension would publish of a meeting saved whole: the library's own save plan, its
 * local-only fields (tags, note) left out. */
export function rowsOfMeeting(record: MeetingRecord, savedAt = '2026-11-30T10:00:00.000Z'): TeamRow[] {
  const plan = planSave(record, { scope: 'meeting' }, {}, emptyCopy, savedAt);
  const strip = ({ tags: _t, note: _n, ...rest }: { tags: string[]; note: string } & Record<string, unknown>) => rest;
  const host = record.council.host;
  return [
    { kind: 'council', record: { host, name: record.council.name } },
    { kind: 'committee', record: { host, committeeId: record.committee.id ?? '', name: record.committee.name } },
    ...(plan.meeting ? [{ kind: 'meeting' as const, record: { ...plan.meeting } }] : []),
    ...plan.items.map((item) => ({ kind: 'item' as const, record: strip(item) })),
    ...plan.clauses.map((clause) => ({ kind: 'clause' as const, record: strip(clause) })),
  ];
}
