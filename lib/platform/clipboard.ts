/**
 * Puts a citation on the clipboard as plain text and as HTML (a word processor keeps the
 * italics). Where the browser refuses rich content, plain text; throws when it refuses both.
 */
export async function copyRichText(text: string, html: string): Promise<void> {
  if (typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
    try {
      await navigator.clipboard.write([
        new ClipboardItem({ 'text/plain': new Blob([text], { type: 'text/plain' }), 'text/html': new Blob([html], { type: 'text/html' }) }),
      ]);
      return;
    } catch {
      // Some browsers allow writeText only; tried next.
    }
  }
  await navigator.clipboard.writeText(text);
}
