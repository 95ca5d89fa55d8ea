import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { extractDocument } from '@/lib/moderngov/extractDocument';
import { loadDocument, ownFixturesDir } from '../support/pages';
import { ExpectedPageSchema } from './expected';
import { scorePage, type PageScore } from './score';

/** The catalogue the reader is tuned on, and the held-back pages it is only measured on. */
export const SETS = { catalogue: path.join(ownFixturesDir, 'catalogue'), holdout: path.join(ownFixturesDir, 'holdout'), evaluation: path.join(ownFixturesDir, 'evaluation') };
export type SetName = keyof typeof SETS;

/** Every fixture page of a set that has its expected record beside it. */
export function fixturesOf(set: SetName): string[] {
  const dir = SETS[set];
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.html') && existsSync(path.join(dir, f.replace(/\.html$/, '.expected.json'))))
    .sort()
    .map((f) => path.join(dir, f));
}

/** Reads one fixture page at its own address and scores it against its expected record. */
export function scoreFixture(file: string): PageScore {
  const expectedFile = file.replace(/\.html$/, '.expected.json');
  const parsed = ExpectedPageSchema.safeParse(JSON.parse(readFileSync(expectedFile, 'utf8')));
  if (!parsed.success) throw new Error(`${expectedFile} is not a valid expected record: ${parsed.error.message}`);
  const expected = parsed.data;
  return scorePage(path.basename(file), expected, extractDocument(loadDocument(file), expected.url));
}

export function scoreSet(set: SetName): PageScore[] {
  return fixturesOf(set).map(scoreFixture);
}
