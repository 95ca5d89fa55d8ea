import type { Page } from 'playwright-core';

/**
 * Headless Chromium answers showSaveFilePicker as if the user closed the picker (AbortError), so
 * the library writes no file. Tests that read a CSV export as a download take the picker away:
 * the library then takes the Blob route, as in Firefox (components/library/fileSink.ts).
 */
export async function withoutFilePicker(page: Page): Promise<void> {
  await page.evaluate(() => {
    delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker;
  });
}

declare global {
  interface Window {
    /** While set, the export's writes after the first wait for it. */
    __holdWrites?: Promise<void> | null;
    __releaseWrites?: () => void;
  }
}

/**
 * A file picker that "picks" a file of the page's origin private file system (OPFS): the real
 * FileSystemFileHandle and writable stream the library gets from the picker in a headed Chromium,
 * without the dialog. `holdWrites` makes every write after the first wait until `releaseWrites`,
 * so a test can act while an export is under way.
 */
export async function pickPrivateFiles(page: Page): Promise<void> {
  await page.evaluate(() => {
    let writes = 0;
    (window as unknown as { showSaveFilePicker: unknown }).showSaveFilePicker = async ({ suggestedName }: { suggestedName: string }) => {
      const dir = await navigator.storage.getDirectory();
      const handle = await dir.getFileHandle(suggestedName, { create: true });
      return {
        name: handle.name,
        remove: () => dir.removeEntry(handle.name),
        async createWritable() {
          const writable = await handle.createWritable();
          writes = 0;
          return {
            async write(text: string) {
              writes += 1;
              if (writes > 1 && window.__holdWrites) await window.__holdWrites;
              await writable.write(text);
            },
            close: () => writable.close(),
            abort: () => writable.abort(),
          };
        },
      };
    };
  });
}

export const holdWrites = (page: Page) =>
  page.evaluate(() => {
    window.__holdWrites = new Promise<void>((resolve) => {
      window.__releaseWrites = resolve;
    });
  });

export const releaseWrites = (page: Page) =>
  page.evaluate(() => {
    window.__releaseWrites?.();
    window.__holdWrites = null;
  });

/** The text of a file of the page's private file system, or null when there is none. */
export const privateFile = (page: Page, name: string) =>
  page.evaluate(async (file) => {
    const dir = await navigator.storage.getDirectory();
    try {
      const bytes = await (await (await dir.getFileHandle(file)).getFile()).arrayBuffer();
      // As written: Blob.text() would drop a leading byte-order mark.
      return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    } catch (error) {
      if (error instanceof DOMException && error.name === 'NotFoundError') return null;
      throw error;
    }
  }, name);
