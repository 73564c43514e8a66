// The full audit check cuts the chain into one slice per core and the case data into case-id slices.
// Whatever the cut, its verdict must be the one a single walk from the genesis gives (the main
// thread's `verifyAudit`): tampering is tried at every entry next to each seam, for 1 to 4 slices,
// on copies of one real office file (1 and 4 slices on the untouched file).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryHash, verifyAudit } from '../../electron/core/audit/audit';
import { joinChainSlices, runFullCheck } from '../../electron/core/audit/full-check';
import { openRaw, toKysely } from '../../electron/core/db/open';
import { cleanUpAfterEach, currentDataKey, setUpStaffedOffice, tempDir, workerPassword } from '../fixtures/core';

cleanUpAfterEach();
let pristine = '';
let key: Buffer;
let upTo = 0;
const caseIds: string[] = [];
const scratch = tempDir();
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

beforeAll(async () => {
  const office = await setUpStaffedOffice();
  const worker = await office.login('wanjiru', workerPassword);
  for (const givenName of ['Amina', 'Baraka', 'Chausiku', 'Dalia', 'Eshe', 'Faraji']) {
    const made = await worker.ok('cases.register', {
      child: { givenName, familyName: 'Otieno', sex: 'female', estimatedAgeYears: 9, separationReasons: ['poverty'], area: 'Kisumu West' },
      notDuplicateOf: [],
    });
    caseIds.push(made.id);
    await worker.ok('notes.add', { caseId: made.id, note: { kind: 'general', date: new Date().toISOString().slice(0, 10), text: `First visit for ${givenName}` } });
  }
  key = currentDataKey(office.core);
  const raw = office.core.store.get().raw;
  raw.pragma('wal_checkpoint(TRUNCATE)');
  upTo = raw.prepare('SELECT max(id) FROM audit_log').pluck().get() as number;
  pristine = path.join(scratch, 'pristine.db');
  fs.copyFileSync(office.core.paths.dbFile, pristine);
  office.cleanup();
}, 120_000);

let copies = 0;
/** A copy of the office file with `statements` run on it as someone holding the key would. */
function tampered(...statements: string[]): string {
  const file = path.join(scratch, `copy-${(copies += 1)}.db`);
  fs.copyFileSync(pristine, file);
  const raw = openRaw({ file, key });
  raw.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  for (const sql of statements) raw.exec(sql);
  raw.pragma('wal_checkpoint(TRUNCATE)');
  raw.close();
  return file;
}

async function singleWalk(file: string) {
  const raw = openRaw({ file, key, readonly: true });
  try {
    const { intact, checked, brokenAtId, problem } = await verifyAudit(toKysely(raw), null);
    return { intact, checked, brokenAtId, problem };
  } finally {
    raw.close();
  }
}

function forgedEdit(id: number): string {
  const raw = openRaw({ file: pristine, key, readonly: true });
  const row = raw.prepare('SELECT * FROM audit_log WHERE id = ?').get(id) as Parameters<typeof entryHash>[1] & { prev_hash: string };
  raw.close();
  const forged = entryHash(row.prev_hash, { ...row, username: 'someone-else' });
  return `UPDATE audit_log SET username = 'someone-else', hash = '${forged}' WHERE id = ${id}`;
}

describe('the full check in slices', () => {
  it('gives the single walk’s verdict for every tampering next to every seam, with 2 and 3 slices', async () => {
    let trials = 0;
    for (const parallelism of [2, 3]) {
      const seams = Array.from({ length: parallelism + 1 }, (_, i) => Math.floor((upTo * i) / parallelism));
      const ids = new Set(seams.flatMap((s) => [s - 1, s, s + 1]).filter((id) => id >= 1 && id <= upTo));
      for (const id of ids) {
        const kinds: [string, string[]][] = [
          ['edit', [`UPDATE audit_log SET action = 'x.forged' WHERE id = ${id}`]],
          ['forged hash', [forgedEdit(id)]],
          ['delete', [`DELETE FROM audit_log WHERE id = ${id}`]],
          ['delete three', [`DELETE FROM audit_log WHERE id BETWEEN ${id} AND ${id + 2}`]],
        ];
        for (const [kind, statements] of kinds) {
          const file = tampered(...statements);
          const expected = await singleWalk(file);
          const full = await runFullCheck({ file, key, upTo, parallelism });
          expect({ parallelism, id, kind, ...full.status }).toEqual({ parallelism, id, kind, ...expected });
          trials += 1;
          fs.rmSync(file);
        }
      }
    }
    expect(trials).toBeGreaterThan(40);
    // The untouched file: intact over every entry, whatever the cut.
    for (const parallelism of [1, 2, 3, 4]) {
      const full = await runFullCheck({ file: pristine, key, upTo, parallelism });
      expect(full.status).toEqual({ intact: true, checked: upTo, brokenAtId: null, problem: null });
      expect(full.records).toEqual({ checked: caseIds.length, changed: [], changedCount: 0, unanchored: 0 });
    }
  }, 300_000);

  it('finds an edited case in whichever case slice it falls, and counts it once', async () => {
    for (const caseId of caseIds) {
      const file = tampered(`UPDATE case_notes SET text = 'rewritten' WHERE case_id = '${caseId}'`);
      for (const parallelism of [1, 3]) {
        const { records } = await runFullCheck({ file, key, upTo, parallelism });
        expect({ parallelism, changedCount: records.changedCount, changed: records.changed.map((c) => c.caseId) }).toEqual({
          parallelism,
          changedCount: 1,
          changed: [caseId],
        });
        expect(records.checked).toBe(caseIds.length);
      }
      fs.rmSync(file);
    }
  }, 300_000);

  it('joins slices: an empty slice (all deleted) shows as deleted at the next entry', () => {
    const slice = (firstId: number, lastId: number, firstPrev: string, lastHash: string) => ({ checked: lastId - firstId + 1, firstId, firstPrev, lastId, lastHash, verdict: null });
    const empty = { checked: 0, firstId: null, firstPrev: null, lastId: null, lastHash: null, verdict: null };
    expect(joinChainSlices([slice(1, 10, 'g', 'h10'), empty, slice(21, 30, 'h20', 'h30')], 'g')).toMatchObject({
      checked: 10,
      verdict: { brokenAtId: 21, problem: 'deleted' },
    });
    expect(joinChainSlices([slice(1, 10, 'g', 'h10'), slice(11, 20, 'h10', 'h20')], 'g')).toEqual({ checked: 20, lastId: 20, lastHash: 'h20', verdict: null });
  });
});
