/**
 * `npm run bench:team`: the team server at 100k clauses (issue 16). Starts a throwaway server
 * (tests/support/teamServer.ts), publishes 1,000 synthetic meetings of 20 items × 5 clauses in
 * batches through the API, pulls them all as a colleague, times full-text searches, and reads the
 * storage and CPU it took. Prints a table; writes bench-results/team.json. Nothing is asserted.
 */
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { publish, pull, searchTeam, type PulledRow } from '../server/api';
import { item, meeting } from '../support/records';
import { rowsOfMeeting, type TeamRow } from '../support/teamRows';
import { signIn, startTeamServer } from '../support/teamServer';
import { compareVocabulary } from './compare';
import { RESULTS_DIR } from './config';
import { median, percentile, seededRandom } from './stats';

const MEETINGS = Number(process.env.TEAM_BENCH_MEETINGS) || 1000;
const ITEMS = 20;
const CLAUSES = 5;
const BATCH = Number(process.env.TEAM_BENCH_BATCH) || 2000;
const PULL_PAGE = 2000;
const HOSTS = 10;

const log = (line: string) => process.stderr.write(`${line}\n`);
const seconds = (ms: number) => Math.round(ms) / 1000;

/** Clock ticks of CPU a process and its reaped children used (/proc/PID/stat fields 14–17). */
function cpuTicks(pid: number, withChildren: boolean): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    const [utime, stime, cutime, cstime] = [11, 12, 13, 14].map((i) => Number(fields[i]));
    return utime! + stime! + (withChildren ? cutime! + cstime! : 0);
  } catch {
    return 0;
  }
}
/** CPU seconds of the API process and of Postgres (the postmaster, its live backends and those that ended). */
function cpuSeconds(apiPid: number, pgPid: number): { api: number; postgres: number } {
  const children = readFileSync(`/proc/${pgPid}/task/${pgPid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  const ticks = 100; // USER_HZ on Linux
  return {
    api: cpuTicks(apiPid, false) / ticks,
    postgres: (cpuTicks(pgPid, true) + children.reduce((sum, pid) => sum + cpuTicks(pid, false), 0)) / ticks,
  };
}

function syntheticRows(): { rows: TeamRow[]; clauses: number; words: string[] } {
  const random = seededRandom(16);
  const vocabulary = compareVocabulary();
  const pick = () => vocabulary[Math.floor(random() * vocabulary.length)]!;
  const sentence = (n: number) => Array.from({ length: n }, pick).join(' ');
  const rows: TeamRow[] = [];
  const seen = new Set<string>();
  let clauses = 0;
  for (let m = 0; m < MEETINGS; m++) {
    const items = Array.from({ length: ITEMS }, (_, i) =>
      item(String(i + 1), sentence(6), Array.from({ length: CLAUSES }, (_, c) => [`(${c + 1})`, `That ${sentence(12 + Math.floor(random() * 14))}.`] as [string, string]), {
        id: `${m}${String(i).padStart(2, '0')}`,
        description: sentence(20),
      }),
    );
    const day = String(1 + (m % 28)).padStart(2, '0');
    const month = String(1 + (Math.floor(m / 28) % 12)).padStart(2, '0');
    for (const row of rowsOfMeeting(meeting({ host: `democracy.council${m % HOSTS}.gov.uk`, id: String(10_000 + m), date: `2025-${month}-${day}`, items }))) {
      if (row.kind === 'council' || row.kind === 'committee') {
        const key = `${row.kind} ${JSON.stringify(row.record)}`;
        if (seen.has(key)) continue;
        seen.add(key);
      }
      if (row.kind === 'clause') clauses++;
      rows.push(row);
    }
  }
  return { rows, clauses, words: vocabulary };
}

/** Search words by how often the corpus has them (common, middling, rare), stop words ("that", "with") left out. */
async function searchWords(vocabulary: string[], isSearchable: (words: string[]) => Promise<Set<string>>): Promise<Record<string, string[]>> {
  const counts = new Map<string, number>();
  for (const w of vocabulary) if (w.length > 2) counts.set(w.toLowerCase(), (counts.get(w.toLowerCase()) ?? 0) + 1);
  const searchable = await isSearchable([...counts.keys()]);
  const byCount = [...counts].filter(([w]) => searchable.has(w)).sort((a, b) => b[1] - a[1]).map(([w]) => w);
  const at = (from: number) => byCount.slice(from, from + 10);
  return { common: at(0), middling: at(Math.floor(byCount.length / 10)), rare: at(Math.floor(byCount.length / 2)) };
}

async function main(): Promise<void> {
  const loadAtStart = os.loadavg().map((n) => Math.round(n * 100) / 100);
  log(`generating ${MEETINGS} meetings × ${ITEMS} items × ${CLAUSES} clauses…`);
  const { rows, clauses, words } = syntheticRows();
  const server = await startTeamServer({ durable: true });
  try {
    await server.createTeam('Bench group');
    await server.createMember('Bench group', 'publisher@bench.example', 'publisher-password', 'Publisher');
    await server.createMember('Bench group', 'reader@bench.example', 'reader-password', 'Reader');
    const publisher = await signIn(server.url, 'publisher@bench.example', 'publisher-password');
    const reader = await signIn(server.url, 'reader@bench.example', 'reader-password');

    log(`publishing ${rows.length} rows (${clauses} clauses) in batches of ${BATCH}…`);
    const cpuBefore = cpuSeconds(server.pid, server.pgPid);
    const batchMs: number[] = [];
    const started = performance.now();
    let inserted = 0;
    for (let i = 0; i < rows.length; i += BATCH) {
      const t = performance.now();
      inserted += (await publish(server.url, publisher, rows.slice(i, i + BATCH))).inserted;
      batchMs.push(performance.now() - t);
      if (batchMs.length % 10 === 0) log(`  ${Math.min(i + BATCH, rows.length)} rows, ${seconds(performance.now() - started)} s`);
    }
    const publishMs = performance.now() - started;
    const cpuAfterPublish = cpuSeconds(server.pid, server.pgPid);

    log('publishing the first 20,000 rows again (all skipped)…');
    const again = rows.slice(0, 20_000);
    const t0 = performance.now();
    let skipped = 0;
    for (let i = 0; i < again.length; i += BATCH) skipped += (await publish(server.url, publisher, again.slice(i, i + BATCH))).skipped;
    const republishMs = performance.now() - t0;

    log(`pulling everything as a colleague, pages of ${PULL_PAGE}…`);
    const cpuBeforePull = cpuSeconds(server.pid, server.pgPid);
    const pullStarted = performance.now();
    const pageMs: number[] = [];
    let pulled = 0;
    let last: PulledRow | undefined;
    for (;;) {
      const t = performance.now();
      const page = await pull(server.url, reader, { first: PULL_PAGE, ...(last ? { afterUpdatedAt: last.updatedAt, afterKind: last.kind, afterKey: last.key } : {}) });
      pageMs.push(performance.now() - t);
      pulled += page.length;
      last = page.at(-1);
      if (page.length < PULL_PAGE) break;
    }
    const pullMs = performance.now() - pullStarted;
    const cpuAfterPull = cpuSeconds(server.pid, server.pgPid);

    log('searching…');
    const search: Record<string, { words: string[]; hits: number[]; ms: number[] }> = {};
    const isSearchable = async (list: string[]) =>
      new Set((await server.sql<{ w: string }>(`select w from unnest($1::text[]) w where to_tsvector('english', w) <> ''::tsvector`, [list])).map((r) => r.w));
    for (const [kind, list] of Object.entries(await searchWords(words, isSearchable))) {
      search[kind] = { words: list, hits: [], ms: [] };
      for (const word of list) {
        await searchTeam(server.url, reader, word); // warm
        const t = performance.now();
        const hits = await searchTeam(server.url, reader, word, 20);
        search[kind]!.ms.push(performance.now() - t);
        search[kind]!.hits.push(hits.length);
      }
    }
    const [matches] = await server.sql<{ n: string }>(`select count(*) as n from team.clauses where search @@ websearch_to_tsquery('english', $1)`, [
      search.common!.words[0],
    ]);

    const [storage] = await server.sql<Record<string, string>>(`select
      pg_total_relation_size('team.clauses') as clauses_total, pg_relation_size('team.clauses') as clauses_heap,
      pg_indexes_size('team.clauses') as clauses_indexes, pg_relation_size('team.clauses_search') as clauses_search_index,
      pg_total_relation_size('team.items') as items_total, pg_total_relation_size('team.meetings') as meetings_total,
      pg_database_size(current_database()) as database, (select count(*) from team.clauses) as clause_rows,
      (select avg(length(record::text)) from team.clauses)::int as clause_json_bytes`);
    const n = (k: string) => Number(storage![k]);

    const result = {
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version, loadAverageAtStart: loadAtStart, loadAverageAtEnd: os.loadavg().map((x) => Math.round(x * 100) / 100) },
      corpus: { meetings: MEETINGS, items: MEETINGS * ITEMS, clauses, rows: rows.length },
      publish: {
        batchRows: BATCH,
        batches: batchMs.length,
        seconds: seconds(publishMs),
        rowsPerSecond: Math.round(rows.length / (publishMs / 1000)),
        clausesPerSecond: Math.round(clauses / (publishMs / 1000)),
        inserted,
        batchMsMedian: Math.round(median(batchMs)),
        batchMsP95: Math.round(percentile(batchMs, 95)),
        cpuSeconds: { api: +(cpuAfterPublish.api - cpuBefore.api).toFixed(1), postgres: +(cpuAfterPublish.postgres - cpuBefore.postgres).toFixed(1) },
      },
      republish: { rows: again.length, skipped, seconds: seconds(republishMs), rowsPerSecond: Math.round(again.length / (republishMs / 1000)) },
      pull: {
        pageRows: PULL_PAGE,
        rows: pulled,
        seconds: seconds(pullMs),
        rowsPerSecond: Math.round(pulled / (pullMs / 1000)),
        pageMsMedian: Math.round(median(pageMs)),
        pageMsP95: Math.round(percentile(pageMs, 95)),
        cpuSeconds: { api: +(cpuAfterPull.api - cpuBeforePull.api).toFixed(1), postgres: +(cpuAfterPull.postgres - cpuBeforePull.postgres).toFixed(1) },
      },
      search: Object.fromEntries(
        Object.entries(search).map(([k, v]) => [k, { words: v.words, hitsMedian: median(v.hits), msMedian: Math.round(median(v.ms)), msP95: Math.round(percentile(v.ms, 95)) }]),
      ),
      commonWordMatches: Number(matches!.n),
      storage: {
        clausesTotalMiB: +(n('clauses_total') / 2 ** 20).toFixed(1),
        clausesHeapMiB: +(n('clauses_heap') / 2 ** 20).toFixed(1),
        clausesIndexesMiB: +(n('clauses_indexes') / 2 ** 20).toFixed(1),
        searchIndexMiB: +(n('clauses_search_index') / 2 ** 20).toFixed(1),
        itemsTotalMiB: +(n('items_total') / 2 ** 20).toFixed(1),
        meetingsTotalMiB: +(n('meetings_total') / 2 ** 20).toFixed(1),
        databaseMiB: +(n('database') / 2 ** 20).toFixed(1),
        bytesPerClause: Math.round(n('clauses_total') / n('clause_rows')),
        clauseJsonBytes: n('clause_json_bytes'),
      },
    };
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(path.join(RESULTS_DIR, 'team.json'), `${JSON.stringify(result, null, 2)}\n`);
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await server.stop();
  }
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
