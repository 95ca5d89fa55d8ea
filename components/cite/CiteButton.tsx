/** "Copy citation", named for screen readers by what it cites ("of clause (i) of item 5"). */
export function CiteButton({ label, onClick }: { label: string; onClick(): void }) {
  return (
    <button type="button" class="small cite" onClick={onClick}>
      Copy citation<span class="visually-hidden"> of {label}</span>
    </button>
  );
}
