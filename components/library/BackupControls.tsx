import { useRef } from 'preact/hooks';

interface Props {
  backUp(): void;
  /** A backup or export is being written, or a restore is under way. */
  busy: boolean;
  restore(file: File): void;
}

/** Back up the whole library as JSON, or restore (merge) one. */
export function BackupControls({ backUp, busy, restore }: Props) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <div class="backup">
      <button type="button" disabled={busy} onClick={backUp}>
        Back up library (JSON)
      </button>
      <label class="file-button">
        Restore from a backup
        <input
          ref={input}
          type="file"
          disabled={busy}
          accept=".json,application/json"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) restore(file);
            if (input.current) input.current.value = '';
          }}
        />
      </label>
    </div>
  );
}
