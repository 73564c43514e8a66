// Main-only. Serves the renderer build on app://homeward/ instead of file://, so the page has a
// real origin (the IPC sender check and CSP 'self' mean something) and cannot read the disk.
import { protocol } from 'electron';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import { resolveRendererFile, securityHeaders } from '../web/renderer-files';
import { printPageCsp } from '../core/print/document';
import { appHost, appScheme } from './app-origin';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: appScheme,
      // standard: real origin and relative URLs; secure: a secure context like https;
      // supportFetchAPI + corsEnabled: ES module scripts (Vite's output) load over it.
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
    },
  ]);
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' } });
}

// Pages handed to the hidden print window (electron/main/print-to-pdf.ts): each under a random,
// unguessable path, served only while its PDF is being made, then forgotten.
const printPages = new Map<string, string>();
const printPrefix = '/__print/';

/** Serves one document page at a one-time address; call release() when the PDF is made. */
export function registerPrintPage(html: string): { url: string; release(): void } {
  const id = `${crypto.randomUUID()}.html`;
  printPages.set(id, html);
  return { url: `${appScheme}://${appHost}${printPrefix}${id}`, release: () => printPages.delete(id) };
}

/** After ready: answers app://homeward/<path> from the renderer build, nothing else. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(appScheme, async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return plain(400, 'bad request');
    }
    if (url.host !== appHost) return plain(404, 'not found');
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'method not allowed');
    if (url.pathname.startsWith(printPrefix)) {
      const page = printPages.get(url.pathname.slice(printPrefix.length));
      if (page === undefined) return plain(404, 'not found');
      // The document page carries its own strict CSP (no script, no requests but inline styles).
      return new Response(page, {
        status: 200,
        headers: { ...securityHeaders, 'Content-Security-Policy': printPageCsp, 'Content-Type': 'text/html; charset=utf-8' },
      });
    }
    const resolved = resolveRendererFile(rendererDir, url.pathname);
    if (resolved.kind === 'bad-path') return plain(400, 'bad path');
    if (resolved.kind === 'not-found') return plain(404, 'not found');
    const body = request.method === 'HEAD' ? null : await fs.readFile(resolved.file);
    return new Response(body, { status: 200, headers: { ...securityHeaders, 'Content-Type': resolved.contentType } });
  });
}
