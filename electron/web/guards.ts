// Node-only. The browser-mode bridge's request checks, kept pure so they are easy to read and test.
export const tokenCookie = 'hw_token';

/** DNS-rebinding defence: a page on evil.example resolved to 127.0.0.1 still sends its own Host. */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const h = host.toLowerCase();
  return h === `127.0.0.1:${port}` || h === `localhost:${port}`;
}

/** The origin the page was served from, derived from an already-checked Host header. */
export function originForHost(host: string): string {
  return `http://${host.toLowerCase()}`;
}

export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/** The browser's session cookie: never readable by script, never sent by another site. */
export function tokenCookieHeader(cookie: string): string {
  return `${tokenCookie}=${cookie}; HttpOnly; SameSite=Strict; Path=/`;
}

/**
 * A state-changing API call must come from our own page: Origin, when the browser sends one, must
 * be ours; Sec-Fetch-Site, when sent, must say same-origin.
 */
export function isSameOriginRequest(
  headers: { origin?: string; 'sec-fetch-site'?: string | string[] },
  expectedOrigin: string,
): boolean {
  if (headers.origin !== undefined && headers.origin.toLowerCase() !== expectedOrigin) return false;
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return false;
  return true;
}

export function isJsonContentType(value: string | undefined): boolean {
  if (!value) return false;
  return value.split(';')[0]!.trim().toLowerCase() === 'application/json';
}

/**
 * A browser tab that needs a core connection of its own (the family's screen of a conference, in a
 * second tab) names it in this header; every other request uses the page's one connection. The
 * name is random per tab and is not a credential: the launch cookie still gates every request,
 * and a connection named here starts with no session (it can only pair as a family view, log in,
 * or be refused).
 */
export const tabConnectionHeader = 'x-homeward-tab';
export const maxTabConnections = 4;

export function tabConnectionName(value: string | string[] | undefined): string | null {
  if (typeof value !== 'string') return null;
  return /^[A-Za-z0-9_-]{16,64}$/u.test(value) ? value : null;
}
