import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { scoreSet, SETS, type SetName } from './corpus';
import { byStyle, share, total, type Tally, type Totals } from './score';

/** `npm run --silent accuracy [-- --misses]`: extraction scored over the style catalogue and the
 * held-back pages, per style and in total. `--misses` lists what went wrong on the catalogue only:
 * the held-back pages are measured, never studied. */
const showMisses = process.argv.includes('--misses');
const pct = (t: Tally) => `${(100 * share(t)).toFixed(1)}% (${t.right}/${t.of})`;
const row = (name: string, t: Totals) => `| ${name} | ${t.pages} | ${pct(t.items)} | ${pct(t.clauseCounts)} | ${pct(t.clauseStarts)} | ${pct(t.procedural)} | ${pct(t.provenance)} |`;
const HEAD = '| | pages | items right | clause counts right | clause starts right | procedural right | formula, section, exempt right |\n|---|---|---|---|---|---|---|';

function styleNames(): Map<string, string> {
  const dir = path.join(SETS.catalogue, 'styles');
  const names = new Map<string, string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const style = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as { id: string; kind: string };
    names.set(style.id, `${style.id} (${style.kind})`);
  }
  return names;
}

const names = styleNames();
for (const set of Object.keys(SETS) as SetName[]) {
  const scores = scoreSet(set);
  const totals = total(scores);
  process.stdout.write(`\n## ${set}: ${totals.pages} pages, ${totals.councils} councils\n\n${HEAD}\n${row('**total**', totals)}\n`);
  if (set === 'catalogue') for (const [style, t] of byStyle(scores)) process.stdout.write(`${row(names.get(style) ?? style, t)}\n`);
  if (showMisses && set !== 'evaluation') {
    for (const score of scores.filter((s) => s.misses.length > 0)) process.stdout.write(`\n${score.file}\n${score.misses.map((m) => `  - ${m}`).join('\n')}\n`);
  }
}
