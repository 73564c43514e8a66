// Node-only. Reading the audit log and checking its chain.
import { sql } from 'kysely';
import type { CoreDeps } from '../deps';
import { defineHandlers } from '../handler';
import { auditAnchor, checkAnchor } from './anchor';
import { checkHead, toAuditEntry, verifyAudit } from './audit';
import { runFullCheck, type FullCheckResult } from './full-check';

type Db = ReturnType<CoreDeps['store']['get']>['db'];

async function readCheckpoint(db: Db) {
  const row = (await sql<{ entry_id: number; hash: string }>`SELECT entry_id, hash FROM audit_checkpoint WHERE id = 1`.execute(db)).rows[0];
  return row ? { id: row.entry_id, hash: row.hash } : null;
}

async function saveCheckpoint(db: Db, to: { id: number; hash: string }, at: string) {
  await sql`INSERT INTO audit_checkpoint (id, entry_id, hash, verified_at) VALUES (1, ${to.id}, ${to.hash}, ${at})
    ON CONFLICT (id) DO UPDATE SET entry_id = excluded.entry_id, hash = excluded.hash, verified_at = excluded.verified_at
    WHERE excluded.entry_id > audit_checkpoint.entry_id`.execute(db);
}

interface FullCheckJob {
  state: 'running' | 'done' | 'failed';
  phase: 'chain' | 'records';
  checked: number;
  total: number;
  recordsChecked: number;
  recordsTotal: number;
  startedAt: string;
  result: FullCheckResult | null;
  /** Set once the result (its checkpoint) has been written, by a later call in the call queue. */
  saved: boolean;
}

export function createAuditHandlers(deps: CoreDeps) {
  let job: FullCheckJob | null = null;
  /** The last finished full check, for `audit.verify` to report the case data without hashing it. */
  let lastDone: FullCheckJob | null = null;
  return defineHandlers({
    'audit.list': async (input, env) => {
      let query = env.db().selectFrom('audit_log').selectAll();
      if (input.userId) query = query.where('user_id', '=', input.userId);
      if (input.action) {
        // A prefix match on the action name; `_` and `%` typed in the filter are literal.
        const prefix = input.action.replace(/[\\%_]/g, (c) => `\\${c}`);
        query = query.where(sql<boolean>`action LIKE ${`${prefix}%`} ESCAPE '\\'`);
      }
      if (input.entityType) query = query.where('entity_type', '=', input.entityType);
      if (input.entityId) query = query.where('entity_id', '=', input.entityId);
      // Entries are stored as UTC ISO strings; a bound with an offset is turned into the same instant.
      if (input.from) query = query.where('at', '>=', new Date(input.from).toISOString());
      if (input.to) {
        query = query.where('at', '<=', input.to.length === 10 ? `${input.to}T23:59:59.999Z` : new Date(input.to).toISOString());
      }
      if (input.beforeId) query = query.where('id', '<', input.beforeId);
      const rows = await query.orderBy('id', 'desc').limit(input.limit + 1).execute();
      const page = rows.slice(0, input.limit);
      return {
        entries: page.map(toAuditEntry),
        nextBeforeId: rows.length > input.limit ? page[page.length - 1].id : null,
      };
    },

    // Incremental: from the last verified entry (normally a few entries: milliseconds). Without a
    // checkpoint yet, from the start — the full check below does that off the main thread, and
    // also compares the case data with its audited states (whose result this reports).
    'audit.verify': async (_input, env) => {
      const db = env.db();
      await persistFullCheck(db, env.now());
      const checkpoint = await readCheckpoint(db);
      const { verifiedTo, ...status } = await verifyAudit(db, deps.vault.read()?.auditHead ?? null, checkpoint);
      if (verifiedTo) await saveCheckpoint(db, verifiedTo, env.now().toISOString());
      const records = lastDone?.result?.records ?? null;
      const { repairs } = await db
        .selectFrom('audit_log')
        .select(sql<number>`count(*)`.as('repairs'))
        .where('action', '=', 'audit.schemaRepaired')
        .executeTakeFirstOrThrow();
      // Results cross as plain data: an absent checkpoint leaves the field out rather than undefined.
      return {
        ...status,
        records,
        recordsCheckedAt: records ? lastDone!.startedAt : null,
        schemaRepairs: Number(repairs),
        ...(checkpoint ? { fromId: checkpoint.id } : {}),
      };
    },

    // The whole chain in a worker thread; the call returns at once with the progress. Calling it
    // again reports the progress; `start` begins a new check when none is running.
    'audit.verifyFull': async ({ start }, env) => {
      const db = env.db();
      await persistFullCheck(db, env.now());
      if (start && job?.state !== 'running') {
        const upTo = Number((await sql<{ n: number | null }>`SELECT max(id) AS n FROM audit_log`.execute(db)).rows[0]?.n ?? 0);
        const current: FullCheckJob = {
          state: 'running',
          phase: 'chain',
          checked: 0,
          total: upTo,
          recordsChecked: 0,
          recordsTotal: 0,
          startedAt: env.now().toISOString(),
          result: null,
          saved: false,
        };
        job = current;
        const store = deps.store.get();
        runFullCheck({
          file: deps.store.paths.dbFile,
          key: store.dataKey,
          nativeBinding: deps.store.nativeBinding,
          upTo,
          // The chain first (every core on it), then the records.
          onProgress: (progress) => {
            current.phase = progress.phase;
            if (progress.phase === 'chain') current.checked = progress.checked;
            else {
              current.recordsChecked = progress.checked;
              if (progress.total !== undefined) current.recordsTotal = progress.total;
            }
          },
        }).then(
          (result) => {
            Object.assign(current, { state: 'done', checked: result.status.checked, recordsChecked: current.recordsTotal, result });
            lastDone = current;
          },
          () => {
            current.state = 'failed';
          },
        );
      }
      const head = deps.vault.read()?.auditHead ?? null;
      let status = job?.result?.status ?? null;
      if (status?.intact && head && head.id <= (job?.total ?? 0)) {
        const problem = await checkHead(db, head, job!.total);
        if (problem) status = { intact: false, checked: status.checked, brokenAtId: problem.id, problem: problem.problem };
      }
      return {
        state: job?.state ?? 'idle',
        phase: job?.state === 'running' ? job.phase : null,
        checked: job?.checked ?? 0,
        total: job?.total ?? 0,
        recordsChecked: job?.recordsChecked ?? 0,
        recordsTotal: job?.recordsTotal ?? 0,
        result: status,
        records: job?.result?.records ?? null,
      };
    },

    'audit.anchor': async (_input, env) => auditAnchor(env.db(), env.now()),

    'audit.verifyAnchor': async (anchor, env) => {
      const chain = await verifyAudit(env.db(), deps.vault.read()?.auditHead ?? null);
      const result = await checkAnchor(env.db(), anchor);
      return { result, chain };
    },
  });

  /** A finished full check's checkpoint is written here, inside a call (never from the worker's callback). */
  async function persistFullCheck(db: Db, now: Date) {
    if (job?.state === 'done' && !job.saved && job.result?.verifiedTo) {
      job.saved = true;
      await saveCheckpoint(db, job.result.verifiedTo, now.toISOString());
    }
  }
}
