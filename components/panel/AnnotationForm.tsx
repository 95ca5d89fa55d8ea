import { useState } from 'preact/hooks';
import type { Annotation } from '@/lib/library/queries';
import { parseTags } from '@/lib/library/queries';

interface Props {
  label: string;
  /** The saved annotation; null when the record is not (or no longer) in the library. */
  annotation: Annotation | null;
  /** Whether the form is open: kept by the item's card, so a form stays open (with its text)
   * even when the record is deleted meanwhile, in another tab, and this form unmounted. */
  open: boolean;
  setOpen(open: boolean): void;
  /** Resolves true once written. On false the form stays open with what was typed. */
  onSave(a: Annotation): Promise<boolean>;
}

/** Tags and a note on a saved item or clause. An open form stays open, with its text, even if
 * the record is deleted meanwhile (in another tab): the save then says so instead. */
export function AnnotationForm({ label, annotation, open, setOpen, onSave }: Props) {
  const [tags, setTags] = useState(annotation?.tags.join(', ') ?? '');
  const [note, setNote] = useState(annotation?.note ?? '');
  if (!open) {
    if (!annotation) return null;
    return (
      <span class="annotation">
        {annotation.tags.length > 0 && <span class="tags">Tags: {annotation.tags.join(', ')}</span>}
        {annotation.note && <span class="note">Note: {annotation.note}</span>}
        <button
          type="button"
          class="link-button"
          onClick={() => {
            setTags(annotation.tags.join(', '));
            setNote(annotation.note);
            setOpen(true);
          }}
        >
          Tags and note<span class="visually-hidden"> for {label}</span>
        </button>
      </span>
    );
  }
  return (
    <form
      class="annotation-form"
      onSubmit={(event) => {
        event.preventDefault();
        void onSave({ tags: parseTags(tags), note: note.trim() }).then((saved) => saved && setOpen(false));
      }}
    >
      <label>
        Tags (comma separated)
        <input type="text" value={tags} onInput={(e) => setTags(e.currentTarget.value)} />
      </label>
      <label>
        Note
        <textarea rows={2} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
      <button type="submit">Save tags and note<span class="visually-hidden"> for {label}</span></button>
      <button type="button" onClick={() => setOpen(false)}>
        Cancel
      </button>
    </form>
  );
}
