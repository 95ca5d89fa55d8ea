import { docsFromMeeting } from '../compare/adapters';
import { CompareIndex } from '../compare/compareIndex';
import { GROUP_THRESHOLD, groupDocs } from '../compare/group';
import { parseCommandLine } from './args';
import { readPage } from './readPage';

const USAGE = `usage: npm run --silent compare -- FILE.html… [--url ORIGINAL_URL] [--threshold ${GROUP_THRESHOLD}]
  --url        the page's original address; applies to the file named just before it
               (or to the first file when given before any)
  --threshold  how alike (0 to 1) two items must be to join one group; default ${GROUP_THRESHOLD}
Prints, as JSON, the groups of items about one topic across the meeting pages given.`;

function checkThreshold(value: string): string | null {
  const threshold = Number(value);
  return threshold > 0 && threshold <= 1 ? null : `--threshold is a number above 0 and at most 1, not "${value}"`;
}

async function main(): Promise<number> {
  const args = parseCommandLine(process.argv.slice(2), USAGE, { '--threshold': checkThreshold });
  if (typeof args === 'string') {
    process.stderr.write(`${args}\n`);
    return 2;
  }
  const index = new CompareIndex();
  let failed = 0;
  for (const file of args.files) {
    try {
      const { extraction } = await readPage(file.path, file.url);
      if (extraction.kind === 'meeting') for (const doc of docsFromMeeting(extraction)) index.add(doc);
      else {
        const why = extraction.kind === null ? extraction.reason : `it is a ModernGov ${extraction.kind} page; only meeting pages list items to compare.`;
        process.stderr.write(`compare: skipped ${file.path}: ${why}\n`);
      }
    } catch (error) {
      failed++;
      const reason = error instanceof Error ? error.message : String(error);
      process.stderr.write(`compare: cannot read ${file.path}: ${reason}\n`);
    }
  }
  const groups = groupDocs(index, Number(args.options.get('--threshold') ?? GROUP_THRESHOLD)).map(({ label, members }) => ({
    label,
    members: members.map(({ host, meetingDate, itemNumber, title }) => ({ host, meetingDate, itemNumber, title })),
  }));
  process.stdout.write(`${JSON.stringify(groups, null, 2)}\n`);
  return failed ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`compare: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  },
);
