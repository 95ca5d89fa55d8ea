import { readdirSync, readFileSync } from 'node:fs';

/**
 * Resident memory of a Chromium's renderer processes, read from /proc while a page is busy:
 * a page running a long synchronous function cannot answer CDP or `performance.memory`, but
 * its process can still be looked at from outside.
 */

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** pid → parent pid, for every process this user can see. */
function processTree(): Map<number, number> {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readText(`/proc/${entry}/stat`);
    // "pid (comm) state ppid …": comm may hold spaces and parentheses.
    const ppid = stat ? Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) : NaN;
    if (Number.isFinite(ppid)) parents.set(Number(entry), ppid);
  }
  return parents;
}

/** The renderer processes of the Chromium started on `userDataDir`. */
export function rendererPids(userDataDir: string): number[] {
  const parents = processTree();
  // Chromium's child processes rewrite their command line as one space-separated string.
  const cmdline = (pid: number) => (readText(`/proc/${pid}/cmdline`) ?? '').split(/[\0 ]/);
  const browsers = [...parents.keys()].filter((pid) => {
    const args = cmdline(pid);
    return args.includes(`--user-data-dir=${userDataDir}`) && !args.some((a) => a.startsWith('--type='));
  });
  const descendsFromBrowser = (pid: number) => {
    for (let p = parents.get(pid); p !== undefined && p > 1; p = parents.get(p)) if (browsers.includes(p)) return true;
    return false;
  };
  return [...parents.keys()].filter((pid) => descendsFromBrowser(pid) && cmdline(pid).includes('--type=renderer'));
}

/** Resident bytes of the processes together (a process that has gone counts nothing). */
export function residentBytes(pids: number[]): number {
  let total = 0;
  for (const pid of pids) {
    const statm = readText(`/proc/${pid}/statm`);
    if (statm) total += Number(statm.split(' ')[1]) * 4096;
  }
  return total;
}

/** Samples the processes' resident memory every `everyMs` while `work` runs; the highest sample and the one before. */
export async function peakResidentDuring<T>(pids: number[], work: () => Promise<T>, everyMs = 5): Promise<{ result: T; before: number; peak: number }> {
  const before = residentBytes(pids);
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, residentBytes(pids));
  }, everyMs);
  try {
    const result = await work();
    peak = Math.max(peak, residentBytes(pids));
    return { result, before, peak };
  } finally {
    clearInterval(timer);
  }
}
