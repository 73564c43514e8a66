// Node-only. The core: validates every call against the shared contract, checks the session,
// auto-lock and permission, runs the handler one call at a time, and wraps the result so that no
// exception or stack trace crosses a transport.
import crypto from 'node:crypto';
import { z } from 'zod';
import { channels, isChannelName, type ChannelDef, type ChannelName } from '../../shared/contract';
import { AppError, type Result, type ValidationIssue } from '../../shared/contract/errors';
import type { Language } from '../../shared/i18n/languages';
import { can, type Permission } from '../../shared/permissions';
import { channelsBeforePasswordChange } from '../../shared/session/contract';
import { MaintenanceState } from './admin/maintenance';
import { appendAudit, type AuditEvent } from './audit/audit';
import { caseStateHash } from './audit/state';
import { errorForLog, newIncidentId } from './log/redact';
import type { CoreDeps } from './deps';
import type { Connection, HandlerEnv, HandlerMap, Session } from './handler';
import { createHandlers } from './handlers';
import { StoreManager, storePaths } from './store';
import { warmCaseList } from './cases/warm';
import { presentStepEarly } from './conference/family-view';
import { answerSealProgress } from './transfer/progress';
import { defaultKdf, type KdfCost } from './vault/crypto';
import { Vault } from './vault/vault';

export interface CoreOptions {
  dataDir: string;
  /** better_sqlite3.node for the running runtime (Electron needs its own ABI build). */
  nativeBinding?: string;
  /** Tests use a cheap KDF; the app always uses the default. */
  kdfCost?: KdfCost;
  now?: () => Date;
  log?: (message: string, error?: unknown) => void;
  /** The desktop app's folder dialog (electron/main); browser mode has none. */
  chooseFolder?: (purpose: 'backup' | 'restore') => Promise<string | null>;
  /** The print engine for PDFs (electron/core/print); none means PDF_UNAVAILABLE. */
  printToPdf?: (html: string) => Promise<Buffer>;
}

export interface Core {
  readonly paths: ReturnType<typeof storePaths>;
  connect(): Connection;
  disconnect(conn: Connection): void;
  invoke(conn: Connection, channel: string, input: unknown): Promise<Result<unknown>>;
  /** Locks every session (the OS is suspending, the screen is locked). */
  lockAll(): Promise<void>;
  close(): void;
  /** For tests and tools only: the open store, if any. */
  readonly store: StoreManager;
  readonly vault: Vault;
}

function zodIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    code: issue.code,
    message: issue.message,
  }));
}

export function createCore(options: CoreOptions): Core {
  const paths = storePaths(options.dataDir);
  const kdfCost = options.kdfCost ?? defaultKdf;
  const vault = new Vault(paths.keyFile, kdfCost);
  const store = new StoreManager(paths, vault, options.nativeBinding);
  const connections = new Set<Connection>();
  const now = options.now ?? (() => new Date());
  // Every error the core logs goes through errorForLog: codes and code locations, never a message
  // (which may quote case text). The sink sees only that summary.
  const sink = options.log ?? ((message, error) => console.error(message, error ?? ''));
  const log = (message: string, error?: unknown) => sink(message, error === undefined ? undefined : errorForLog(error));
  store.logReaderFailure = (error) => log('the second reader failed; its reads are done on the main connection', error);
  store.onOpen = (open) => {
    store.warming = warmCaseList(open.raw, () => store.isOpen && store.get() === open).catch((error) => {
      log('warming the case list failed', error);
      return null;
    });
  };

  const auditAs = async (trx: Parameters<CoreDeps['auditAs']>[0], event: AuditEvent) => {
    await appendAudit(trx, { at: now().toISOString(), ...event });
  };

  // Kysely hands the single connection to an open transaction until it ends, so a query through
  // the plain handle inside `env.tx` would wait forever — and, calls being serial, freeze the app.
  // Fail loudly instead: inside a transaction, use `trx`.
  let openTransactions = 0;
  const outsideTransaction = () => {
    if (openTransactions > 0) throw new Error('database handle used inside a transaction: use trx');
    return store.get().db;
  };

  // One call at a time: better-sqlite3 is synchronous and a Kysely transaction spans awaits, so
  // interleaving two calls could slip one call's statements into the other's transaction.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  const deps: CoreDeps = {
    exclusive: serial,
    nativeBinding: options.nativeBinding,
    chooseFolder: options.chooseFolder,
    printToPdf: options.printToPdf,
    vault,
    store,
    kdfCost,
    now,
    connections,
    maintenance: new MaintenanceState(),
    backgroundJobs: new Set(),
    auditAs,
    async settings() {
      const row = await outsideTransaction().selectFrom('office').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
      return {
        office: { name: row.name, code: row.code, country: row.country, defaultLanguage: row.default_language as Language },
        autoLockMinutes: row.auto_lock_minutes,
        requireBid: row.require_bid === 1,
      };
    },
    closeStoreIfIdle() {
      if (![...connections].some((c) => c.session)) store.close();
    },
  };

  const handlers: HandlerMap = createHandlers(deps);


  // Audit entries about a case, written inside env.tx, wait for the end of the transaction (still
  // inside it) so they can carry the hash of the case's final state: a handler may change the case
  // after recording the change. Calls are serial, so one frame at a time.
  let caseAudits: { trx: unknown; events: AuditEvent[] } | null = null;

  function envFor(conn: Connection): HandlerEnv {
    return {
      conn,
      get session(): Session {
        if (!conn.session) throw new AppError('NOT_AUTHENTICATED', 'please log in');
        return conn.session;
      },
      now,
      db: () => outsideTransaction(),
      tx: async (work) => {
        const db = outsideTransaction();
        openTransactions += 1;
        try {
          return await db.transaction().execute(async (trx) => {
            const frame = { trx, events: [] as AuditEvent[] };
            caseAudits = frame;
            try {
              const result = await work(trx);
              caseAudits = null;
              // Written last, so each carries the hash of its case as the transaction leaves it.
              for (const event of frame.events) {
                await auditAs(trx, { ...event, stateHash: caseStateHash(store.get().raw, event.entityId as string) });
              }
              return result;
            } finally {
              caseAudits = null;
            }
          });
        } finally {
          openTransactions -= 1;
        }
      },
      audit: (trx, event) => {
        const full: AuditEvent = { at: now().toISOString(), ...event, userId: conn.session?.userId ?? null, username: conn.session?.username ?? null };
        if (caseAudits && trx === caseAudits.trx && full.entityType === 'case' && full.entityId) {
          caseAudits.events.push(full);
          return Promise.resolve();
        }
        return auditAs(trx, full);
      },
    };
  }

  async function checkAccess(conn: Connection, channel: ChannelName): Promise<void> {
    const def: ChannelDef = channels[channel];
    // Restricted connections: a family view may call its own channels and nothing else, and no
    // other connection may call those (ARCHITECTURE.md, "Restricted connections").
    if (conn.familyView) {
      if (def.access !== 'familyView') throw new AppError('FORBIDDEN', 'the family view may not use this', { params: { channel } });
      if (!store.isOpen) throw new AppError('NOT_AUTHENTICATED', 'the office is closed');
      return;
    }
    if (def.access === 'familyView') throw new AppError('FORBIDDEN', 'only the family view uses this', { params: { channel } });
    if (def.access === 'public') return;
    const session = conn.session;
    if (!session || !store.isOpen) throw new AppError('NOT_AUTHENTICATED', 'please log in');
    if (def.access === 'sessionOrLocked') return;
    if (session.locked) throw new AppError('SESSION_LOCKED', 'the session is locked');
    const settings = await deps.settings();
    const idleMs = now().getTime() - session.lastActivityAt;
    if (idleMs > settings.autoLockMinutes * 60_000) {
      session.locked = true;
      await auditAs(store.get().db, {
        action: 'session.autoLock',
        userId: session.userId,
        username: session.username,
        entityType: 'user',
        entityId: session.userId,
        details: { idleSeconds: Math.round(idleMs / 1000) },
      });
      throw new AppError('SESSION_LOCKED', 'the session was locked after inactivity');
    }
    if (session.mustChangePassword && !(channelsBeforePasswordChange as readonly string[]).includes(channel)) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED', 'choose a new password first', { params: { channel } });
    }
    if (def.access !== 'session' && !can(session.role, def.access as Permission)) {
      await auditAs(store.get().db, {
        action: 'access.denied',
        userId: session.userId,
        username: session.username,
        details: { channel },
      });
      throw new AppError('FORBIDDEN', 'your role does not allow this', { params: { channel } });
    }
    if (!def.passive) session.lastActivityAt = now().getTime();
  }

  /**
   * Mirrors the audit chain's head outside the database, so a cut-off tail is detectable. The head
   * only moves forward, and only while the entry it points to is still there unchanged: a log that
   * was cut or edited keeps being reported, however many calls follow.
   */
  async function syncAuditHead(): Promise<void> {
    if (!store.isOpen) return;
    const db = store.get().db;
    const last = await db.selectFrom('audit_log').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
    const head = vault.auditHead();
    if (!last || (head && head.id >= last.id)) return;
    if (head) {
      const atHead = await db.selectFrom('audit_log').select('hash').where('id', '=', head.id).executeTakeFirst();
      if (!atHead || atHead.hash !== head.hash) return;
    }
    vault.update(
      (content) => {
        content.auditHead = { id: last.id, hash: last.hash };
      },
      { durable: false },
    );
  }

  async function run(conn: Connection, channel: string, input: unknown): Promise<Result<unknown>> {
    if (!isChannelName(channel)) {
      throw new AppError('UNKNOWN_CHANNEL', 'no such channel', { params: { channel: String(channel).slice(0, 80) } });
    }
    const def = channels[channel];
    const parsed = def.input.safeParse(input ?? {});
    if (!parsed.success) {
      throw new AppError('VALIDATION', 'the input is not valid', { issues: zodIssues(parsed.error) });
    }
    await checkAccess(conn, channel);
    const handler = handlers[channel] as (input: unknown, env: HandlerEnv) => Promise<unknown>;
    const output = await handler(parsed.data, envFor(conn));
    // Parsing the output strips any field the contract does not declare: nothing leaks by accident.
    const checked = def.output.safeParse(output);
    if (!checked.success) {
      // Not the caller's fault: stored data or a handler broke the contract.
      throw new Error(`output of ${channel} breaks its contract: ${checked.error.message}`);
    }
    return { ok: true, value: checked.data };
  }

  return {
    paths,
    store,
    vault,
    connect() {
      const conn: Connection = { id: crypto.randomUUID(), session: null };
      connections.add(conn);
      return conn;
    },
    disconnect(conn) {
      connections.delete(conn);
      conn.session = null;
      conn.familyView = null;
      deps.closeStoreIfIdle();
    },
    invoke(conn, channel, input) {
      // During office maintenance (key rotation) the status answers at once, outside the queue
      // (the rotation holds it), so every screen can show why the office is locked; every other
      // call is refused rather than left waiting for minutes.
      if (deps.maintenance.current) {
        if (channel !== 'session.status') return Promise.resolve({ ok: false, error: deps.maintenance.busyError().toWire() });
        return run(conn, channel, input).catch((error: unknown) => {
          if (error instanceof AppError) return { ok: false as const, error: error.toWire() };
          log(`channel ${channel} failed`, error);
          return { ok: false as const, error: { code: 'INTERNAL' as const, message: 'something went wrong; nothing was saved' } };
        });
      }
      // The family's conference screen polls from memory (conference/family-view.ts: its handler
      // never touches the database), so it is answered at once instead of waiting behind writes and
      // the facilitator's reloads: a step change reaches the family's screen within 100 ms.
      if (isChannelName(channel) && channels[channel].access === 'familyView') {
        return run(conn, channel, input).catch((error: unknown) => {
          if (error instanceof AppError) return { ok: false as const, error: error.toWire() };
          if (error instanceof z.ZodError) return { ok: false as const, error: { code: 'VALIDATION' as const, message: 'the input is not valid', issues: zodIssues(error) } };
          log(`channel ${channel} failed`, error);
          return { ok: false as const, error: { code: 'INTERNAL' as const, message: 'something went wrong; nothing was saved' } };
        });
      }
      // A seal's progress is read while the seal holds the queue (transfer/progress.ts).
      if (channel === 'transfer.sealProgress') {
        const answer = answerSealProgress(conn);
        if (answer) return Promise.resolve(answer);
      }
      // A conference step shows on the family's screen at the click, not after the calls queued
      // before it; the call then runs in its turn and, if refused, the screen goes back.
      const early = channel === 'conference.setStep' ? presentStepEarly(conn, input, now()) : null;
      const queued = serial<Result<unknown>>(async () => {
        let failed = false;
        try {
          return await run(conn, channel, input);
        } catch (error) {
          failed = true;
          if (error instanceof AppError) return { ok: false, error: error.toWire() };
          if (error instanceof z.ZodError) {
            return { ok: false, error: { code: 'VALIDATION', message: 'the input is not valid', issues: zodIssues(error) } };
          }
          const incident = newIncidentId();
          log(`channel ${channel} failed (incident ${incident})`, error);
          return { ok: false, error: { code: 'INTERNAL', message: 'something went wrong; nothing was saved', params: { incident } } };
        } finally {
          // Refused calls write audit entries too (failed logins, denied access, auto-lock).
          // (When the call itself failed, its error is already logged or returned.)
          await syncAuditHead().catch((e: unknown) => failed || log('audit head not synced', e));
        }
      });
      if (!early) return queued;
      return queued.then((result) => {
        if (!result.ok) early.revert();
        return result;
      });
    },
    lockAll() {
      return serial(async () => {
        for (const conn of connections) {
          if (conn.session && !conn.session.locked) {
            conn.session.locked = true;
            if (store.isOpen) {
              await auditAs(store.get().db, {
                action: 'session.lock',
                userId: conn.session.userId,
                username: conn.session.username,
                details: { reason: 'system' },
              });
            }
          }
        }
      });
    },
    close() {
      for (const conn of connections) conn.session = null;
      store.close();
    },
  };
}
