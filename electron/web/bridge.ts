// Node-only. The browser-mode bridge: serves the built renderer and the core's handlers over HTTP on
// 127.0.0.1 only. A one-time launch link (electron/web/launch.ts), exchanged on first use for an
// HttpOnly SameSite=Strict cookie, gates every request; the Host header is checked against DNS
// rebinding and Origin against CSRF.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Core } from '../core/core';
import { errorForLog } from '../core/log/redact';
import type { Connection } from '../core/handler';
import {
  isAllowedHost,
  isJsonContentType,
  isSameOriginRequest,
  originForHost,
  maxTabConnections,
  readCookie,
  tabConnectionHeader,
  tabConnectionName,
  tokenCookie,
  tokenCookieHeader,
} from './guards';
import { LaunchTickets, launchLinkTtlMs, type Redemption } from './launch';
import { resolveRendererFile, securityHeaders } from './renderer-files';

export const defaultBodyLimitBytes = 25 * 1024 * 1024;

export interface WebBridgeOptions {
  core: Core;
  /** The renderer build (out/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  bodyLimitBytes?: number;
  /** The clock launch links expire by (tests move it). */
  now?: () => number;
  launchLinkTtlMs?: number;
  log?: (message: string, error?: unknown) => void;
}

export interface WebBridge {
  readonly port: number;
  readonly origin: string;
  /** The first one-time link (printed to the terminal); it works once, within a minute. */
  readonly launchUrl: string;
  /** Another one-time link, for another browser or after the first expired. */
  newLaunchUrl(): string;
  close(): Promise<void>;
}

type Res = http.ServerResponse;

function send(res: Res, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}): void {
  const payload = typeof body === 'string' ? Buffer.from(body) : body;
  res.writeHead(status, { ...securityHeaders, 'Content-Type': type, 'Content-Length': String(payload.length), ...extra });
  res.end(payload);
}

function sendJson(res: Res, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

function sendError(res: Res, status: number, code: string, message: string): void {
  sendJson(res, status, { ok: false, error: { code, message } });
}

// No inline script or style: the page is served under the same CSP as the app.
function notLaunchedPage(reason: Extract<Redemption, { ok: false }>['reason'] | 'none'): string {
  const why =
    reason === 'used'
      ? '<p>This link was already used. Each link opens Homeward once, in one browser.</p>'
      : reason === 'expired'
        ? '<p>This link has expired. Each link works for one minute.</p>'
        : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Homeward</title></head>
<body><h1>Homeward</h1>
${why}<p>This address needs the link that was printed in the terminal when Homeward started
(it begins with <code>http://127.0.0.1</code> and ends with <code>?launch=…</code>).
For a new link, press Enter in the terminal where Homeward runs.</p>
</body></html>
`;
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > limit) {
      resolve('too-large');
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!over) resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

export async function startWebBridge(options: WebBridgeOptions): Promise<WebBridge> {
  const { core, rendererDir } = options;
  const tickets = new LaunchTickets(options.now ?? Date.now, options.launchLinkTtlMs ?? launchLinkTtlMs);
  const bodyLimit = options.bodyLimitBytes ?? defaultBodyLimitBytes;
  // Codes and code locations only: an error's message may quote what the request carried.
  const sink = options.log ?? ((message, error) => console.error(message, error ?? ''));
  const log = (message: string, error?: unknown) => sink(message, error === undefined ? undefined : errorForLog(error));
  // One connection: browser mode is one app window with one session, whichever link opened it.
  const conn: Connection = core.connect();
  // Extra tabs with a connection of their own (the family's conference screen): few, and the
  // oldest is dropped when another opens, so a page cannot pile up connections.
  const tabs = new Map<string, Connection>();
  const connectionFor = (req: http.IncomingMessage): Connection => {
    const name = tabConnectionName(req.headers[tabConnectionHeader]);
    if (name === null) return conn;
    const existing = tabs.get(name);
    if (existing) return existing;
    if (tabs.size >= maxTabConnections) {
      const [oldest, dropped] = tabs.entries().next().value as [string, Connection];
      tabs.delete(oldest);
      core.disconnect(dropped);
    }
    const created = core.connect();
    tabs.set(name, created);
    return created;
  };
  let port = 0;

  async function handleApi(req: http.IncomingMessage, res: Res, channel: string, host: string): Promise<void> {
    if (req.method !== 'POST') {
      sendError(res, 405, 'FORBIDDEN', 'use POST');
      return;
    }
    if (!isSameOriginRequest(req.headers, originForHost(host))) {
      sendError(res, 403, 'FORBIDDEN', 'cross-origin request refused');
      return;
    }
    if (!isJsonContentType(req.headers['content-type'])) {
      sendError(res, 415, 'VALIDATION', 'the request must be application/json');
      return;
    }
    const body = await readBody(req, bodyLimit);
    if (body === 'too-large') {
      res.setHeader('Connection', 'close');
      sendError(res, 413, 'VALIDATION', 'the request is too large');
      return;
    }
    let input: unknown;
    try {
      input = body.length === 0 ? undefined : JSON.parse(body.toString('utf8'));
    } catch {
      sendError(res, 400, 'VALIDATION', 'the request body is not valid JSON');
      return;
    }
    // Unknown channels go to the core too, so every transport answers UNKNOWN_CHANNEL the same way.
    const result = await core.invoke(connectionFor(req), channel, input);
    sendJson(res, 200, result);
  }

  function handleStatic(req: http.IncomingMessage, res: Res, pathname: string): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'text/plain; charset=utf-8', 'method not allowed', { Allow: 'GET, HEAD' });
      return;
    }
    const resolved = resolveRendererFile(rendererDir, pathname);
    if (resolved.kind === 'bad-path') {
      send(res, 400, 'text/plain; charset=utf-8', 'bad path');
      return;
    }
    if (resolved.kind === 'not-found') {
      send(res, 404, 'text/plain; charset=utf-8', 'not found');
      return;
    }
    const content = fs.readFileSync(resolved.file);
    if (req.method === 'HEAD') {
      res.writeHead(200, { ...securityHeaders, 'Content-Type': resolved.contentType, 'Content-Length': String(content.length) });
      res.end();
      return;
    }
    send(res, 200, resolved.contentType, content);
  }

  async function handle(req: http.IncomingMessage, res: Res): Promise<void> {
    const host = req.headers.host;
    if (!isAllowedHost(host, port)) {
      // 421 Misdirected Request: this server does not answer for that name.
      send(res, 421, 'text/plain; charset=utf-8', 'wrong host');
      return;
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', originForHost(host!));
    } catch {
      send(res, 400, 'text/plain; charset=utf-8', 'bad request');
      return;
    }

    const launch = url.searchParams.get('launch');
    const hasSession = tickets.isSession(readCookie(req.headers.cookie, tokenCookie));
    if (url.pathname === '/' && launch !== null && req.method === 'GET') {
      const redeemed = tickets.redeem(launch);
      if (redeemed.ok) {
        // Redirect so the token leaves the address bar (and history keeps only the bare origin).
        res.writeHead(302, { ...securityHeaders, 'Set-Cookie': tokenCookieHeader(redeemed.cookie), Location: '/', 'Content-Length': '0' });
        res.end();
        return;
      }
      // A browser that already holds a session (a reload of the link) just goes on; a spent link
      // never hands out another cookie.
      if (hasSession) {
        res.writeHead(302, { ...securityHeaders, Location: '/', 'Content-Length': '0' });
        res.end();
        return;
      }
      send(res, 403, 'text/html; charset=utf-8', notLaunchedPage(redeemed.reason));
      return;
    }

    const isApi = url.pathname.startsWith('/api/');
    if (!hasSession) {
      if (isApi) sendError(res, 403, 'FORBIDDEN', 'open the link printed in the terminal first');
      else send(res, 403, 'text/html; charset=utf-8', notLaunchedPage('none'));
      return;
    }

    if (isApi) {
      let channel: string;
      try {
        channel = decodeURIComponent(url.pathname.slice('/api/'.length));
      } catch {
        channel = url.pathname.slice('/api/'.length);
      }
      await handleApi(req, res, channel, host!);
      return;
    }
    handleStatic(req, res, url.pathname);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log('browser-mode request failed', error);
      if (!res.headersSent) sendError(res, 500, 'INTERNAL', 'something went wrong; nothing was saved');
      else res.destroy();
    });
  });
  server.headersTimeout = 20_000;
  server.requestTimeout = 120_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  return {
    port,
    origin,
    launchUrl: `${origin}/?launch=${tickets.issue()}`,
    newLaunchUrl: () => `${origin}/?launch=${tickets.issue()}`,
    close() {
      core.disconnect(conn);
      for (const tab of tabs.values()) core.disconnect(tab);
      tabs.clear();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
