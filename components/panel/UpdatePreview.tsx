import { Fragment } from 'preact';
import type { SaveReport } from '@/lib/library/save';

/** Each part of a save's report as the researcher reads it, in the order they matter. */
export const REPORT_PARTS: [keyof SaveReport, string][] = [
  ['added', 'Added'],
  ['changed', 'Changed on the page'],
  ['gone', 'No longer on the page, kept and marked'],
  ['annotationsKept', 'Tags and notes kept on'],
  ['keptComplete', 'Complete saved copy kept (the page’s minutes are cut short)'],
  ['leftOutCut', 'Not saved: minutes cut short on the page'],
  ['skippedDeleted', 'Not brought back: you deleted'],
  ['keptFuller', 'Fuller saved copy kept'],
];

export function ReportList({ report }: { report: SaveReport }) {
  const parts = REPORT_PARTS.filter(([key]) => report[key].length > 0);
  if (parts.length === 0) return <p>Nothing saved changes: only the meeting’s details are refreshed.</p>;
  return (
    <dl class="change-list">
      {parts.map(([key, title]) => (
        <Fragment key={key}>
          <dt>{title}</dt>
          <dd>{report[key].join('; ')}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

/** What "Update saved copy" will change, shown before anything is written. */
export function UpdatePreview({ report, apply, cancel }: { report: SaveReport; apply(): void; cancel(): void }) {
  return (
    <section class="update-preview" aria-label="What the update will change">
      <h3>Update saved copy: what will change</h3>
      <ReportList report={report} />
      <button type="button" onClick={apply}>
        Apply update
      </button>{' '}
      <button type="button" onClick={cancel}>
        Cancel
      </button>
    </section>
  );
}
