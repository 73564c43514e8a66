// Node-only. SHA-256 of a large stream on another thread: hashing the sealed payload costs about as
// much as encrypting it, and on the main thread the two add up (the `age` command does only the
// encryption). Chunks are copied to a worker thread, which hashes while the main thread encrypts
// and writes. Small inputs are hashed in place (starting a worker costs more than they do).
import crypto from 'node:crypto';
import { Worker } from 'node:worker_threads';

const workerSource = `
const { parentPort } = require('node:worker_threads');
const hash = require('node:crypto').createHash('sha256');
parentPort.on('message', (chunk) => {
  if (chunk === null) parentPort.postMessage(hash.digest('hex'));
  else hash.update(chunk);
});
`;

export interface StreamHash {
  update(chunk: Uint8Array): void;
  digest(): Promise<string>;
  /** Stops the worker (after a failure; digest() stops it too). */
  close(): void;
}

export function streamHash(expectedBytes: number): StreamHash {
  if (expectedBytes < 8 * 1024 * 1024) {
    const hash = crypto.createHash('sha256');
    return { update: (chunk) => void hash.update(chunk), digest: async () => hash.digest('hex'), close: () => undefined };
  }
  const worker = new Worker(workerSource, { eval: true });
  let failure: Error | null = null;
  worker.on('error', (error) => {
    failure = error;
  });
  return {
    update(chunk) {
      worker.postMessage(chunk);
    },
    close() {
      void worker.terminate();
    },
    digest() {
      return new Promise<string>((resolve, reject) => {
        if (failure) {
          void worker.terminate();
          reject(failure);
          return;
        }
        worker.once('message', (hex: string) => {
          void worker.terminate();
          resolve(hex);
        });
        worker.once('error', reject);
        worker.postMessage(null);
      });
    },
  };
}
