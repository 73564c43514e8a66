// Backups on real encrypted files: made while the app writes, verified, rotated, reminded about,
// and restored on a "new computer" (a fresh data folder) with the recovery key.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InProcessClient } from '../../../electron/core/client';
import type { BackupJob } from '../../../shared/backup/contract';
import {
  adminPassword,
  cleanUpAfterEach,
  clientsFor,
  openCore,
  openRawWithKey,
  setUpStaffedOffice,
  staffLogins,
  supervisorPassword,
  testClock,
  workerPassword,
} from '../../fixtures/core';
import { sqliteMagic } from '../../fixtures/plaintext';
import { expectCode } from '../../fixtures/results';
import { fullCheck } from '../../fixtures/audit';
import { child, foldersPerTest } from './fixture';

const track = cleanUpAfterEach();
const newDir = foldersPerTest();

export async function waitForJob(admin: InProcessClient): Promise<BackupJob> {
  for (;;) {
    const { job } = await admin.ok('backup.status', {});
    if (job && (job.phase === 'done' || job.phase === 'failed')) return job;
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('making a backup', () => {
  it('writes an encrypted, verified copy with the key slots and a manifest, while case work goes on', async () => {
    const office = track(await setUpStaffedOffice());
    const worker = await office.login('wanjiru', workerPassword);
    const first = await worker.ok('cases.register', { child });
    const folder = newDir('homeward-usb-');

    const started = await office.admin.ok('backup.start', { folder });
    expect(started.phase).toBe('copying');
    // Case work goes on during the backup (the copy is one consistent snapshot, checked by the
    // backup's own verification: chain intact and a prefix of the live log).
    let during = 0;
    let job: BackupJob | null = null;
    while (!job) {
      await worker.ok('cases.register', { child: { ...child, givenName: `Opio ${during}` } });
      during += 1;
      // A real transport delivers each call as its own event; the in-process client would
      // otherwise chain calls as microtasks and starve the worker's messages.
      await new Promise((r) => setTimeout(r, 2));
      const { job: current } = await office.admin.ok('backup.status', {});
      if (current && (current.phase === 'done' || current.phase === 'failed')) job = current;
    }
    expect(during).toBeGreaterThan(0);
    expect(job).toMatchObject({ phase: 'done', progress: 1, errorCode: null });

    const dir = path.join(folder, job.name!);
    expect(fs.readdirSync(dir).sort()).toEqual(['homeward.db', 'homeward.keys.json', 'manifest.json']);
    expect(fs.readFileSync(path.join(dir, 'homeward.db')).subarray(0, 16).equals(sqliteMagic)).toBe(false);
    expect(fs.readFileSync(path.join(dir, 'homeward.db')).includes(Buffer.from('Akello'))).toBe(false);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ format: 'homeward-backup', office: { code: 'GUL' }, createdBy: 'admin' });
    expect(manifest.audit.count).toBeGreaterThan(5);
    const slots = JSON.parse(fs.readFileSync(path.join(dir, 'homeward.keys.json'), 'utf8'));
    expect(slots.slots.map((s: { kind: string }) => s.kind).sort()).toEqual(['recovery', 'user', 'user', 'user', 'user']);
    expect(slots.pendingAudit).toEqual([]);

    const status = await office.admin.ok('backup.status', {});
    expect(status.backups).toHaveLength(1);
    expect(status.due).toBe(false);
    expect(status.settings.folder).toBe(folder);
    const audit = await office.admin.ok('audit.list', { action: 'backup.create' });
    expect(audit.entries[0].details).toMatchObject({ name: job.name, auditHead: manifest.audit.headHash });
    expect(first.id).toBeTruthy();
  });

  it('keeps only the newest N backups of the office (other files in the folder are left alone)', async () => {
    const clock = testClock('2026-01-01T08:00:00.000Z');
    const office = track(await setUpStaffedOffice({ now: clock.now }));
    const folder = newDir('homeward-usb-');
    fs.writeFileSync(path.join(folder, 'holiday-photos.txt'), 'not ours');
    await office.admin.ok('backup.setSettings', { folder, keep: 2, reminderDays: 7 });
    const names: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      clock.advance(60_000);
      await office.admin.ok('backup.start', { folder });
      names.push((await waitForJob(office.admin)).name!);
    }
    const left = fs.readdirSync(folder).sort();
    expect(left).toEqual(['holiday-photos.txt', names[1], names[2]].sort());
    expect((await office.admin.ok('backup.status', {})).backups!.map((b) => b.name)).toEqual([names[2], names[1]]);
  });

  it('reminds administrators and supervisors (not case workers) when the last backup is older than the set days', async () => {
    const clock = testClock('2026-01-01T08:00:00.000Z');
    const office = track(await setUpStaffedOffice({ now: clock.now }));
    const supervisor = await office.login('sara', supervisorPassword);
    const worker = await office.login('wanjiru', workerPassword);
    expect(await supervisor.ok('backup.reminder', {})).toMatchObject({ due: true, lastBackupAt: null, reminderDays: 7 });
    await office.admin.ok('backup.start', { folder: newDir('homeward-usb-') });
    await waitForJob(office.admin);
    expect((await supervisor.ok('backup.reminder', {})).due).toBe(false);
    // Days pass; the sessions auto-locked meanwhile, so each unlocks first.
    const later = async (days: number) => {
      clock.advance(days * 86_400_000);
      await office.admin.call('session.unlock', { password: adminPassword });
      await supervisor.call('session.unlock', { password: supervisorPassword });
      await worker.call('session.unlock', { password: workerPassword });
    };
    await later(6);
    expect((await office.admin.ok('backup.reminder', {})).due).toBe(false);
    await later(2);
    expect((await office.admin.ok('backup.reminder', {})).due).toBe(true);
    expect((await supervisor.ok('backup.reminder', {})).due).toBe(true);
    expect((await worker.ok('backup.reminder', {})).due).toBe(false);
    await office.admin.ok('backup.setSettings', { keep: 10, reminderDays: 30 });
    expect((await supervisor.ok('backup.reminder', {})).due).toBe(false);
  });

  it('refuses a folder that is relative, missing, a file, or not writable; a second backup or a key rotation while one runs', async () => {
    const office = track(await setUpStaffedOffice());
    const folder = newDir('homeward-usb-');
    await expectCode(office.admin.call('backup.start', { folder: 'relative/path' }), 'BACKUP_FOLDER_INVALID');
    await expectCode(office.admin.call('backup.start', { folder: path.join(folder, 'nope') }), 'BACKUP_FOLDER_INVALID');
    fs.writeFileSync(path.join(folder, 'file'), '');
    await expectCode(office.admin.call('backup.start', { folder: path.join(folder, 'file') }), 'BACKUP_FOLDER_INVALID');
    if (process.getuid?.() !== 0) {
      const readOnly = path.join(folder, 'ro');
      fs.mkdirSync(readOnly, { mode: 0o500 });
      await expectCode(office.admin.call('backup.start', { folder: readOnly }), 'BACKUP_FOLDER_INVALID');
    }
    await office.admin.ok('backup.start', { folder });
    await expectCode(office.admin.call('backup.start', { folder }), 'BACKUP_RUNNING');
    // A key rotation would replace the file the backup is reading, under another key: it waits.
    await expectCode(office.admin.call('admin.rotateDataKey', {}), 'BACKUP_RUNNING');
    await waitForJob(office.admin);
  });

  it('is for administrators only', async () => {
    const office = track(await setUpStaffedOffice());
    const supervisor = await office.login('sara', supervisorPassword);
    await expectCode(supervisor.call('backup.start', { folder: newDir('homeward-usb-') }), 'FORBIDDEN');
    await expectCode(supervisor.call('backup.status', {}), 'FORBIDDEN');
  });
});

describe('restoring a backup on a new computer', () => {
  it('with the recovery key: users log in with their passwords as of the backup and see their cases', async () => {
    const office = track(await setUpStaffedOffice());
    const worker = await office.login('wanjiru', workerPassword);
    const registered = await worker.ok('cases.register', { child });
    const folder = newDir('homeward-usb-');
    await office.admin.ok('backup.start', { folder });
    const job = await waitForJob(office.admin);
    // After the backup: a password change the restored office will not know.
    await worker.ok('session.changePassword', { currentPassword: workerPassword, newPassword: 'a quite different passphrase 42' });
    office.shutdown();

    const newPc = newDir('homeward-newpc-');
    const core = openCore(newPc);
    const clients = clientsFor(core);
    try {
      const wizard = clients.client();
      expect((await wizard.ok('session.status', {})).setupRequired).toBe(true);
      await expectCode(wizard.call('backup.restore', { path: path.join(folder, job.name!), recoveryKey: 'ABCD-EFGH' }), 'RECOVERY_KEY_INVALID');
      expect((await wizard.ok('session.status', {})).setupRequired).toBe(true);
      const restored = await wizard.ok('backup.restore', { path: path.join(folder, job.name!, 'manifest.json'), recoveryKey: office.recoveryKey });
      expect(restored.office.code).toBe('GUL');
      expect((await wizard.ok('session.status', {})).setupRequired).toBe(false);

      for (const [username, password] of staffLogins) await clients.login(username, password);
      const again = await clients.login('wanjiru', workerPassword);
      const list = await again.ok('cases.list', {});
      expect(list.rows.map((r) => r.id)).toEqual([registered.id]);
      const admin = await clients.login('admin', adminPassword);
      expect(await admin.ok('audit.verify', {})).toMatchObject({ intact: true });
      expect(await fullCheck(admin)).toMatchObject({ result: { intact: true }, records: { changedCount: 0 } });
      const entries = await admin.ok('audit.list', { action: 'backup.restore' });
      expect(entries.entries).toHaveLength(1);
      // Only in the wizard: an office that exists is never overwritten.
      await expectCode(clients.client().call('backup.restore', { path: path.join(folder, job.name!), recoveryKey: office.recoveryKey }), 'ALREADY_SET_UP');
    } finally {
      clients.closeAll();
      core.close();
    }
  });

  it('a live log whose chain was edited outside the app makes no backup (the chain is walked in the snapshot worker)', async () => {
    const office = track(await setUpStaffedOffice());
    const raw = openRawWithKey(office.core);
    try {
      // The append-only triggers refuse edits: dropped and put back, as an attacker with the key would.
      const trigger = raw.prepare(`SELECT sql FROM sqlite_master WHERE name = 'audit_log_no_update'`).pluck().get() as string;
      raw.exec('DROP TRIGGER audit_log_no_update');
      raw.prepare(`UPDATE audit_log SET username = 'someone else' WHERE id = 3`).run();
      raw.exec(trigger);
    } finally {
      raw.close();
    }
    const folder = newDir('homeward-usb-');
    await office.admin.ok('backup.start', { folder });
    const job = await waitForJob(office.admin);
    expect(job).toMatchObject({ phase: 'failed', errorCode: 'BACKUP_FAILED' });
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it('refuses a damaged backup, and a folder that is not a backup', async () => {
    const office = track(await setUpStaffedOffice());
    const folder = newDir('homeward-usb-');
    await office.admin.ok('backup.start', { folder });
    const job = await waitForJob(office.admin);
    office.shutdown();
    const dbCopy = path.join(folder, job.name!, 'homeward.db');
    const bytes = fs.readFileSync(dbCopy);
    bytes[bytes.length - 100] ^= 0xff;
    fs.writeFileSync(dbCopy, bytes);

    const newPc = newDir('homeward-newpc-');
    const core = openCore(newPc);
    const clients = clientsFor(core);
    try {
      const wizard = clients.client();
      await expectCode(wizard.call('backup.restore', { path: path.join(folder, job.name!), recoveryKey: office.recoveryKey }), 'BACKUP_INVALID');
      await expectCode(wizard.call('backup.restore', { path: folder, recoveryKey: office.recoveryKey }), 'BACKUP_INVALID');
      expect(fs.readdirSync(newPc).filter((f) => f.startsWith('homeward'))).toEqual([]);
    } finally {
      clients.closeAll();
      core.close();
    }
  });
});
