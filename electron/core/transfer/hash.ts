// Node-only. SHA-256 of a range of a file, read and hashed on another thread. Hashing the sealed
// payload costs about as much as age's ChaCha20-Poly1305, and on the main thread the two add up
// (the `age` command does only the encryption). The hashing thread reads the bytes from the file
// itself — as the sealer writes them, or while the reader checks the outer tar — so nothing is
// copied between threads and the main thread only says how far the file is written.
// One thread, started at the first large hash and kept (starting one costs tens of milliseconds,
// more than hashing 10 MB), serves any number of hashes, each under its own id. A small range is
// hashed in place, at digest(), without the thread.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { Worker } from 'node:worker_threads';

const workerSource = `
const { parentPort } = require('node:worker_threads');
const crypto = require('node:crypto');
const fs = require('node:fs');
const buffer = Buffer.allocUnsafe(1024 * 1024);
const jobs = new Map();
function advance(job, upTo) {
  while (job.at < upTo) {
    const n = fs.readSync(job.fd, buffer, 0, Math.min(buffer.length, upTo - job.at), job.at);
    if (n === 0) throw new Error('the file ends before the range');
    job.hash.update(buffer.subarray(0, n));
    job.at += n;
  }
}
parentPort.on('message', ({ id, file, start, upTo, end }) => {
  if (file !== undefined) {
    try {
      jobs.set(id, { fd: fs.openSync(file, 'r'), at: start, hash: crypto.createHash('sha256'), error: null });
    } catch (error) {
      jobs.set(id, { fd: null, error: String(error) });
    }
    return;
  }
  const job = jobs.get(id);
  if (!job) return;
  if (!job.error && upTo !== undefined) {
    try {
      advance(job, upTo);
    } catch (error) {
      job.error = String(error);
    }
  }
  if (!end) return;
  jobs.delete(id);
  if (job.fd !== null) fs.closeSync(job.fd);
  if (end === 'digest') parentPort.postMessage(job.error ? { id, error: job.error } : { id, hex: job.hash.digest('hex') });
});
`;

/** Below this, a range is hashed in place: the thread's messages would cost more than they save. */
export const threadedHashBytes = 4 * 1024 * 1024;

export interface RangeHash {
  /** The file is written (or known complete) up to this offset: the thread may hash that far. */
  written(upTo: number): void;
  /** The SHA-256 (hex) of the whole range; given once. */
  digest(): Promise<string>;
  /** Abandons the hash (after a failure); harmless after digest(). */
  close(): void;
}

interface HashThread {
  worker: Worker;
  pending: Map<number, { resolve(hex: string): void; reject(error: Error): void }>;
}

let thread: HashThread | null = null;
let nextId = 1;

function hashThread(): HashThread {
  if (thread) return thread;
  const worker = new Worker(workerSource, { eval: true });
  const current: HashThread = { worker, pending: new Map() };
  const fail = (error: Error) => {
    if (thread === current) thread = null;
    for (const p of current.pending.values()) p.reject(error);
    current.pending.clear();
  };
  worker.on('message', ({ id, hex, error }: { id: number; hex?: string; error?: string }) => {
    const p = current.pending.get(id);
    current.pending.delete(id);
    if (hex !== undefined) p?.resolve(hex);
    else p?.reject(new Error(error));
    // Idle: the thread must not keep the process alive.
    if (current.pending.size === 0) worker.unref();
  });
  worker.on('error', fail);
  worker.on('exit', () => fail(new Error('the hashing thread stopped')));
  worker.unref();
  thread = current;
  return current;
}

function hashInPlace(file: string, start: number, bytes: number): string {
  const data = Buffer.alloc(bytes);
  const fd = fs.openSync(file, 'r');
  try {
    let at = 0;
    while (at < bytes) {
      const n = fs.readSync(fd, data, at, bytes - at, start + at);
      if (n === 0) throw new Error('the file ends before the range');
      at += n;
    }
  } finally {
    fs.closeSync(fd);
  }
  return crypto.createHash('sha256').update(data).digest('hex');
}

/** SHA-256 of `bytes` bytes of `file` from `start`, hashed while the file is written or read. */
export function rangeHash(file: string, start: number, bytes: number): RangeHash {
  const end = start + bytes;
  if (bytes < threadedHashBytes) {
    let done = false;
    return {
      written: () => undefined,
      digest: async () => {
        if (done) throw new Error('digest given already');
        done = true;
        return hashInPlace(file, start, bytes);
      },
      close: () => undefined,
    };
  }
  const mine = hashThread();
  const id = nextId++;
  let open = true;
  mine.worker.postMessage({ id, file, start });
  return {
    written(upTo) {
      if (open) mine.worker.postMessage({ id, upTo: Math.min(upTo, end) });
    },
    close() {
      if (open && thread === mine) mine.worker.postMessage({ id, end: 'drop' });
      open = false;
    },
    digest() {
      return new Promise<string>((resolve, reject) => {
        // A thread that stopped meanwhile lost this job: never a digest of part of the range.
        if (!open || thread !== mine) return reject(new Error('the hashing thread stopped'));
        open = false;
        mine.pending.set(id, { resolve, reject });
        mine.worker.ref();
        mine.worker.postMessage({ id, upTo: end, end: 'digest' });
      });
    },
  };
}
