// Node-only. The second reader's thread (shared-reads.ts), as plain JavaScript text after the
// database prelude (worker-prelude.ts says why text). It opens its own read-only connection with the office's key and runs the
// statements it is given; it never writes. Items are taken one at a time from a counter shared with
// the main thread (Atomics), so whichever thread is free takes the next one.
import { workerPrelude } from './worker-prelude';

export const readWorkerSource = `${workerPrelude}
const db = open(workerData.file, true);
db.pragma('busy_timeout = 5000');
db.pragma('cache_size = -' + workerData.cacheKiB);
db.pragma('temp_store = MEMORY');
const closed = new Int32Array(workerData.closed);
let statements = new Map();
function prepared(text) {
  let statement = statements.get(text);
  if (!statement) {
    if (statements.size >= 500) statements = new Map();
    statement = db.prepare(text);
    statements.set(text, statement);
  }
  return statement;
}
parentPort.on('message', (message) => {
  if (message.type === 'close') {
    statements = new Map();
    db.close();
    Atomics.store(closed, 0, 1);
    Atomics.notify(closed, 0);
    parentPort.close();
    return;
  }
  const next = new Int32Array(message.next);
  const done = [];
  try {
    for (let i = Atomics.add(next, 0, 1); i < message.items.length; i = Atomics.add(next, 0, 1)) {
      done.push([i, message.items[i].map((q) => prepared(q.sql).all(...q.parameters))]);
    }
    parentPort.postMessage({ id: message.id, done });
  } catch (error) {
    // What it finished is kept; the item it failed on is done again by the main thread.
    parentPort.postMessage({ id: message.id, done, error: String(error && error.message) });
  }
});
`;
