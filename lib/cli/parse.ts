import { stat } from 'node:fs/promises';
import { CITATION_FORMATS, isCitationFormat } from '../cite/formats';
import { referencesOfPage } from '../cite/fromPage';
import type { Reference } from '../cite/reference';
import { clauseRowsOfPage, CLAUSE_COLUMNS } from '../export/clauseRows';
import { toCsv } from '../export/csv';
import { parseCommandLine } from './args';
import { readPage, type ReadResult } from './readPage';

const USAGE = `usage: npm run --silent parse -- FILE.html… [--url ORIGINAL_URL] [--format json|csv|csl-json|ris|bibtex]
  --url     the page's original address; applies to the file named just before it
            (or to the first file when given before any)
  --format  json (default): one object per file; csv: one row per resolution clause;
            csl-json, ris, bibtex: one reference per item and per resolution clause,
            retrieved on the date the file was last written`;

/** References to every item and clause of the pages read; pages with nothing to cite are named on stderr. */
async function referencesOf(results: ReadResult[]): Promise<Reference[]> {
  const refs: Reference[] = [];
  for (const { file, extraction } of results) {
    const found = extraction.kind === null ? [] : referencesOfPage(extraction, (await stat(file)).mtime.toISOString());
    if (found.length === 0) {
      const why = extraction.kind === null ? extraction.reason : `it is a ModernGov ${extraction.kind} page, which has no items to cite.`;
      process.stderr.write(`parse: nothing to cite in ${file}: ${why}\n`);
    }
    refs.push(...found);
  }
  return refs;
}


async function main(): Promise<number> {
  const args = parseCommandLine(process.argv.slice(2), USAGE, {
    '--format': (value) => (value === 'json' || value === 'csv' || isCitationFormat(value) ? null : `--format is json, csv, csl-json, ris or bibtex, not "${value}"`),
  });
  if (typeof args === 'string') {
    process.stderr.write(`${args}\n`);
    return 2;
  }
  const format = args.options.get('--format') ?? 'json';
  const results: ReadResult[] = [];
  let failed = 0;
  for (const file of args.files) {
    try {
      results.push(await readPage(file.path, file.url));
    } catch (error) {
      failed++;
      const reason = error instanceof Error ? error.message : String(error);
      process.stderr.write(`parse: cannot read ${file.path}: ${reason}\n`);
    }
  }
  if (format === 'csv') {
    const rows = results.flatMap((r) => (r.extraction.kind === null ? [] : clauseRowsOfPage(r.extraction)));
    process.stdout.write(toCsv(rows, [...CLAUSE_COLUMNS]));
  } else if (isCitationFormat(format)) {
    process.stdout.write(CITATION_FORMATS[format].write(await referencesOf(results)));
  } else {
    process.stdout.write(`${JSON.stringify(results.map((r) => ({ file: r.file, ...r.extraction })), null, 2)}\n`);
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`parse: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  },
);
