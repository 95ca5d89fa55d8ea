/**
 * `npx tsx tests/bench/profileSearch.ts [CLAUSES] [QUERY_LABEL_PART]`: where a search's first page
 * spends its time. Grows a library to CLAUSES (100,000 by default) as the library bench does, then
 * runs the bench's query whose label contains QUERY_LABEL_PART ("two words" by default) 20 times
 * under Chromium's CPU profiler and prints its timings and self time by function (bundle not
 * minified, so names are lib/'s own). Wall time the profile does not see is IndexedDB's.
 */
import { bundleForPage } from './bundle';
import { withBlankPage } from './blankPage';
import { baseMeetingPage, fixturePages } from './fixtures';
import { selfTimes, type CpuProfile } from './cpuProfile';

async function main(): Promise<void> {
  const [clausesArg = '100000', labelPart = 'two words'] = process.argv.slice(2);
  const target = Number(clausesArg);
  const fixtures = fixturePages();
  const bundle = await bundleForPage('tests/bench/inPage/library.ts', false);
  await withBlankPage(bundle, async (page) => {
    const base = baseMeetingPage(fixtures);
    await page.evaluate(([pages, name]) => window.__libSetup(pages, name), [fixtures.map(({ name, html, url }) => ({ name, html, url })), base.name] as const);
    await page.evaluate(() => window.__libSave(0, 30));
    await page.evaluate(() => window.__libTakeTemplates());
    let held = await page.evaluate(() => window.__libCount());
    for (let m = 30; held < target; m += 20) held += (await page.evaluate(([a, b]) => window.__libFill(a, b), [m, m + 20] as const)).clauses;
    const query = (await page.evaluate(() => window.__libQueries())).find((q) => q.label.includes(labelPart));
    if (!query) throw new Error(`no bench query's label contains "${labelPart}"`);
    const [before] = await page.evaluate(([q]) => window.__libSearch([q], 10, [0]), [query] as const);
    const ms = (xs: number[] | undefined) => (xs ?? []).map((x) => x.toFixed(1)).join(' ');
    console.log(`${held} clauses; "${query.text}" (${query.label}): ${before?.hits} hits; first page ${ms(before?.searchMs)} ms; next page ${ms(before?.nextMs)} ms`);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    const t = Date.now();
    await page.evaluate(([q]) => window.__libSearch([q], 20, [0]), [query] as const);
    const wall = Date.now() - t;
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
    const rows = selfTimes(profile);
    console.log(`profiled: ${wall} ms wall`);
    for (const { name, us, share } of rows.slice(0, 40)) console.log(`${(100 * share).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(1).padStart(8)} ms  ${name}`);
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
