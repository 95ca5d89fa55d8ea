/**
 * `npm run toolbar-screenshots`: the extension's button as each browser's real toolbar shows it,
 * on a meeting page (coloured, with the item count) and on another page (grey), with light and
 * dark browser themes. Headless browsers draw no toolbar, so they run headed in a virtual X
 * display; needs Debian's xvfb, x11-apps (xwd) and netpbm. Writes .output/store/toolbar-*.png.
 * Not part of `npm test`: it is for looking at, not for asserting.
 */
import { execSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS } from '../tests/e2e/support/browser';
import { SOUTHAMPTON } from '../tests/e2e/support/councils';
import { CHROMIUM, FIREFOX, REPO_ROOT } from '../tests/e2e/support/paths';
import { serveCouncil } from '../tests/e2e/support/server';

const OUT = path.join(REPO_ROOT, '.output/store');
const DISPLAY = ':97';
const SCREEN = { width: 1280, height: 800 };
const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The top `height` pixels of the virtual screen (the browser's tab strip and toolbar) as a PNG. */
function grabToolbar(file: string, height: number): void {
  execSync(`xwd -root -silent -display ${DISPLAY} | xwdtopnm 2>/dev/null | pamcut -top 0 -height ${height} | pnmtopng > '${file}'`, { shell: '/bin/bash' });
  console.log(path.relative(REPO_ROOT, file));
}

async function chromeShots(meetingUrl: string, otherUrl: string): Promise<void> {
  const extension = path.join(REPO_ROOT, '.output/chrome-mv3');
  for (const theme of ['light', 'dark'] as const) {
    const profile = mkdtempSync(path.join(tmpdir(), 'toolbar-chrome-'));
    const launch = () =>
      chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        headless: false,
        viewport: null,
        colorScheme: theme,
        env: { ...process.env, DISPLAY },
        args: [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`, `--window-size=${SCREEN.width},${SCREEN.height}`, '--window-position=0,0', ...(theme === 'dark' ? ['--force-dark-mode'] : []), ...CHROMIUM_ARGS],
      });
    // Chrome hides an extension's button in its puzzle menu until it is pinned: pin it in the profile.
    let context = await launch();
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const id = new URL(worker.url()).host;
    await context.close();
    writeFileSync(path.join(profile, 'Default/Preferences'), JSON.stringify({ extensions: { pinned_extensions: [id] } }));
    context = await launch();
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(meetingUrl);
    await settle(2500);
    grabToolbar(path.join(OUT, `toolbar-chrome-${theme}-meeting.png`), 90);
    await page.goto(otherUrl);
    await settle(1500);
    grabToolbar(path.join(OUT, `toolbar-chrome-${theme}-other.png`), 90);
    await context.close();
  }
}

async function firefoxShots(meetingUrl: string, otherUrl: string): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    const firefox = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: false,
      env: { ...process.env, DISPLAY },
      args: [`--width=${SCREEN.width}`, `--height=${SCREEN.height}`],
      // The default theme follows the system's: this pref is the system saying light or dark.
      extraPrefsFirefox: { 'ui.systemUsesDarkTheme': theme === 'dark' ? 1 : 0 },
    });
    await firefox.installExtension(path.join(REPO_ROOT, '.output/firefox-mv3'));
    const page = (await firefox.pages())[0] ?? (await firefox.newPage());
    await page.goto(meetingUrl);
    await settle(2500);
    grabToolbar(path.join(OUT, `toolbar-firefox-${theme}-meeting.png`), 90);
    await page.goto(otherUrl);
    await settle(1500);
    grabToolbar(path.join(OUT, `toolbar-firefox-${theme}-other.png`), 90);
    await firefox.close();
  }
}

mkdirSync(OUT, { recursive: true });
const xvfb = spawn('Xvfb', [DISPLAY, '-screen', '0', `${SCREEN.width}x${SCREEN.height}x24`], { stdio: 'ignore' });
const council = await serveCouncil({ ...SOUTHAMPTON.routes });
try {
  await settle(1000);
  // Chrome and Firefox grant content-script sites at install, so the production builds read 127.0.0.1 too.
  const meetingUrl = council.url(SOUTHAMPTON.meeting);
  const otherUrl = council.url('/news/council-news.html');
  await chromeShots(meetingUrl, otherUrl);
  await firefoxShots(meetingUrl, otherUrl);
} finally {
  await council.close();
  xvfb.kill();
}
