/** A streamed export under way: rows written so far, of about how many (the count the page showed when it started). */
export interface ExportState {
  doing: string;
  noun: string;
  rows: number;
  expected: number | null;
  /** `expected` is the exact count (a restore's records), not the page's. */
  exact?: boolean;
  cancel(): void;
}

const n = (x: number) => x.toLocaleString('en-GB');

export function ExportProgress({ state }: { state: ExportState }) {
  const { doing, noun, rows, expected, exact } = state;
  // Rows saved meanwhile can make the export longer than the count it started from.
  const max = expected === null ? undefined : Math.max(expected, rows, 1);
  return (
    <div class="export-progress">
      <label>
        {`${doing}: ${n(rows)}${max === undefined ? '' : ` of ${exact ? '' : 'about '}${n(max)}`} ${noun}`}
        <progress max={max} value={max === undefined ? undefined : rows} />
      </label>{' '}
      <button type="button" onClick={state.cancel}>
        Cancel
      </button>
    </div>
  );
}
