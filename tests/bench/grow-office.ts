// Grows a seeded office (a copy: this writes into it) to a size for the backup benchmark, the way
// an office grows: scanned documents (PDFs of random bytes, so nothing compresses) uploaded to
// cases through the app's own channel — each a BLOB in case_documents with its audit entry and
// case-state hash. `npx tsx tests/bench/grow-office.ts --dir .homeward-data/big --mb 2048`
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createInProcessClient } from '../../electron/core/client';
import { createCore } from '../../electron/core/core';
import { seedPasswords } from '../../scripts/generator';

const { values } = parseArgs({
  options: {
    dir: { type: 'string' },
    mb: { type: 'string', default: '2048' },
    'doc-mb': { type: 'string', default: '6' },
    user: { type: 'string', default: 'supervisor1' },
  },
});
if (!values.dir) throw new Error('--dir is required');
const dir = path.resolve(values.dir);
const targetBytes = Number(values.mb) * 1e6;
const docBytes = Math.round(Number(values['doc-mb']) * 1e6);

const core = createCore({ dataDir: dir, log: () => undefined });
const client = createInProcessClient(core);
await client.ok('session.login', { username: values.user!, password: seedPasswords.staff });
const caseIds = core.store.get().raw.prepare('SELECT id FROM cases ORDER BY id LIMIT 2000').pluck().all() as string[];
if (caseIds.length === 0) throw new Error('the office has no cases: seed it first (npm run seed)');

const onDisk = () => {
  const db = core.paths.dbFile;
  return fs.statSync(db).size + (fs.statSync(`${db}-wal`, { throwIfNoEntry: false })?.size ?? 0);
};
let added = 0;
const started = performance.now();
while (onDisk() < targetBytes) {
  const data = Buffer.concat([Buffer.from('%PDF-1.7\n'), crypto.randomBytes(docBytes)]);
  await client.ok('notes.uploadDocument', {
    caseId: caseIds[added % caseIds.length],
    document: { title: `Scanned letter ${added + 1}`, kind: 'letter', mime: 'application/pdf', fileName: `scan-${added + 1}.pdf`, dataBase64: data.toString('base64') },
  });
  added += 1;
  if (added % 20 === 0) process.stdout.write(`\r${added} documents, ${(onDisk() / 1e6).toFixed(0)} MB`);
}
core.store.checkpoint();
process.stdout.write('\n');
console.log(`added ${added} documents of ${(docBytes / 1e6).toFixed(1)} MB in ${((performance.now() - started) / 1000).toFixed(0)} s; database ${(fs.statSync(core.paths.dbFile).size / 1e6).toFixed(0)} MB`);
client.close();
core.close();
