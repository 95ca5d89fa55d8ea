import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Answers a request itself: a redirect, another content type, a page that never comes… */
export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** Routes: path with query (as requested) → file to serve (HTML unless it ends in .xml), or a handler. */
export type Routes = Record<string, string | Handler>;

export interface CouncilServer {
  origin: string;
  /** The live route table: change it to serve a page edited since it was saved. */
  routes: Routes;
  url(pathAndQuery: string): string;
  /** Requests served, in order, for checks on what the extension fetched. */
  requests: string[];
  /** When each request arrived (ms since the epoch), in the same order. */
  requestTimes: number[];
  close(): Promise<void>;
}

/**
 * A council's site on 127.0.0.1 (one port per council, so each is its own origin), addressed by
 * `host`: the browser resolves every host name to 127.0.0.1 (`--host-resolver-rules`), so a page
 * loads at its council's real host name, where the content script is declared.
 */
export async function serveCouncil(routes: Routes, host = '127.0.0.1'): Promise<CouncilServer> {
  const requests: string[] = [];
  const requestTimes: number[] = [];
  const server: Server = createServer((req, res) => {
    const target = req.url ?? '/';
    requests.push(target);
    requestTimes.push(Date.now());
    const file = routes[target] ?? routes[target.replace(/#.*$/, '')];
    if (typeof file === 'function') return file(req, res);
    if (!file || !existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><title>Not found</title><h1>Page not found</h1>');
      return;
    }
    res.writeHead(200, { 'content-type': file.endsWith('.xml') ? 'text/xml; charset=utf-8' : 'text/html; charset=utf-8' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://${host}:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    routes,
    url: (pathAndQuery) => `${origin}${pathAndQuery}`,
    requests,
    requestTimes,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // A socket Chromium opened ahead of a request it never sent (a preconnect) is neither idle
        // nor busy to Node: close() would wait for it until the headers timeout, 60 s.
        server.closeAllConnections();
      }),
  };
}
