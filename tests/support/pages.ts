import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodePage } from '@/lib/encoding/decodePage';
import { parseDocument } from '@/lib/cli/readPage';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../..');
/** `../shared` beside the repository, when this machine has it. */
export const sharedDir = process.env.SHARED_DIR ?? path.resolve(repoRoot, '../shared');
export const sharedFixturesDir = path.join(sharedDir, 'fixtures');
export const hasSharedFixtures = existsSync(sharedFixturesDir);
export const ownFixturesDir = path.join(repoRoot, 'tests/fixtures');

export function loadDocument(file: string): Document {
  return parseDocument(decodePage(readFileSync(file)));
}

export function ownFixture(name: string): Document {
  return loadDocument(path.join(ownFixturesDir, name));
}

export function htmlDocument(html: string): Document {
  return parseDocument(html);
}
