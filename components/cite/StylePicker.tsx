import { useState } from 'preact/hooks';
import { CitationStyleSchema, readStylePreference, STYLE_LABELS, writeStylePreference, type CitationStyle } from '@/lib/cite/styles';
import { prepareCitationStyle } from './copyCitation';

/** The citation style picked, remembered for the panel and the library alike. */
export function useCitationStyle(): [CitationStyle, (style: CitationStyle) => void] {
  const [style, setStyle] = useState(readStylePreference);
  return [
    style,
    (next) => {
      writeStylePreference(next);
      setStyle(next);
      prepareCitationStyle(next);
    },
  ];
}

/** "Citation style: Harvard / APA / Chicago" for "Copy citation". */
export function StylePicker({ style, onChange }: { style: CitationStyle; onChange(style: CitationStyle): void }) {
  return (
    <label class="style-picker">
      Citation style
      <select
        value={style}
        onChange={(e) => {
          const picked = CitationStyleSchema.safeParse(e.currentTarget.value);
          if (picked.success) onChange(picked.data);
        }}
      >
        {CitationStyleSchema.options.map((id) => (
          <option key={id} value={id}>
            {STYLE_LABELS[id]}
          </option>
        ))}
      </select>
    </label>
  );
}
