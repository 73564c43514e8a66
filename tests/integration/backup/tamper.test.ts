// Tamper evidence that reaches the case data: changes made with a raw connection under the key
// (renaming a child, deleting a note, reassigning a case) are found by verify; dropped append-only
// triggers are found (and put back, and recorded) when the database opens; a rewritten chain does
// not match an older anchor.
import { describe, expect, it } from 'vitest';
import { entryHash, GENESIS } from '../../../electron/core/audit/audit';
import { verifyCaseStates } from '../../../electron/core/audit/records';
import { checkAuditSchema } from '../../../electron/core/audit/schema';
import { absentCaseStateHash, allCaseStateHashes, caseStateHash } from '../../../electron/core/audit/state';
import { fullCheck } from '../../fixtures/audit';
import { adminPassword, cleanUpAfterEach, openRawWithKey, setUpStaffedOffice, supervisorPassword, workerPassword } from '../../fixtures/core';
import { child } from './fixture';

const track = cleanUpAfterEach();


async function officeWithCases() {
  const office = track(await setUpStaffedOffice());
  const worker = await office.login('wanjiru', workerPassword);
  const first = await worker.ok('cases.register', { child });
  const second = await worker.ok('cases.register', { child: { ...child, givenName: 'Opio' } });
  const note = await worker.ok('notes.add', { caseId: first.id, note: { kind: 'general', date: new Date().toISOString().slice(0, 10), text: 'Met the aunt.' } });
  return { office, worker, first, second, note };
}

describe('verify reaches the case data', () => {
  it('a case file changed only through the app verifies clean, with every case anchored', async () => {
    const { office } = await officeWithCases();
    const status = await fullCheck(office.admin);
    expect(status).toMatchObject({ result: { intact: true }, records: { changedCount: 0, unanchored: 0 } });
    expect(status.records.checked).toBe(2);
    // verify reports what the last full check found, and when, without hashing anything itself.
    expect(await office.admin.ok('audit.verify', {})).toMatchObject({ intact: true, records: status.records, recordsCheckedAt: expect.any(String), schemaRepairs: 0 });
  });

  it('renaming a child, deleting a note and reassigning a case outside the app are each reported', async () => {
    const { office, first, second, note } = await officeWithCases();
    const raw = openRawWithKey(office.core);
    try {
      raw.prepare(`UPDATE cases SET given_name = 'Renamed' WHERE id = ?`).run(first.id);
      const status = await fullCheck(office.admin);
      expect(status.result?.intact).toBe(true); // the chain itself is untouched…
      expect(status.records.changed.map((c) => c.caseId)).toEqual([first.id]); // …but the case is not

      raw.prepare(`UPDATE cases SET given_name = ? WHERE id = ?`).run(child.givenName, first.id);
      expect((await fullCheck(office.admin)).records.changedCount).toBe(0);

      raw.prepare(`DELETE FROM case_notes WHERE id = ?`).run(note.id);
      raw.prepare(`UPDATE cases SET worker_id = ? WHERE id = ?`).run(office.users.otherWorker.id, second.id);
      const after = await fullCheck(office.admin);
      expect(after.records.changed.map((c) => c.caseId).sort()).toEqual([first.id, second.id].sort());
    } finally {
      raw.close();
    }
  });

  it('a case deleted outside the app is reported', async () => {
    const { office, second } = await officeWithCases();
    const raw = openRawWithKey(office.core);
    try {
      raw.pragma('foreign_keys = OFF');
      raw.prepare(`DELETE FROM case_events WHERE case_id = ?`).run(second.id);
      raw.prepare(`DELETE FROM cases WHERE id = ?`).run(second.id);
    } finally {
      raw.close();
    }
    const status = await fullCheck(office.admin);
    expect(status.records.changed.map((c) => c.caseId)).toEqual([second.id]);
  });

  it('a later change through the app re-anchors the case; a supervisor reassigning is a change like any other', async () => {
    const { office, first } = await officeWithCases();
    const supervisor = await office.login('sara', supervisorPassword);
    await supervisor.ok('cases.assign', { caseId: first.id, workerId: office.users.otherWorker.id, familyWorkerId: null });
    expect((await fullCheck(office.admin)).records).toMatchObject({ changedCount: 0, checked: 2 });
  });
});

describe('the two ways of hashing case states agree', () => {
  it('one ordered scan per table (large offices) gives each case the hash its own queries give', async () => {
    const { office, first, second } = await officeWithCases();
    const raw = office.core.store.get().raw;
    const scanned = allCaseStateHashes(raw);
    expect(scanned.get(first.id)).toBe(caseStateHash(raw, first.id));
    expect(scanned.get(second.id)).toBe(caseStateHash(raw, second.id));
    expect(scanned.get(first.id)).not.toBe(scanned.get(second.id));
    expect(caseStateHash(raw, 'no-such-case')).toBe(absentCaseStateHash());
  });
});

describe('the worker thread and the main thread agree', () => {
  it('the full check finds in its worker exactly what verifyCaseStates finds, clean and after tampering', async () => {
    const { office, first, note } = await officeWithCases();
    const raw = office.core.store.get().raw;
    expect((await fullCheck(office.admin)).records).toEqual(verifyCaseStates(raw));
    const outside = openRawWithKey(office.core);
    try {
      outside.prepare(`UPDATE case_notes SET text = 'rewritten' WHERE id = ?`).run(note.id);
      outside.prepare(`INSERT INTO case_events (case_id, type, at, user_id, details) SELECT case_id, type, at, user_id, details FROM case_events WHERE case_id = ? LIMIT 1`).run(first.id);
    } finally {
      outside.close();
    }
    const reference = verifyCaseStates(raw);
    expect(reference.changed.map((c) => c.caseId)).toEqual([first.id]);
    expect((await fullCheck(office.admin)).records).toEqual(reference);
  });
});

describe('the append-only triggers', () => {
  it('dropped outside the app: found on the next open, put back, and reported by verify for good', async () => {
    const { office } = await officeWithCases();
    const raw = openRawWithKey(office.core);
    raw.exec('DROP TRIGGER audit_log_no_update');
    raw.close();
    office.shutdown();
    const { openCore, clientsFor } = await import('../../fixtures/core');
    const core = openCore(office.dir);
    const admin = await clientsFor(core).login('admin', adminPassword);
    try {
      const status = await admin.ok('audit.verify', {});
      expect(status.schemaRepairs).toBe(1);
      expect(checkAuditSchema(core.store.get().raw)).toEqual({ missing: [], altered: [], unexpected: [] });
      const entries = await admin.ok('audit.list', { action: 'audit.schemaRepaired' });
      expect(entries.entries[0].details).toMatchObject({ missing: ['audit_log_no_update'] });
    } finally {
      admin.close();
      core.close();
    }
  });
});

describe('anchors', () => {
  it('a history rewritten under the key (chain re-hashed, so it verifies) does not match an older anchor', async () => {
    const { office } = await officeWithCases();
    const anchor = await office.admin.ok('audit.anchor', {});
    expect(await office.admin.ok('audit.verifyAnchor', anchor)).toMatchObject({ result: 'matches', chain: { intact: true } });

    // The attacker: drop the triggers, rewrite entry 3's username, re-hash the chain from there.
    const raw = openRawWithKey(office.core);
    try {
      raw.exec('DROP TRIGGER audit_log_no_update');
      const rows = raw.prepare('SELECT * FROM audit_log ORDER BY id').all() as Record<string, string | null>[];
      let prev = GENESIS;
      const update = raw.prepare('UPDATE audit_log SET username = ?, prev_hash = ?, hash = ? WHERE id = ?');
      for (const row of rows) {
        const edited = Number(row.id) === 3 ? { ...row, username: 'nobody' } : row;
        const hash = entryHash(prev, edited as never);
        update.run(edited.username, prev, hash, row.id);
        prev = hash;
      }
      raw.exec(`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END`);
    } finally {
      raw.close();
    }
    // Make the local head agree too, as a thorough attacker would.
    const last = openRawWithKey(office.core);
    const head = last.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string };
    last.close();
    office.core.vault.update((c) => {
      c.auditHead = head;
    });
    const check = await office.admin.ok('audit.verifyAnchor', { headHash: anchor.headHash, count: anchor.count });
    expect(check.chain.intact).toBe(true);
    expect(check.result).toBe('different');
    expect(await office.admin.ok('audit.verifyAnchor', { headHash: anchor.headHash, count: 10_000 })).toMatchObject({ result: 'missing' });
  });
});
