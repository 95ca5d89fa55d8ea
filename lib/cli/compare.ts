import { docsFromPage, proceduralItemsOf } from '../compare/adapters';
import { CompareIndex } from '../compare/compareIndex';
import { GROUP_THRESHOLD, groupDocs } from '../compare/group';
import { parseCommandLine } from './args';
import { readPage } from './readPage';
import type { CompareDoc } from '../compare/schema';

const USAGE = `usage: npm run --silent compare -- FILE.html… [--url ORIGINAL_URL] [--threshold ${GROUP_THRESHOLD}]
  --url        the page's original address; applies to the file named just before it
               (or to the first file when given before any)
  --threshold  how alike (0 to 1) two items must be to join one group; default ${GROUP_THRESHOLD}
Reads meeting, agenda-item (mgAi.aspx), decision (ieDecisionDetails.aspx) and issue pages, and
prints, as JSON, the groups of items and decisions about one topic across them. Procedural items
(apologies, minutes, declarations…) are never compared; their count is given on stderr.`;

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
  let procedural = 0;
  for (const file of args.files) {
    try {
      const { extraction } = await readPage(file.path, file.url);
      const docs = docsFromPage(extraction);
      for (const doc of docs) index.add(doc);
      procedural += proceduralItemsOf(extraction).length;
      if (extraction.kind === null) process.stderr.write(`compare: skipped ${file.path}: ${extraction.reason}\n`);
      else if (docs.length === 0 && !['meeting', 'item', 'decision', 'issue'].includes(extraction.kind)) {
        process.stderr.write(`compare: skipped ${file.path}: it is a ModernGov ${extraction.kind} page, which holds no item, decision or issue to compare.\n`);
      }
    } catch (error) {
      failed++;
      const reason = error instanceof Error ? error.message : String(error);
      process.stderr.write(`compare: cannot read ${file.path}: ${reason}\n`);
    }
  }
  if (procedural > 0) process.stderr.write(`compare: ${procedural} procedural item${procedural === 1 ? '' : 's'} not compared\n`);
  const groups = groupDocs(index, Number(args.options.get('--threshold') ?? GROUP_THRESHOLD)).map(({ label, members }) => ({
    label,
    members: members.map(({ id }) => {
      const { kind, host, council, committee, meetingDate, itemNumber, title, outcome, url } = index.get(id) as CompareDoc;
      return { kind, host, council, committee, meetingDate, itemNumber, title, outcome, url };
    }),
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
