import type { LibraryFilter } from '@/lib/library/search';
import { OutcomeSchema, type Outcome } from '@/lib/moderngov/outcome';

export type View = 'clauses' | 'items' | 'compare';

interface Props {
  filter: LibraryFilter;
  view: View;
  facets: { councils: { host: string; name: string | null }[]; committees: string[]; tags: string[] };
  onChange(filter: LibraryFilter, view: View): void;
}

/** Search box and filters; every change applies at once. */
export function FilterForm({ filter, view, facets, onChange }: Props) {
  const set = (patch: Partial<LibraryFilter>) => onChange({ ...filter, ...patch }, view);
  return (
    <form role="search" class="filters" onSubmit={(e) => e.preventDefault()}>
      <label class="search">
        Search
        <input type="search" value={filter.text ?? ''} onInput={(e) => set({ text: e.currentTarget.value })} placeholder="words in titles, minutes and clauses" />
      </label>
      <label>
        Council
        <select value={filter.host ?? ''} onChange={(e) => set({ host: e.currentTarget.value || undefined })}>
          <option value="">All councils</option>
          {facets.councils.map((c) => (
            <option key={c.host} value={c.host}>
              {c.name ?? c.host}
            </option>
          ))}
        </select>
      </label>
      <label>
        Committee
        <select value={filter.committee ?? ''} onChange={(e) => set({ committee: e.currentTarget.value || undefined })}>
          <option value="">All committees</option>
          {facets.committees.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label>
        From
        <input type="date" value={filter.from ?? ''} onInput={(e) => set({ from: e.currentTarget.value || undefined })} />
      </label>
      <label>
        To
        <input type="date" value={filter.to ?? ''} onInput={(e) => set({ to: e.currentTarget.value || undefined })} />
      </label>
      <label>
        Tag
        <select value={filter.tag ?? ''} onChange={(e) => set({ tag: e.currentTarget.value || undefined })}>
          <option value="">Any tag</option>
          {facets.tags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
      </label>
      {view === 'clauses' && (
        <label>
          Outcome
          <select value={filter.outcome ?? ''} onChange={(e) => set({ outcome: (e.currentTarget.value || undefined) as Outcome | undefined })}>
            <option value="">Any outcome</option>
            {OutcomeSchema.options.map((outcome) => (
              <option key={outcome} value={outcome}>
                {outcome}
              </option>
            ))}
          </select>
        </label>
      )}
      <fieldset class="view">
        <legend>Show</legend>
        <label>
          <input type="radio" name="view" checked={view === 'clauses'} onChange={() => onChange(filter, 'clauses')} /> Clauses
        </label>
        <label>
          <input type="radio" name="view" checked={view === 'items'} onChange={() => onChange(filter, 'items')} /> Items
        </label>
        <label>
          <input type="radio" name="view" checked={view === 'compare'} onChange={() => onChange(filter, 'compare')} /> Compare councils
        </label>
      </fieldset>
    </form>
  );
}
