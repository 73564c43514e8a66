// Node-only (no electron import). How the built renderer is served, shared by both transports that
// serve it: the Electron app:// protocol and the browser-mode bridge. One CSP, one set of headers,
// one path resolver, so the two cannot drift apart.
import fs from 'node:fs';
import path from 'node:path';

export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The same policy for a <meta> tag in the built index.html (defence in depth, and visible to
 *  Electronegativity). frame-ancestors is dropped: browsers ignore it in a meta tag. */
export const metaContentSecurityPolicy = contentSecurityPolicy
  .split('; ')
  .filter((directive) => !directive.startsWith('frame-ancestors'))
  .join('; ');

/** Headers on every response that carries renderer content or API results. */
export const securityHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(file: string): string {
  return contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export type ResolvedFile = { kind: 'file'; file: string; contentType: string } | { kind: 'not-found' } | { kind: 'bad-path' };

/**
 * Maps a URL path onto a file under `root`. Anything that would leave `root` (`..`, encoded
 * separators, NUL, absolute paths) is a bad path; a path whose last segment has no extension and
 * names no file falls back to index.html, so client-side routes survive a reload.
 */
export function resolveRendererFile(root: string, urlPath: string): ResolvedFile {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { kind: 'bad-path' };
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return { kind: 'bad-path' };
  const segments = decoded.split('/');
  if (segments.some((s) => s === '..' || s === '.')) return { kind: 'bad-path' };

  const base = path.resolve(root);
  const relative = decoded === '/' ? 'index.html' : decoded.slice(1);
  const candidate = path.resolve(base, relative);
  if (candidate !== base && !candidate.startsWith(base + path.sep)) return { kind: 'bad-path' };

  const stat = statOrNull(candidate);
  if (stat?.isFile()) return { kind: 'file', file: candidate, contentType: contentTypeFor(candidate) };
  if (stat?.isDirectory()) {
    const index = path.join(candidate, 'index.html');
    if (statOrNull(index)?.isFile()) return { kind: 'file', file: index, contentType: contentTypeFor(index) };
  }
  const last = segments[segments.length - 1] ?? '';
  if (!last.includes('.')) {
    const index = path.join(base, 'index.html');
    if (statOrNull(index)?.isFile()) return { kind: 'file', file: index, contentType: contentTypeFor(index) };
  }
  return { kind: 'not-found' };
}

function statOrNull(file: string): fs.Stats | null {
  try {
    return fs.statSync(file);
  } catch {
    return null;
  }
}
