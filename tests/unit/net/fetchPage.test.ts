// @vitest-environment node
// Node's own fetch against real local servers (happy-dom's fetch applies a page's CORS rules).
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchPageHtml, PageFetchError } from '@/lib/net/fetchPage';

/** Two real sites on 127.0.0.1: the council's, and another one its pages may redirect to. */
let council: Server;
let other: Server;
let origin = '';
let otherOrigin = '';
const hanging: ServerResponse[] = [];
const requested: string[] = [];

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

beforeAll(async () => {
  other = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'access-control-allow-origin': '*' });
    res.end('<p>Another site</p>');
  });
  otherOrigin = await listen(other);
  council = createServer((req, res) => {
    requested.push(req.url ?? '');
    switch (req.url) {
      case '/mgAi.aspx?ID=1':
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return res.end('<p>Minutes: RESOLVED that the report be noted.</p>');
      case '/mgAi.aspx?ID=2':
        res.writeHead(302, { location: '/mgAi.aspx?ID=1' });
        return res.end();
      case '/mgAi.aspx?ID=3':
        res.writeHead(302, { location: `${otherOrigin}/page.html` });
        return res.end();
      case '/mgAi.aspx?ID=4':
        res.writeHead(200, { 'content-type': 'application/pdf' });
        return res.end('%PDF-1.4');
      case '/mgAi.aspx?ID=5': {
        // No content-length: the body is streamed, 64 KB at a time, and never ends by itself.
        res.writeHead(200, { 'content-type': 'text/html' });
        const chunk = `<p>${'x'.repeat(65_536)}</p>`;
        const write = () => {
          while (!res.destroyed && res.write(chunk));
          if (!res.destroyed) res.once('drain', write);
        };
        return write();
      }
      case '/mgAi.aspx?ID=6':
        hanging.push(res);
        return;
      case '/mgAi.aspx?ID=7':
        res.writeHead(200, { 'content-type': 'text/html; charset=windows-1252' });
        return res.end(Buffer.from([0x3c, 0x70, 0x3e, 0x92, 0x3c, 0x2f, 0x70, 0x3e]));
      default:
        res.writeHead(404, { 'content-type': 'text/html' });
        return res.end('<h1>Page not found</h1>');
    }
  });
  origin = await listen(council);
});

afterAll(async () => {
  for (const res of hanging) res.destroy();
  council.closeAllConnections();
  other.closeAllConnections();
  await Promise.all([new Promise((r) => council.close(r)), new Promise((r) => other.close(r))]);
});

const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as PageFetchError);

describe('fetchPageHtml', () => {
  it('reads an HTML page of the site, following a redirect that stays on it', async () => {
    expect(await fetchPageHtml(`${origin}/mgAi.aspx?ID=1`, { origin })).toBe('<p>Minutes: RESOLVED that the report be noted.</p>');
    expect(await fetchPageHtml(`${origin}/mgAi.aspx?ID=2`, { origin })).toBe('<p>Minutes: RESOLVED that the report be noted.</p>');
  });

  it('decodes the charset the response declares', async () => {
    expect(await fetchPageHtml(`${origin}/mgAi.aspx?ID=7`, { origin })).toBe('<p>\u2019</p>');
  });

  it('refuses a page on another site, asked for or reached by a redirect', async () => {
    const direct = await failure(fetchPageHtml(`${otherOrigin}/page.html`, { origin }));
    expect(direct?.message).toBe(`${otherOrigin}/page.html is on another site; only pages of ${origin} are read.`);
    const redirected = await failure(fetchPageHtml(`${origin}/mgAi.aspx?ID=3`, { origin }));
    expect(redirected?.message).toBe(`${origin}/mgAi.aspx?ID=3 redirected to another site (${otherOrigin}); only pages of ${origin} are read.`);
  });

  it('refuses what is not text/html, and says what the site answered for a missing page', async () => {
    expect((await failure(fetchPageHtml(`${origin}/mgAi.aspx?ID=4`, { origin })))?.message).toBe(
      `${origin}/mgAi.aspx?ID=4 is not a web page (application/pdf); only HTML pages are read.`,
    );
    expect((await failure(fetchPageHtml(`${origin}/mgAi.aspx?ID=404`, { origin })))?.message).toBe(`The council's site answered 404 for ${origin}/mgAi.aspx?ID=404.`);
  });

  it('stops reading a body larger than the cap', async () => {
    const error = await failure(fetchPageHtml(`${origin}/mgAi.aspx?ID=5`, { origin, maxBytes: 1024 * 1024 }));
    expect(error?.message).toBe(`The page at ${origin}/mgAi.aspx?ID=5 is larger than 1 MB; it was not read.`);
  });

  it('gives up on a site that does not answer, with a plain message', async () => {
    const error = await failure(fetchPageHtml(`${origin}/mgAi.aspx?ID=6`, { origin, timeoutMs: 200 }));
    expect(error?.message).toBe(`The council's site did not answer within 0 seconds for ${origin}/mgAi.aspx?ID=6.`);
  });

  it('aborts the request under way when cancelled', async () => {
    const controller = new AbortController();
    const before = hanging.length;
    const pending = failure(fetchPageHtml(`${origin}/mgAi.aspx?ID=6`, { origin, signal: controller.signal }));
    // Cancelled once the server holds the request, so it is the request under way that stops.
    while (hanging.length === before) await new Promise((r) => setTimeout(r, 10));
    const response = hanging[hanging.length - 1];
    const closed = new Promise((resolve) => response?.once('close', resolve));
    controller.abort();
    const error = await pending;
    expect(error?.message).toBe('Cancelled.');
    expect(error?.cancelled).toBe(true);
    await closed;
    expect(response?.destroyed).toBe(true);
  });
});
