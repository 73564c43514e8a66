// Child process for kill.test.ts: runs one torture op's `run` (the parent kills it, or it dies at
// the armed fault point). Prints START once the operation begins.
import { pathToFileURL } from 'node:url';
import type { TortureContext, TortureOp } from '../../torture/op';

const [opFile, dir, ctxJson, faultPoint] = process.argv.slice(2);
const op = (await import(pathToFileURL(opFile).href)).default as TortureOp;
const ctx = JSON.parse(ctxJson) as TortureContext;
process.stdout.write('START\n');
try {
  await op.run(dir, { ...ctx, faultPoint: faultPoint || undefined });
  process.exit(0);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
