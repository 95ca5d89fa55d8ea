import { clauseRowsOfPage, CLAUSE_COLUMNS } from '../export/clauseRows';
import { toCsv } from '../export/csv';
import { readPage, type ReadResult } from './readPage';

const USAGE = `usage: npm run --silent parse -- FILE.html… [--url ORIGINAL_URL] [--format json|csv]
  --url     the page's original address; applies to the file named just before it
            (or to the first file when given before any)
  --format  json (default): one object per file; csv: one row per resolution clause`;

interface Args {
  files: { path: string; url?: string }[];
  format: 'json' | 'csv';
}

function parseArgs(argv: string[]): Args | string {
  const files: Args['files'] = [];
  let format: Args['format'] = 'json';
  let pendingUrl: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') return USAGE;
    if (arg === '--url' || arg === '--format') {
      const value = argv[++i];
      if (!value) return `${arg} needs a value\n${USAGE}`;
      if (arg === '--format') {
        if (value !== 'json' && value !== 'csv') return `--format is json or csv, not "${value}"`;
        format = value;
      } else {
        const last = files[files.length - 1];
        if (last) last.url = value;
        else pendingUrl = value;
      }
      continue;
    }
    if (arg.startsWith('--')) return `unknown option ${arg}\n${USAGE}`;
    files.push(pendingUrl && files.length === 0 ? { path: arg, url: pendingUrl } : { path: arg });
  }
  if (files.length === 0) return USAGE;
  return { files, format };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    process.stderr.write(`${args}\n`);
    return 2;
  }
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
  if (args.format === 'csv') {
    const rows = results.flatMap((r) => (r.extraction.kind === null ? [] : clauseRowsOfPage(r.extraction)));
    process.stdout.write(toCsv(rows, [...CLAUSE_COLUMNS]));
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
