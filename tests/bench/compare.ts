import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { decodePage } from '../../lib/encoding/decodePage';
import { FIXTURES_DIR } from '../e2e/support/paths';
import type { CompareBenchResult } from './inPage/compare';

/** Every word printed on the fixture pages and the style catalogue's and held-back pages, as often as printed. */
export function compareVocabulary(): string[] {
  const dirs = [FIXTURES_DIR, path.join(FIXTURES_DIR, 'catalogue'), path.join(FIXTURES_DIR, 'holdout')];
  return dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((file) => file.endsWith('.html'))
      .flatMap((file) =>
        decodePage(readFileSync(path.join(dir, file)))
          .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
          .replace(/<[^>]+>/g, ' ')
          .split(/\s+/)
          .map((word) => word.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''))
          .filter((word) => /^\p{L}{2,}$/u.test(word)),
      ),
  );
}

/** Grouping 20,000 items (100,000 clauses) and saving 20 meetings into the groups, in the benchmark page. */
export async function benchCompareInPage(page: Page, vocabulary: string[]): Promise<CompareBenchResult> {
  return page.evaluate(
    (words) => (globalThis as unknown as { benchCompare(words: string[], meetings: number): CompareBenchResult }).benchCompare(words, 20),
    vocabulary,
  );
}
