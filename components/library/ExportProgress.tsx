/** A streamed export under way: rows written so far, of about how many (the count the page shows when it started). */
export interface ExportState {
  what: 'clauses' | 'items';
  rows: number;
  expected: number | null;
  cancel(): void;
}

const n = (x: number) => x.toLocaleString('en-GB');

export function ExportProgress({ state }: { state: ExportState }) {
  const { what, rows, expected } = state;
  // Rows saved meanwhile can make the export longer than the count it started from.
  const max = expected === null ? undefined : Math.max(expected, rows, 1);
  return (
    <div class="export-progress">
      <label>
        {`Exporting ${what}: ${n(rows)}${max === undefined ? '' : ` of about ${n(max)}`} ${what}`}
        <progress max={max} value={max === undefined ? undefined : rows} />
      </label>{' '}
      <button type="button" onClick={state.cancel}>
        Cancel export
      </button>
    </div>
  );
}
