import { useState } from 'preact/hooks';
import { CITATION_FORMATS, type CitationFormat } from '@/lib/cite/formats';
import type { CitationStyle } from '@/lib/cite/styles';
import { StylePicker } from '../cite/StylePicker';

export type ExportScope = 'selected' | 'all';

interface Props {
  noun: 'clauses' | 'items';
  /** How many rows are ticked. */
  selected: number;
  style: CitationStyle;
  onStyle(style: CitationStyle): void;
  onExport(format: CitationFormat, scope: ExportScope): void;
  onClearSelection(): void;
}

/** The style "Copy citation" uses, and reference-manager exports of the ticked rows or of every match. */
export function CitationControls({ noun, selected, style, onStyle, onExport, onClearSelection }: Props) {
  const [scope, setScope] = useState<ExportScope>('selected');
  // Nothing ticked: the exports take every match.
  const effective: ExportScope = selected === 0 ? 'all' : scope;
  return (
    <section class="citations" aria-label="Citations">
      <StylePicker style={style} onChange={onStyle} />
      <fieldset>
        <legend>Export references of</legend>
        <label>
          <input type="radio" name="cite-scope" checked={effective === 'selected'} disabled={selected === 0} onChange={() => setScope('selected')} />
          the {selected} selected
        </label>
        <label>
          <input type="radio" name="cite-scope" checked={effective === 'all'} onChange={() => setScope('all')} />
          all matching {noun}
        </label>
      </fieldset>
      {(Object.keys(CITATION_FORMATS) as CitationFormat[]).map((format) => (
        <button key={format} type="button" onClick={() => onExport(format, effective)}>
          Export {noun} as {CITATION_FORMATS[format].label}
        </button>
      ))}
      {selected > 0 && (
        <button type="button" class="link-button" onClick={onClearSelection}>
          Clear selection
        </button>
      )}
    </section>
  );
}
