import path from 'node:path';
import { build } from 'esbuild';
import { REPO_ROOT } from './config';

/**
 * Bundles an in-page entry (tests/bench/inPage/*.ts) and the lib/ code it imports into one
 * IIFE for a plain web page, the way the extension's build would: ES2022, production mode.
 * The `@/` alias comes from the repository's tsconfig.
 */
export async function bundleForPage(entry: string, minify = true): Promise<string> {
  const result = await build({
    entryPoints: [path.resolve(REPO_ROOT, entry)],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify,
    write: false,
    tsconfig: path.join(REPO_ROOT, 'tsconfig.json'),
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  const out = result.outputFiles[0];
  if (!out) throw new Error(`esbuild wrote nothing for ${entry}`);
  return out.text;
}
