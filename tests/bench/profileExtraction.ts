/**
 * `npx tsx tests/bench/profileExtraction.ts [NAME_PART] [RUNS]`: where extraction spends its time.
 * Extracts the fixture pages whose name contains NAME_PART (all, by default; "synthetic" for the
 * 200-item page) RUNS times each under the Chromium CPU profiler and prints self time by function
 * (bundle not minified, so names are lib/'s own), and the median extraction/DOMParser ratio.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { serveCouncil } from '../e2e/support/server';
import { bundleForPage } from './bundle';
import { launchPlain, tempDir } from './config';
import { largeMeetingPage } from './extraction';
import { baseMeetingPage, fixturePages } from './fixtures';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

async function main(): Promise<void> {
  const [filter = '', runsArg = '200'] = process.argv.slice(2);
  const runs = Number(runsArg);
  const fixtures = fixturePages();
  const bundle = await bundleForPage('tests/bench/inPage/extraction.ts', false);
  const dir = tempDir('profile-pages');
  const blank = path.join(dir, 'blank.html');
  writeFileSync(blank, '<!DOCTYPE html><html><head><meta charset="utf-8"><title>profile</title></head><body></body></html>');
  const server = await serveCouncil({ '/': blank });
  const { context } = await launchPlain();
  try {
    const page = await context.newPage();
    await page.goto(server.url('/'));
    await page.addScriptTag({ content: bundle });
    const base = baseMeetingPage(fixtures);
    const large = await largeMeetingPage(page, base);
    const pages = [...fixtures, large].filter((p) => p.name.includes(filter)).map(({ name, html, url }) => ({ name, html, url }));
    const ratios = await page.evaluate(([ps]) => window.__benchExtraction(ps, 7, 5).map((t) => `${t.ratio.toFixed(3)}  ${t.extractMs.toFixed(3)} / ${t.parseMs.toFixed(3)} ms  ${t.name}`), [pages] as const);
    console.log(ratios.join('\n'));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
    await cdp.send('Profiler.start');
    await page.evaluate(([ps, n]) => {
      for (const p of ps) {
        const docs = Array.from({ length: n }, () => new DOMParser().parseFromString(p.html, 'text/html'));
        for (const doc of docs) window.__extract(doc, p.url);
      }
    }, [pages, runs] as const);
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
    const self = new Map<string, number>();
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    profile.samples.forEach((id, i) => {
      const node = byId.get(id);
      if (!node) return;
      const key = `${node.callFrame.functionName || '(anonymous)'}:${node.callFrame.lineNumber}`;
      self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
    });
    // Native calls (querySelectorAll, textContent…) by the function that made them.
    const parentOf = new Map<number, ProfileNode>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node);
    profile.samples.forEach((id, i) => {
      const node = byId.get(id);
      const parent = node ? parentOf.get(id) : undefined;
      if (!node || node.callFrame.lineNumber !== -1 || !parent || parent.callFrame.lineNumber === -1) return;
      const grand = parentOf.get(parent.id);
      const name = (n: ProfileNode | undefined) => (n ? `${n.callFrame.functionName || '(anonymous)'}:${n.callFrame.lineNumber}` : '');
      const key = `  ${node.callFrame.functionName} ← ${name(parent)} ← ${name(grand)}`;
      self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
    });
    const total = [...self].filter(([k]) => !k.startsWith(' ')).reduce((a, [, b]) => a + b, 0);
    for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 60)) {
      console.log(`${((100 * us) / total).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(1).padStart(8)} ms  ${name}`);
    }
  } finally {
    await context.close();
    await server.close();
  }
}

main().then(() => process.exit(0), (e: unknown) => { console.error(e); process.exit(1); });
