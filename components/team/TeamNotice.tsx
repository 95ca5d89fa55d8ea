export interface Notice {
  message: string;
  tone: 'info' | 'error';
  /** Lines under the message: rows the server rejected, each with its reason. */
  details?: string[];
  detailsLabel?: string;
}

/**
 * A team section's message, announced as it changes. A polite live region rather than a second
 * `role=status`: the library's status line stays the page's one status.
 */
export function TeamNotice({ notice }: { notice: Notice | null }) {
  return (
    <div aria-live="polite" class={`team-notice status-${notice?.tone ?? 'info'}`}>
      {notice && <p>{notice.message}</p>}
      {notice?.details && notice.details.length > 0 && (
        <ul class="change-list" aria-label={notice.detailsLabel ?? 'Details'}>
          {notice.details.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
