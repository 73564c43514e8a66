// Node-only. How far the seal of a case package has come, per connection, so the sender's screen
// shows a progress bar while a large case (tens of MB of documents) is sealed. Calls run one at a
// time and `transfer.send` holds the queue while it seals, so `transfer.sealProgress` is answered
// outside the queue (core.ts): it reads only this in-memory figure of the caller's own
// connection — no database, no case content — and only for a session that may send.
import { can } from '../../../shared/permissions';
import type { Result } from '../../../shared/contract/errors';
import type { Connection } from '../handler';

export interface SealProgress {
  doneBytes: number;
  totalBytes: number;
}

const sealing = new WeakMap<Connection, SealProgress>();

/** Starts tracking a seal on this connection; returns the setter the seal calls. */
export function trackSeal(conn: Connection): { update(done: number, total: number): void; end(): void } {
  const progress: SealProgress = { doneBytes: 0, totalBytes: 0 };
  sealing.set(conn, progress);
  return {
    update(done, total) {
      progress.doneBytes = done;
      progress.totalBytes = total;
    },
    end() {
      if (sealing.get(conn) === progress) sealing.delete(conn);
    },
  };
}

export function sealProgressOf(conn: Connection): { sealing: boolean; doneBytes: number; totalBytes: number } {
  const progress = sealing.get(conn);
  return progress ? { sealing: true, ...progress } : { sealing: false, doneBytes: 0, totalBytes: 0 };
}

/**
 * The answer outside the call queue, or null to let the call take the ordinary path (which
 * refuses, and audits the refusal, for a caller who may not send or is not signed in).
 */
export function answerSealProgress(conn: Connection): Result<unknown> | null {
  const session = conn.session;
  if (!session || session.locked || session.mustChangePassword || !can(session.role, 'case.write')) return null;
  return { ok: true, value: sealProgressOf(conn) };
}
