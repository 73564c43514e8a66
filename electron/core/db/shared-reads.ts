// Node-only. Reads shared between the main connection and a second, read-only connection on its own
// thread: a report's statements are independent items of work, and two cores each take about half
// (the M&E dashboard at 100 000 cases: see README "Figures"). The second connection lives as long as
// the open database (StoreManager closes it first: its key is the office's data key), and is started
// only when a report first needs it.
import { Worker } from 'node:worker_threads';
import type { CompiledQuery, Kysely } from 'kysely';
import { readWorkerSource } from './read-worker-source';
import { modulePath } from './worker-prelude';

/** Runs items of statements and gives each item's rows, statement by statement, in the items' order. */
export type SharedReads = <D>(db: Kysely<D>, items: readonly (readonly CompiledQuery[])[]) => Promise<unknown[][][]>;

async function runItem<D>(db: Kysely<D>, item: readonly CompiledQuery[]): Promise<unknown[][]> {
  const rows: unknown[][] = [];
  for (const query of item) rows.push([...(await db.executeQuery(query)).rows]);
  return rows;
}

/** Every item on the main connection, one after the other. */
export const readHere: SharedReads = async (db, items) => {
  const out: unknown[][][] = [];
  for (const item of items) out.push(await runItem(db, item));
  return out;
};

interface Reply {
  id: number;
  done: [number, unknown[][]][];
  error?: string;
}

export interface ReaderOptions {
  file: string;
  key: Buffer;
  nativeBinding?: string;
  /** The second connection's page cache in KiB (the main one has its own). */
  cacheKiB?: number;
  /** Told when the worker fails (its items are then done on the main connection, so nothing else shows it). */
  onFailure?: (error: unknown) => void;
}

/** The second reader: its thread and connection, and the items it is running. */
export class ReadWorker {
  private readonly worker: Worker;
  private readonly closed = new Int32Array(new SharedArrayBuffer(4));
  private readonly waiting = new Map<number, (reply: Reply | null) => void>();
  private nextId = 1;
  private dead = false;
  /** Items the worker's connection answered so far (for tests and figures). */
  workerItems = 0;

  constructor(options: ReaderOptions) {
    this.worker = new Worker(readWorkerSource, {
      eval: true,
      workerData: {
        modulePath,
        file: options.file,
        keyHex: options.key.toString('hex'),
        nativeBinding: options.nativeBinding,
        cacheKiB: options.cacheKiB ?? 262144,
        closed: this.closed.buffer,
      },
    });
    // The app may end while it idles.
    this.worker.unref();
    this.worker.on('message', (reply: Reply) => {
      if (reply.error !== undefined) options.onFailure?.(new Error(reply.error));
      this.waiting.get(reply.id)?.(reply);
      this.waiting.delete(reply.id);
    });
    const fail = () => {
      this.dead = true;
      for (const settle of this.waiting.values()) settle(null);
      this.waiting.clear();
    };
    this.worker.on('error', (error) => {
      options.onFailure?.(error);
      fail();
    });
    this.worker.on('exit', fail);
  }

  get alive(): boolean {
    return !this.dead;
  }

  /**
   * The items shared between this thread's connection and the worker's: each takes the next item
   * from a shared counter until none is left. Whatever the worker could not do (it failed, or it
   * was stopped) is done here, so the answer never depends on the worker.
   */
  readonly reads: SharedReads = async (db, items) => {
    if (this.dead || items.length < 2) return readHere(db, items);
    const next = new Int32Array(new SharedArrayBuffer(4));
    const id = this.nextId++;
    const fromWorker = new Promise<Reply | null>((resolve) => this.waiting.set(id, resolve));
    this.worker.postMessage({ id, next: next.buffer, items: items.map((item) => item.map((q) => ({ sql: q.sql, parameters: q.parameters }))) });
    const out: (unknown[][] | undefined)[] = new Array(items.length);
    for (let i = Atomics.add(next, 0, 1); i < items.length; i = Atomics.add(next, 0, 1)) out[i] = await runItem(db, items[i]);
    const reply = await fromWorker;
    for (const [i, rows] of reply?.done ?? []) out[i] = rows;
    this.workerItems += reply?.done.length ?? 0;
    for (let i = 0; i < items.length; i += 1) out[i] ??= await runItem(db, items[i]);
    return out as unknown[][][];
  };

  /**
   * Closes the worker's connection before returning (the caller may swap or delete the file next:
   * no other connection may hold it), waiting at most `waitMs` for a statement it is running.
   */
  close(waitMs = 10_000): void {
    if (!this.dead) {
      this.worker.postMessage({ type: 'close' });
      Atomics.wait(this.closed, 0, 0, waitMs);
    }
    this.dead = true;
    void this.worker.terminate();
  }
}
