import { useState } from 'preact/hooks';
import type { Annotation } from '@/lib/library/queries';
import { parseTags } from '@/lib/library/queries';

/** Tags and a note on a saved item or clause. */
export function AnnotationForm({ label, annotation, onSave }: { label: string; annotation: Annotation; onSave(a: Annotation): void }) {
  const [open, setOpen] = useState(false);
  const [tags, setTags] = useState(annotation.tags.join(', '));
  const [note, setNote] = useState(annotation.note);
  if (!open) {
    return (
      <span class="annotation">
        {annotation.tags.length > 0 && <span class="tags">Tags: {annotation.tags.join(', ')}</span>}
        {annotation.note && <span class="note">Note: {annotation.note}</span>}
        <button type="button" class="link-button" onClick={() => setOpen(true)}>
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
        onSave({ tags: parseTags(tags), note: note.trim() });
        setOpen(false);
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
