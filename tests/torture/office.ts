// The torture suite's template office: an administrator (the context's password), a supervisor,
// two case workers, and cases with notes (enough bytes that a key rotation takes a moment, so a
// random kill can land inside it). Built once per run, copied into each trial's folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInProcessClient, type InProcessClient } from '../../electron/core/client';
import { createCore, type Core } from '../../electron/core/core';

/** Cheap KDF: trials measure crash safety, not Argon2. Children and checks must use the same. */
export const tortureKdf = { memoryKiB: 1024, iterations: 1, parallelism: 1 };

export const staff = {
  admin: { username: 'admin', password: 'correct horse battery staple' },
  supervisor: { username: 'sara', password: 'mountain-harvest-lantern-7' },
  worker: { username: 'wanjiru', password: 'river-lantern-quietly-42' },
  otherWorker: { username: 'omar', password: 'river-lantern-quietly-42' },
} as const;

export function openTortureCore(dir: string): Core {
  return createCore({ dataDir: dir, kdfCost: tortureKdf, log: () => undefined });
}

export async function loginClient(core: Core, username: string, password: string): Promise<InProcessClient> {
  const client = createInProcessClient(core);
  await client.ok('session.login', { username, password });
  return client;
}

export function tortureRoot(): string {
  for (const dir of [process.env.HOMEWARD_TEST_TMP, '/dev/shm', os.tmpdir()]) {
    if (!dir) continue;
    try {
      fs.accessSync(dir, fs.constants.W_OK);
      return dir;
    } catch {
      // try the next
    }
  }
  return os.tmpdir();
}

export const childDetails = (n: number) => ({
  givenName: `Child${n}`,
  familyName: 'Torture',
  sex: (n % 2 === 0 ? 'female' : 'male') as 'female' | 'male',
  dateOfBirth: '2014-03-02',
  separationReasons: ['poverty' as const],
  separationPlace: 'Gulu market',
  area: 'Gulu',
  careArrangement: 'transit_centre' as const,
});

/** A deterministic filler text (the database is encrypted, so its content hardly matters). */
const filler = (n: number): string => `note ${n} `.padEnd(16_000, 'abcdefghij klmnopqrst uvwxyz ');

export async function buildTemplateOffice(options: { adminPassword: string; cases: number }): Promise<{ dir: string; recoveryKey: string }> {
  const dir = fs.mkdtempSync(path.join(tortureRoot(), 'homeward-torture-template-'));
  const core = openTortureCore(dir);
  const setup = createInProcessClient(core);
  const { recoveryKey } = await setup.ok('session.setupOffice', {
    office: { name: 'Torture Office', code: 'TOR', country: 'UG', defaultLanguage: 'en' },
    admin: { username: staff.admin.username, displayName: 'Amina Admin', password: options.adminPassword },
  });
  const admin = await loginClient(core, staff.admin.username, options.adminPassword);
  await admin.ok('admin.createUser', { username: staff.supervisor.username, displayName: 'Sara Supervisor', role: 'supervisor', password: staff.supervisor.password });
  await admin.ok('admin.createUser', { username: staff.worker.username, displayName: 'Wanjiru Worker', role: 'caseworker', password: staff.worker.password });
  await admin.ok('admin.createUser', { username: staff.otherWorker.username, displayName: 'Omar Worker', role: 'caseworker', password: staff.otherWorker.password });
  const worker = await loginClient(core, staff.worker.username, staff.worker.password);
  for (let n = 1; n <= options.cases; n += 1) {
    const row = await worker.ok('cases.register', { child: childDetails(n) });
    await worker.ok('notes.add', { caseId: row.id, note: { kind: 'general', date: today(), text: filler(n) } });
  }
  worker.close();
  admin.close();
  setup.close();
  core.close();
  return { dir, recoveryKey };
}

/** Notes may not predate their case, which is registered today. */
export const today = (): string => new Date().toISOString().slice(0, 10);
