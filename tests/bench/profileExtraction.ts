/**
 * `npx tsx tests/bench/profileExtraction.ts [NAME_PART] [RUNS]`: where extraction spends its time.
 * Extracts the fixture pages whose name contains NAME_PART (all, by default; "synthetic" for the
 * 200-item page) RUNS times each under the Chromium CPU profiler and prints self time by function
 * (bundle not minified, so names are lib/'s own), and the median extraction/DOMParser ratio.
 */
import { bundleForPage } from './bundle';
import { withBlankPage } from './blankPage';
import { largeMeetingPage } from './extraction';
import { baseMeetingPage, fixturePages } from './fixtures';
import { selfTimes, type CpuProfile } from './cpuProfile';

async function main(): Promise<void> {
  const [filter = '', runsArg = '200'] = process.argv.slice(2);
  const runs = Number(runsArg);
  const fixtures = fixturePages();
  const bundle = await bundleForPage('tests/bench/inPage/extraction.ts', false);
  await withBlankPage(bundle, async (page) => {
    const base = baseMeetingPage(fixtures);
    const large = await largeMeetingPage(page, base);
    const pages = [...fixtures, large].filter((p) => p.name.includes(filter)).map(({ name, html, url }) => ({ name, html, url }));
    const ratios = await page.evaluate(([ps]) => window.__benchExtraction(ps, 7, 5).map((t) => `${t.ratio.toFixed(3)}  ${t.extractMs.toFixed(3)} / ${t.parseMs.toFixed(3)} ms  ${t.name}`), [pages] as const);
    console.log(ratios.join('\n'));
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
    await cdp.send('Profiler.start');
    await page.evaluate(([ps, n]) => {
      for (const p of ps) {
        const docs = Array.from({ length: n }, () => new DOMParser().parseFromString(p.html, 'text/html'));
        for (const doc of docs) window.__extract(doc, p.url);
      }
    }, [pages, runs] as const);
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
    for (const { name, us, share } of selfTimes(profile).slice(0, 60)) console.log(`${(100 * share).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(1).padStart(8)} ms  ${name}`);
  });
}

main().then(() => process.exit(0), (e: unknown) => { console.error(e); process.exit(1); });
