// Node-only. Export channels: start (checked, audited with what will leave), progress, cancel and
// download of the finished file. Sealing with a passphrase is checked like a password; leaving
// case-level data unsealed needs a supervisor and a reason, both recorded.
import crypto from 'node:crypto';
import { AppError } from '../../../shared/contract/errors';
import { caseLevelKinds, type ExportKind } from '../../../shared/reports/exports';
import { checkPassword } from '../../../shared/session/password-policy';
import type { CoreDeps } from '../deps';
import { defineHandlers, type HandlerEnv } from '../handler';
import { aggregateTable } from './aggregate';
import { columns, csvLine, dictionary, prepare, readChunk } from './deidentified';
import { dhis2File } from './dhis2';
import { createExportJobs, type Producer } from './jobs';

const CHUNK = 2000;

const extension: Record<ExportKind, string> = { deidentified: 'csv', dictionary: 'csv', aggregate: 'csv', dhis2Json: 'json', dhis2Csv: 'csv' };

/** A producer over lines already built (small files: dictionary, aggregate, DHIS2). */
function fromLines(lines: string[], progress: (n: number) => void): Producer {
  let i = 0;
  return async () => {
    if (i >= lines.length) return null;
    const piece = lines.slice(i, i + 500).join('');
    i += 500;
    progress(Math.min(i, lines.length));
    return piece;
  };
}

export function createExportHandlers(deps: CoreDeps) {
  const jobs = createExportJobs(deps);
  const auditDone = (env: HandlerEnv) => async (job: { jobId: string; kind: string; bytes: number; total: number }) => {
    const { userId, username } = env.session;
    await deps.exclusive(() =>
      deps.auditAs(deps.store.get().db, { action: 'reports.exportDone', userId, username, entityType: 'office', details: { jobId: job.jobId, kind: job.kind, rows: job.total, bytes: job.bytes } }),
    );
  };

  const handlers = defineHandlers({
    'reports.exportStart': async (input, env) => {
      const { kind, period, filters, areaLevel, protection } = input;
      let passphrase: string | null = null;
      if (protection.mode === 'passphrase') {
        const problems = checkPassword(protection.passphrase, env.session.username);
        if (problems.length) throw new AppError('PASSWORD_WEAK', 'the passphrase does not meet the password policy', { params: { problems: problems.join(',') } });
        passphrase = protection.passphrase;
      } else if (caseLevelKinds.includes(kind)) {
        if (env.session.role !== 'supervisor') {
          await env.audit(env.db(), { action: 'access.denied', details: { channel: 'reports.exportStart', unsealed: true } });
          throw new AppError('FORBIDDEN', 'only a supervisor may export case data unsealed', { params: { channel: 'reports.exportStart' } });
        }
        if (!protection.reason) {
          throw new AppError('VALIDATION', 'say why this case data leaves unsealed', { issues: [{ path: ['protection', 'reason'], code: 'required', message: 'required' }] });
        }
      }
      const db = env.db();
      const stamp = `${period.from}_${period.to}`;
      const baseName = `homeward-${kind}-${stamp}.${extension[kind]}`;
      let total = 0;
      let make: (job: { progress(n: number): void }) => Producer;
      if (kind === 'deidentified') {
        const prepared = await prepare(db, { period, filters, areaLevel });
        total = prepared.total;
        const key = crypto.randomBytes(32);
        make = ({ progress }) => {
          let headerSent = false;
          let after = 0;
          let done = 0;
          let finished = false;
          return async () => {
            if (!headerSent) {
              headerSent = true;
              return csvLine(columns);
            }
            if (finished) return null;
            const chunk = await readChunk(deps.store.get().db, { period, filters, areaLevel }, prepared.groups, key, after, CHUNK);
            if (chunk.lastSeq === null) return null;
            if (chunk.lines.length < CHUNK) finished = true;
            after = chunk.lastSeq;
            done += chunk.lines.length;
            progress(done);
            return chunk.lines.map(csvLine).join('');
          };
        };
      } else {
        const lines =
          kind === 'dictionary'
            ? [csvLine(['column', 'description', 'values']), ...dictionary.map((d) => csvLine([d.column, d.description, d.values]))]
            : kind === 'aggregate'
              ? await aggregateTable(db, period, filters, deps.store.sharedReads())
              : await dhis2File(db, kind === 'dhis2Json' ? 'json' : 'csv', period, filters, deps.store.sharedReads());
        total = lines.length;
        make = ({ progress }) => fromLines(lines, progress);
      }
      // What leaves, recorded before the first byte is written.
      await env.audit(db, {
        action: 'reports.export',
        entityType: 'office',
        details: {
          kind,
          period,
          filters,
          areaLevel: kind === 'deidentified' ? areaLevel : undefined,
          columns: kind === 'deidentified' ? columns : undefined,
          rows: total,
          sealed: passphrase !== null,
          reason: protection.mode === 'none' ? protection.reason : undefined,
        },
      });
      return jobs.start(env.session.userId, kind, baseName, total, passphrase, make, auditDone(env));
    },

    'reports.exportStatus': async ({ jobId }, env) => jobs.status(env.session.userId, jobId),

    'reports.exportCancel': async ({ jobId }, env) => {
      const job = await jobs.cancel(env.session.userId, jobId);
      await env.audit(env.db(), { action: 'reports.exportCancel', entityType: 'office', details: { jobId, kind: job.kind } });
      return job;
    },

    'reports.exportDownload': async ({ jobId, offset }, env) => {
      const chunk = jobs.readChunk(env.session.userId, jobId, offset);
      if (chunk.done) await env.audit(env.db(), { action: 'reports.exportTaken', entityType: 'office', details: { jobId, fileName: chunk.fileName, bytes: chunk.totalBytes } });
      return chunk;
    },
  });
  return handlers;
}
