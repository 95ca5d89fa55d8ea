/** The one live region: status changes are announced, not only shown. */
export function StatusRegion({ message, tone = 'info' }: { message: string; tone?: 'info' | 'error' }) {
  return (
    <p role="status" class={`status status-${tone}`}>
      {message}
    </p>
  );
}
