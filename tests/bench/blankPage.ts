import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { serveCouncil } from '../e2e/support/server';
import { launchPlain, tempDir } from './config';

/** A blank page served on 127.0.0.1 (IndexedDB needs a real origin; about:blank has none) until `close`. */
export async function serveBlankPage(): Promise<{ url: string; close(): Promise<void> }> {
  const dir = tempDir('pages');
  const blank = path.join(dir, 'blank.html');
  writeFileSync(blank, '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>bench</title></head><body></body></html>');
  const server = await serveCouncil({ '/': blank });
  return {
    url: server.url('/'),
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `work` on the blank page at `url` with `bundle` loaded, in Chromium on a profile of its own on disk, removed after. */
export async function inBlankPage<T>(url: string, bundle: string, work: (page: Page, userDataDir: string) => Promise<T>): Promise<T> {
  const { context, userDataDir } = await launchPlain();
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.addScriptTag({ content: bundle });
    return await work(page, userDataDir);
  } finally {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

/** `inBlankPage` on a blank page served for it alone: what the bench's one-part scripts run in. */
export async function withBlankPage<T>(bundle: string, work: (page: Page, userDataDir: string) => Promise<T>): Promise<T> {
  const blank = await serveBlankPage();
  try {
    return await inBlankPage(blank.url, bundle, work);
  } finally {
    await blank.close();
  }
}
