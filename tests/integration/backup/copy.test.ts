// The backup's copy and check on real encrypted files: the page copy rests on SQLite's read lock 0
// (the database file does not change under it while the app commits and checkpoints), the copy
// is one consistent moment and a self-contained file, VACUUM INTO (the fallback) makes the same
// backup, and the check after writing catches a corrupted copy.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeBackup, type BackupFaultPoint, type BackupRequest } from '../../../electron/core/backup/backup';
import { checkBackup } from '../../../electron/core/backup/restore';
import { openRaw } from '../../../electron/core/db/open';
import { AppError } from '../../../shared/contract/errors';
import { cleanUpAfterEach, currentDataKey, openRawWithKey, setUpStaffedOffice, workerPassword } from '../../fixtures/core';
import { child, foldersPerTest } from './fixture';

const track = cleanUpAfterEach();
const newDir = foldersPerTest();


type Office = Awaited<ReturnType<typeof setUpStaffedOffice>>;

function request(office: Office, folder: string, extra: Partial<BackupRequest> = {}): BackupRequest {
  const { core } = office;
  return {
    folder,
    dbFile: core.paths.dbFile,
    dataKey: currentDataKey(core),
    slots: JSON.parse(JSON.stringify(core.vault.require())),
    office: core.vault.require().office,
    createdBy: 'admin',
    keep: 5,
    now: () => new Date(),
    ...extra,
  };
}

const today = new Date().toISOString().slice(0, 10);
const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** An office with some weight: cases with 200 KB documents, so copies take more than an instant. */
async function busyOffice(cases: number) {
  const office = track(await setUpStaffedOffice());
  const worker = await office.login('wanjiru', workerPassword);
  const ids: string[] = [];
  for (let i = 0; i < cases; i += 1) {
    const c = await worker.ok('cases.register', { child: { ...child, givenName: `Child ${i}` } });
    ids.push(c.id);
    const data = Buffer.concat([Buffer.from('%PDF-1.7\n'), crypto.randomBytes(200_000)]);
    await worker.ok('notes.uploadDocument', {
      caseId: c.id,
      document: { title: 'Letter', kind: 'letter', mime: 'application/pdf', fileName: 'letter.pdf', dataBase64: data.toString('base64') },
    });
  }
  return { office, worker, ids };
}

describe('the page copy', () => {
  it('rests on read lock 0: once a read begins on an emptied WAL, commits and checkpoints leave the database file unchanged', async () => {
    const { office, worker, ids } = await busyOffice(3);
    const reader = openRawWithKey(office.core);
    try {
      reader.pragma('busy_timeout = 0');
      expect(reader.pragma('wal_checkpoint(TRUNCATE)')).toEqual([{ busy: 0, log: 0, checkpointed: 0 }]);
      reader.exec('BEGIN');
      const before = reader.prepare('SELECT count(*) FROM case_notes').pluck().get();
      expect(fs.statSync(`${office.core.paths.dbFile}-wal`).size).toBe(0);
      const fileBefore = sha(office.core.paths.dbFile);
      for (let i = 0; i < 20; i += 1) {
        await worker.ok('notes.add', { caseId: ids[i % ids.length], note: { kind: 'general', date: today, text: `visit ${i} ${'x'.repeat(3000)}` } });
      }
      // The app's own checkpoints (and a forced one) cannot fold those commits into the file meanwhile.
      const live = office.core.store.get().raw;
      const [passive] = live.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
      expect(passive.log).toBeGreaterThan(0);
      expect(passive.checkpointed).toBe(0);
      expect(sha(office.core.paths.dbFile)).toBe(fileBefore);
      expect(reader.prepare('SELECT count(*) FROM case_notes').pluck().get()).toBe(before);
      reader.exec('COMMIT');
      // Once the read ends, the checkpoint goes through and the file changes.
      const [after] = live.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
      expect(after.checkpointed).toBe(after.log);
      expect(sha(office.core.paths.dbFile)).not.toBe(fileBefore);
    } finally {
      if (reader.inTransaction) reader.exec('ROLLBACK');
      reader.close();
    }
  });

  it('is one consistent moment while the app commits, a self-contained file, and restorable', async () => {
    const { office, worker, ids } = await busyOffice(12);
    const folder = newDir('homeward-usb-');
    let writing = true;
    let written = 0;
    const writes = (async () => {
      while (writing) {
        await worker.ok('notes.add', { caseId: ids[written % ids.length], note: { kind: 'general', date: today, text: `during ${written}` } });
        written += 1;
        await new Promise((r) => setTimeout(r, 1));
      }
    })();
    const outcome = await makeBackup(request(office, folder));
    writing = false;
    await writes;
    expect(outcome.timings.method).toBe('pages');
    expect(fs.readdirSync(outcome.dir).sort()).toEqual(['homeward.db', 'homeward.keys.json', 'manifest.json']);

    const copy = openRaw({ file: path.join(outcome.dir, 'homeward.db'), key: currentDataKey(office.core), readonly: true });
    const live = openRawWithKey(office.core);
    try {
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
      // Every note in the copy has its audit entry in the copy, and the copy's log is a prefix of the live one.
      const notes = copy.prepare('SELECT count(*) FROM case_notes').pluck().get() as number;
      const noteEntries = copy.prepare(`SELECT count(*) FROM audit_log WHERE action = 'note.add'`).pluck().get() as number;
      expect(noteEntries).toBe(notes);
      const head = copy.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string };
      expect(head).toEqual({ id: outcome.manifest.audit.count, hash: outcome.manifest.audit.headHash });
      expect(live.prepare('SELECT hash FROM audit_log WHERE id = ?').pluck().get(head.id)).toBe(head.hash);
    } finally {
      copy.close();
      live.close();
    }
    expect(written).toBeGreaterThan(0);
    const checked = await checkBackup(outcome.dir, office.recoveryKey);
    checked.dataKey.fill(0);
  });

  it('VACUUM INTO, the fallback, makes a backup that verifies and restores the same way', async () => {
    const { office } = await busyOffice(3);
    const folder = newDir('homeward-usb-');
    const outcome = await makeBackup(request(office, folder, { tuning: { method: 'vacuum' } }));
    expect(outcome.timings.method).toBe('vacuum');
    const checked = await checkBackup(outcome.dir, office.recoveryKey);
    expect(checked.manifest.audit).toEqual(outcome.manifest.audit);
    checked.dataKey.fill(0);
  });

  it('falls back to VACUUM INTO when a long read keeps the WAL from being emptied', async () => {
    const { office, worker, ids } = await busyOffice(2);
    await worker.ok('notes.add', { caseId: ids[0], note: { kind: 'general', date: today, text: 'in the WAL' } });
    // A reader of the WAL's frames (read lock 1..N) forbids restarting the WAL for as long as it reads.
    const reader = openRawWithKey(office.core);
    try {
      reader.exec('BEGIN');
      reader.prepare('SELECT count(*) FROM case_notes').get();
      const folder = newDir('homeward-usb-');
      const outcome = await makeBackup(request(office, folder));
      expect(outcome.timings.method).toBe('vacuum');
      const checked = await checkBackup(outcome.dir, office.recoveryKey);
      checked.dataKey.fill(0);
    } finally {
      reader.exec('ROLLBACK');
      reader.close();
    }
  }, 30_000);
});

describe('the check after writing', () => {
  /** Damages the copy in the .partial folder at the moment it is complete, before the check. */
  async function backupDamagedBy(damage: (file: string, pageSize: number, auditRoot: number) => void) {
    const { office } = await busyOffice(3);
    const live = openRawWithKey(office.core);
    const pageSize = live.pragma('page_size', { simple: true }) as number;
    const auditRoot = live.prepare(`SELECT rootpage FROM sqlite_master WHERE name = 'audit_log'`).pluck().get() as number;
    live.close();
    const folder = newDir('homeward-usb-');
    const fault = (point: BackupFaultPoint) => {
      if (point !== 'copied') return;
      const partial = fs.readdirSync(folder).find((n) => n.endsWith('.partial'))!;
      damage(path.join(folder, partial, 'homeward.db'), pageSize, auditRoot);
    };
    const error = await makeBackup(request(office, folder, { fault })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('BACKUP_FAILED');
    // Nothing that could pass for a backup is left behind.
    expect(fs.readdirSync(folder)).toEqual([]);
  }

  it('catches one flipped byte in a page in use (the audit log table)', async () => {
    await backupDamagedBy((file, pageSize, auditRoot) => {
      const fd = fs.openSync(file, 'r+');
      const at = (auditRoot - 1) * pageSize + 200;
      const byte = Buffer.alloc(1);
      fs.readSync(fd, byte, 0, 1, at);
      byte[0] ^= 0x01;
      fs.writeSync(fd, byte, 0, 1, at);
      fs.closeSync(fd);
    });
  });

  it('catches a copy cut short', async () => {
    await backupDamagedBy((file, pageSize) => {
      fs.truncateSync(file, fs.statSync(file).size - 8 * pageSize);
    });
  });
});
