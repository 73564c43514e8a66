// Node-only. Browser mode's launch links and the cookies they turn into. A link is a credential that
// travels through places other OS users or later readers may see (the terminal, the browser's
// command line, shell history if pasted), so it must be worth nothing once used: each link works
// once, within a minute, and is exchanged for a random cookie that never leaves the browser's
// HttpOnly jar. Neither links nor cookies are ever written to disk; only their hashes are kept.
import crypto from 'node:crypto';

/** How long a printed link stays usable: long enough for a browser to start, short for a thief. */
export const launchLinkTtlMs = 60_000;
/** Browsers (profiles) that may hold a session cookie at once; the oldest gives way. */
export const maxBrowserSessions = 8;

const hash = (value: string): string => crypto.createHash('sha256').update(value).digest('hex');
const randomSecret = (): string => crypto.randomBytes(32).toString('base64url');

export type Redemption = { ok: true; cookie: string } | { ok: false; reason: 'unknown' | 'used' | 'expired' };

export class LaunchTickets {
  // Keyed by hash: a lookup's timing then says nothing useful about the secret itself.
  private readonly tickets = new Map<string, { expiresAt: number; used: boolean }>();
  private readonly sessions: string[] = [];

  constructor(
    private readonly now: () => number = Date.now,
    private readonly ttlMs = launchLinkTtlMs,
  ) {}

  /** A fresh one-time launch token. */
  issue(): string {
    this.prune();
    const token = randomSecret();
    this.tickets.set(hash(token), { expiresAt: this.now() + this.ttlMs, used: false });
    return token;
  }

  /** Spends a launch token: the first use within its lifetime yields a new session cookie. */
  redeem(token: string | null | undefined): Redemption {
    if (typeof token !== 'string' || token.length === 0) return { ok: false, reason: 'unknown' };
    const ticket = this.tickets.get(hash(token));
    if (!ticket) return { ok: false, reason: 'unknown' };
    if (ticket.used) return { ok: false, reason: 'used' };
    ticket.used = true;
    if (ticket.expiresAt <= this.now()) return { ok: false, reason: 'expired' };
    const cookie = randomSecret();
    this.sessions.push(hash(cookie));
    if (this.sessions.length > maxBrowserSessions) this.sessions.splice(0, this.sessions.length - maxBrowserSessions);
    return { ok: true, cookie };
  }

  isSession(cookie: string | null | undefined): boolean {
    if (typeof cookie !== 'string' || cookie.length === 0) return false;
    return this.sessions.includes(hash(cookie));
  }

  /** Spent and expired tickets are remembered a little longer, so a reuse is reported as such. */
  private prune(): void {
    const forgetBefore = this.now() - 10 * this.ttlMs;
    for (const [key, ticket] of this.tickets) if (ticket.expiresAt < forgetBefore) this.tickets.delete(key);
  }
}
