// Kill -9 and fault injection for backup and restore, independent of the torture runner: the same
// op modules, run in a child process that dies at each named step or at a random moment; then the
// op's own check (complete-looking backups verify, the office opens, a restore can be repeated).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { TortureContext, TortureOp } from '../../torture/op';
import backupOp from '../../torture/ops/backup';
import restoreOp from '../../torture/ops/restore';
import { adminPassword, setUpStaffedOffice, workerPassword } from '../../fixtures/core';

const here = path.dirname(fileURLToPath(import.meta.url));
const childFile = path.join(here, 'kill-child.ts');
const opFiles: Record<string, string> = {
  backup: path.join(here, '../../torture/ops/backup.ts'),
  restore: path.join(here, '../../torture/ops/restore.ts'),
};

async function templateOffice(): Promise<{ dir: string; ctx: TortureContext }> {
  const office = await setUpStaffedOffice();
  const worker = await office.login('wanjiru', workerPassword);
  for (let i = 0; i < 5; i += 1) {
    const c = await worker.ok('cases.register', {
      child: {
        givenName: `Child${i}`,
        familyName: 'Kill',
        sex: 'female',
        dateOfBirth: '2014-03-02',
        separationReasons: ['poverty'],
        separationPlace: 'Gulu',
        area: 'Gulu',
        careArrangement: 'transit_centre',
      },
    });
    await worker.ok('notes.add', { caseId: c.id, note: { kind: 'general', date: new Date().toISOString().slice(0, 10), text: 'x'.repeat(5000) } });
  }
  office.shutdown();
  return { dir: office.dir, ctx: { adminPassword, recoveryKey: office.recoveryKey, seed: 1 } };
}

/** Runs the op in a child; kills it `killAfterMs` after START when given. Resolves with how it ended. */
function runChild(op: TortureOp, dir: string, ctx: TortureContext, faultPoint: string, killAfterMs?: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', childFile, opFiles[op.name], dir, JSON.stringify(ctx), faultPoint], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      if (killAfterMs !== undefined && d.toString().includes('START')) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 1) reject(new Error(`op failed in the child: ${stderr}`));
      else resolve(signal ?? `exit ${code}`);
    });
  });
}

async function trial(op: TortureOp, faultPoint: string, killAfterMs?: number): Promise<string> {
  const { dir, ctx } = await templateOffice();
  try {
    await op.prepare(dir, ctx);
    const ended = await runChild(op, dir, ctx, faultPoint, killAfterMs);
    await op.check(dir, ctx);
    return ended;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('the backup check itself', () => {
  it('fails on a folder that looks like a complete backup but does not verify', async () => {
    const { dir, ctx } = await templateOffice();
    try {
      await backupOp.prepare(dir, ctx);
      const usb = path.join(dir, 'usb');
      const [name] = fs.readdirSync(usb);
      const fake = path.join(usb, name.replace(/\d{3}Z$/u, '999Z'));
      fs.cpSync(path.join(usb, name), fake, { recursive: true });
      fs.appendFileSync(path.join(fake, 'homeward.db'), Buffer.alloc(4096));
      await expect(backupOp.check(dir, ctx)).rejects.toThrow();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe.each([backupOp, restoreOp])('$name survives a crash', (op) => {
  it.each([...(op.faultPoints ?? [])])('at the fault point %s', async (point) => {
    expect(await trial(op, point)).toBe('SIGKILL');
  }, 60_000);

  it('killed at random moments (and run to the end once)', async () => {
    const endings: string[] = [];
    for (const ms of [60, 500]) endings.push(await trial(op, '', ms));
    endings.push(await trial(op, ''));
    expect(endings.at(-1)).toBe('exit 0');
    expect(endings.length).toBe(3);
  }, 180_000);
});
