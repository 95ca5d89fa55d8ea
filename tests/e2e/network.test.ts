import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, openWithPanel, type ExtensionBrowser } from './support/browser';
import { SOUTHAMPTON, WORCESTERSHIRE } from './support/councils';
import { FIXTURES_DIR } from './support/paths';
import { serveCouncil, type CouncilServer, type Handler } from './support/server';

/** What the extension fetches from a council's site, when the site misbehaves. The Worcestershire
 * meeting page cuts item 5's minutes short; its full text is on `/mgAi.aspx?ID=9876`. */
const ITEM = WORCESTERSHIRE.item;
const servers: CouncilServer[] = [];
const held: ServerResponse[] = [];
let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  for (const res of held) res.destroy();
  await Promise.all(servers.map((s) => s.close()));
});

/** Worcestershire's site at its own host name, its item page answered by `item`. */
async function worcestershireWith(item: Handler | string, extra: Record<string, string | Handler> = {}): Promise<CouncilServer> {
  const site = await serveCouncil({ [WORCESTERSHIRE.meeting]: WORCESTERSHIRE.meetingFile, [ITEM]: item, ...extra }, WORCESTERSHIRE.host);
  servers.push(site);
  return site;
}

/** Opens the meeting and waits for the panel to say why item 5 could not be completed. */
async function completionFailure(site: CouncilServer, timeout = 20_000): Promise<{ status: string; minutes: string; summary: string }> {
  const { page, panel } = await openWithPanel(browser, site.url(WORCESTERSHIRE.meeting));
  const status = panel.getByRole('status').filter({ hasText: 'Partial: the full minutes of item 5 could not be fetched' });
  await status.waitFor({ timeout });
  const item5 = panel.locator('.item').nth(4);
  await item5.locator('summary').click();
  const result = {
    status: (await status.textContent()) ?? '',
    minutes: (await item5.locator('.minutes-text').textContent()) ?? '',
    summary: (await item5.locator('summary').textContent()) ?? '',
  };
  // The page stays usable: the meeting can be saved as read, its complete items or, by choice, with the cut text.
  expect(await panel.getByRole('button', { name: 'Save meeting (5 complete items)' }).isEnabled()).toBe(true);
  expect(await panel.getByRole('button', { name: 'Save meeting with cut-short minutes (6 items)' }).isEnabled()).toBe(true);
  await Promise.all([page.close(), panel.close()]);
  return result;
}

describe('completing cut-short minutes from a misbehaving site', () => {
  it('refuses an item page that redirects to another site, and puts none of its text in the minutes', async () => {
    const other = await serveCouncil(
      {
        '/minutes.html': (_req, res) => {
          // Readable across origins, so only the extension's own check can keep it out.
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'access-control-allow-origin': '*' });
          res.end('<div id="modgov"><div class="mgContent"><p class="mgSubItemTitleTxt">Minutes:</p><div class="mgWordPara"><p>Text from another site.</p></div></div></div>');
        },
      },
      'elsewhere.example.net',
    );
    servers.push(other);
    const site = await worcestershireWith((_req, res) => {
      res.writeHead(302, { location: other.url('/minutes.html') });
      res.end();
    });
    const { status, minutes, summary } = await completionFailure(site);
    expect(status).toContain(`${site.url(ITEM)} redirected to another site (${other.origin}); only pages of ${site.origin} are read.`);
    expect(minutes).not.toContain('Text from another site');
    // The cut text is kept, and marked cut short.
    expect(minutes).toContain('A Member referred to a recent incident in a Kidderminster');
    expect(summary).toContain('cut short');
  });

  it('refuses an item page that is not HTML', async () => {
    const site = await worcestershireWith((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.end('%PDF-1.4 minutes');
    });
    const { status } = await completionFailure(site);
    expect(status).toContain(`${site.url(ITEM)} is not a web page (application/pdf); only HTML pages are read.`);
  });

  it('stops reading an item page larger than 20 MB', async () => {
    const site = await worcestershireWith((_req, res) => {
      // No content-length: an endless body, 64 KB at a time, until the reader stops.
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = `<p>${'minutes '.repeat(8192)}</p>`;
      const write = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', write);
      };
      write();
    });
    const { status } = await completionFailure(site);
    expect(status).toContain(`The page at ${site.url(ITEM)} is larger than 20 MB; it was not read.`);
  });

  it('gives up on an item page that never answers, with a plain message, and the panel is usable again', async () => {
    const site = await worcestershireWith((_req, res) => void held.push(res));
    const { page, panel } = await openWithPanel(browser, site.url(WORCESTERSHIRE.meeting));
    await panel.getByRole('status').filter({ hasText: 'Fetching the full minutes of item 5' }).waitFor();
    await panel.getByRole('status').filter({ hasText: `The council's site did not answer within 30 seconds for ${site.url(ITEM)}.` }).waitFor({ timeout: 45_000 });
    expect(await panel.getByRole('button', { name: 'Save meeting (5 complete items)' }).isEnabled()).toBe(true);
    await Promise.all([page.close(), panel.close()]);
  }, 60_000);

  it('fetches the item pages of one meeting one a second', async () => {
    // Item 6 cut short too, its full text on its own item page.
    const dir = mkdtempSync(path.join(tmpdir(), 'two-cut-'));
    const html = readFileSync(WORCESTERSHIRE.meetingFile, 'utf8');
    const row6 = html.indexOf('name="AI9877"');
    const end6 = html.indexOf('</div>\n</div>\n</td>', row6);
    const cut = '<p class="MsoNormal">Members asked about the data &nbsp;...&nbsp; <a href="mgAi.aspx?ID=9877#mgMinutes">view the full minutes text for item 6.</a></p>\n';
    const meetingFile = path.join(dir, 'meeting.html');
    writeFileSync(meetingFile, html.slice(0, end6) + cut + html.slice(end6));
    const site = await serveCouncil(
      { [WORCESTERSHIRE.meeting]: meetingFile, [ITEM]: WORCESTERSHIRE.itemFile, '/mgAi.aspx?ID=9877': WORCESTERSHIRE.itemFile },
      WORCESTERSHIRE.host,
    );
    servers.push(site);
    const { page, panel } = await openWithPanel(browser, site.url(WORCESTERSHIRE.meeting));
    await panel.getByRole('status').filter({ hasText: /^Found 6 items\.$/ }).waitFor({ timeout: 20_000 });
    const items = site.requests.map((r, i) => [r, site.requestTimes[i] ?? 0] as const).filter(([r]) => r.startsWith('/mgAi.aspx'));
    expect(items.map(([r]) => r)).toEqual([ITEM, '/mgAi.aspx?ID=9877']);
    // A second apart at least (arrival times carry a few tens of milliseconds of jitter).
    expect((items[1]?.[1] ?? 0) - (items[0]?.[1] ?? 0)).toBeGreaterThanOrEqual(900);
    await Promise.all([page.close(), panel.close()]);
  });
});

describe('cancelling a batch collection', () => {
  it('aborts the request under way', async () => {
    const LIST = '/modernGov/ieListMeetings.aspx?CId=600&Year=0';
    let closed = 0;
    const hang: Handler = (req, res) => {
      held.push(res);
      req.socket.once('close', () => closed++);
    };
    const routes: Record<string, string | Handler> = { [LIST]: path.join(FIXTURES_DIR, 'southampton-committee-meetings.html') };
    for (const id of ['7109', '7108', '7106', '7105', '7104']) routes[`/modernGov/ieListDocuments.aspx?CId=600&MId=${id}&Ver=4`] = hang;
    const site = await serveCouncil(routes, SOUTHAMPTON.host);
    servers.push(site);
    const { page, panel } = await openWithPanel(browser, site.url(LIST));
    await panel.getByRole('button', { name: 'Save 5 meetings' }).click();
    // The first meeting page is asked for, and never comes.
    await expect.poll(() => site.requests.filter((r) => r.includes('ieListDocuments')).length, { timeout: 10_000 }).toBe(1);
    await panel.getByRole('button', { name: 'Cancel' }).click();
    // The browser drops the request under way: its connection closes on the server.
    await expect.poll(() => closed, { timeout: 10_000 }).toBe(1);
    await panel.getByText('Cancelled: 0 of 5').waitFor();
    expect(await panel.locator('.collect-progress').textContent()).toContain('Saved 0, skipped 0 already saved.');
    expect(site.requests.filter((r) => r.includes('ieListDocuments'))).toHaveLength(1);
    await Promise.all([page.close(), panel.close()]);
  });
});
