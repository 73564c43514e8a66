// Node-only. Export jobs: a file built chunk by chunk in the core while the office keeps working,
// with progress, cancel, and optional sealing with a passphrase (age, scrypt recipient) on the
// way to disk — so a sealed export never exists unsealed on disk. The file is written as
// `<id>.part` and renamed when complete; a cancelled or failed job deletes it, so no partial file
// is ever left. A finished file is removed once downloaded (or when its owner's session ends).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Encrypter } from 'age-encryption';
import { AppError } from '../../../shared/contract/errors';
import type { ExportJob, ExportKind } from '../../../shared/reports/exports';
import { chunkBytes } from '../../../shared/transfer/contract';
import type { CoreDeps } from '../deps';

/** Produces the file's content piece by piece; null when done. Called between other calls. */
export type Producer = () => Promise<string | null>;

interface Job extends ExportJob {
  userId: string;
  file: string;
  cancel: boolean;
}

export interface ExportJobs {
  start(userId: string, kind: ExportKind, fileName: string, total: number, passphrase: string | null, produce: (job: { progress(done: number): void }) => Producer, onDone: (job: ExportJob) => Promise<void>): ExportJob;
  status(userId: string, jobId: string): ExportJob;
  cancel(userId: string, jobId: string): Promise<ExportJob>;
  readChunk(userId: string, jobId: string, offset: number): { fileName: string; totalBytes: number; offset: number; dataBase64: string; done: boolean };
  /** Waits for a job to end (tests, benchmarks). */
  settled(jobId: string): Promise<void>;
}

const view = (job: Job): ExportJob => ({
  jobId: job.jobId,
  kind: job.kind,
  state: job.state,
  done: job.done,
  total: job.total,
  fileName: job.fileName,
  bytes: job.bytes,
  sealed: job.sealed,
  errorCode: job.errorCode,
});

export function createExportJobs(deps: CoreDeps): ExportJobs {
  const jobs = new Map<string, Job>();
  const running = new Map<string, Promise<void>>();
  const dir = () => {
    const d = path.join(deps.store.paths.dataDir, 'exports');
    fs.mkdirSync(d, { recursive: true, mode: 0o700 });
    return d;
  };
  const own = (userId: string, jobId: string): Job => {
    const job = jobs.get(jobId);
    if (!job || job.userId !== userId) throw new AppError('NOT_FOUND', 'no such export');
    return job;
  };
  const remove = (file: string) => fs.rmSync(file, { force: true });

  async function run(job: Job, passphrase: string | null, producer: Producer, onDone: (job: ExportJob) => Promise<void>) {
    const part = `${job.file}.part`;
    const fd = fs.openSync(part, 'wx', 0o600);
    try {
      const encoder = new TextEncoder();
      let plain: ReadableStream<Uint8Array> = new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (job.cancel) {
            controller.error(new Error('cancelled'));
            return;
          }
          // Each piece is read in the core's queue, so calls of other users interleave with it.
          const piece = await deps.exclusive(producer);
          await new Promise((resolve) => setImmediate(resolve));
          if (piece === null) controller.close();
          else controller.enqueue(encoder.encode(piece));
        },
      });
      if (passphrase !== null) {
        const encrypter = new Encrypter();
        encrypter.setPassphrase(passphrase);
        plain = await encrypter.encrypt(plain);
      }
      const reader = plain.getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        if (job.cancel) throw new Error('cancelled');
        fs.writeSync(fd, value);
        job.bytes += value.byteLength;
      }
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      fs.renameSync(part, job.file);
      job.state = 'done';
      job.done = job.total;
      await onDone(view(job));
    } catch (error) {
      try {
        fs.closeSync(fd);
      } catch {
        // already closed
      }
      remove(part);
      remove(job.file);
      job.state = job.cancel ? 'cancelled' : 'failed';
      job.errorCode = job.cancel ? null : error instanceof AppError ? error.code : 'INTERNAL';
    }
  }

  return {
    start(userId, kind, fileName, total, passphrase, produce, onDone) {
      const jobId = crypto.randomUUID();
      const job: Job = {
        jobId,
        kind,
        state: 'running',
        done: 0,
        total,
        fileName: passphrase !== null ? `${fileName}.age` : fileName,
        bytes: 0,
        sealed: passphrase !== null,
        errorCode: null,
        userId,
        file: path.join(dir(), jobId),
        cancel: false,
      };
      jobs.set(jobId, job);
      const producer = produce({ progress: (done) => (job.done = Math.min(done, job.total)) });
      const work = run(job, passphrase, producer, onDone).finally(() => running.delete(jobId));
      running.set(jobId, work);
      return view(job);
    },
    status: (userId, jobId) => view(own(userId, jobId)),
    async cancel(userId, jobId) {
      const job = own(userId, jobId);
      if (job.state === 'running') {
        job.cancel = true;
        await running.get(jobId);
      } else if (job.state === 'done') {
        remove(job.file);
        job.state = 'cancelled';
      }
      return view(job);
    },
    readChunk(userId, jobId, offset) {
      const job = own(userId, jobId);
      if (job.state !== 'done' || !fs.existsSync(job.file)) throw new AppError('NOT_FOUND', 'the export is not ready or was already taken');
      const total = fs.statSync(job.file).size;
      const length = Math.max(0, Math.min(chunkBytes, total - offset));
      const buffer = Buffer.alloc(length);
      const fd = fs.openSync(job.file, 'r');
      try {
        fs.readSync(fd, buffer, 0, length, offset);
      } finally {
        fs.closeSync(fd);
      }
      const done = offset + length >= total;
      // The file leaves this computer once: the last chunk removes it.
      if (done) remove(job.file);
      return { fileName: job.fileName, totalBytes: total, offset, dataBase64: buffer.toString('base64'), done };
    },
    async settled(jobId) {
      await running.get(jobId);
    },
  };
}
