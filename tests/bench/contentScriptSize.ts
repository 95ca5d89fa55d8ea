import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { REPO_ROOT } from './config';

export const CONTENT_SCRIPT = '.output/chrome-mv3/content-scripts/content.js';

export interface ContentScriptSize {
  file: string;
  minifiedBytes: number;
  gzipBytes: number;
}

/** A production build (`wxt build`, minified by Vite), then the content script's size as shipped and gzipped. */
export function measureContentScript(): ContentScriptSize {
  execFileSync('npx', ['wxt', 'build'], { cwd: REPO_ROOT, stdio: 'pipe' });
  const bytes = readFileSync(path.join(REPO_ROOT, CONTENT_SCRIPT));
  return { file: CONTENT_SCRIPT, minifiedBytes: bytes.length, gzipBytes: gzipSync(bytes).length };
}
