// A torture trial's child process: runs one operation, which the parent may kill at any moment, or
// which kills itself at the armed fault point. Prints START when the operation begins.
import { pathToFileURL } from 'node:url';
import { armFault } from '../../electron/core/vault/faults';
import type { TortureContext, TortureOp } from './op';

const [opFile, dir, ctxJson, faultPoint] = process.argv.slice(2);
const op = (await import(pathToFileURL(opFile).href)).default as TortureOp;
const ctx = JSON.parse(ctxJson) as TortureContext;
armFault(faultPoint || null);
process.stdout.write('START\n');
try {
  await op.run(dir, { ...ctx, faultPoint: faultPoint || undefined });
  process.exit(0);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
}
