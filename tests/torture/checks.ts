// The torture suite's generic checks, run in the parent after every trial: the database opens with
// a key the slots hold (before anything repairs it), it passes integrity_check, the app opens it
// (finishing an interrupted rotation, dropping stale slots), the audit chain verifies, every user
// slot belongs to a user and every user has one, and the records agree with each other.
import fs from 'node:fs';
import path from 'node:path';
import { openRaw } from '../../electron/core/db/open';
import { storePaths } from '../../electron/core/store';
import { Vault } from '../../electron/core/vault/vault';
import type { TortureContext } from './op';
import { loginClient, openTortureCore, staff, tortureKdf } from './office';

function fail(message: string): never {
  throw new Error(message);
}

/** As found after the crash, before the app touches anything. */
async function checkRawState(dir: string, ctx: TortureContext): Promise<void> {
  const paths = storePaths(dir);
  const vault = new Vault(paths.keyFile, tortureKdf);
  const candidates = await vault.unlockWithRecoveryKey(ctx.recoveryKey);
  let opened = false;
  for (const { dataKey } of candidates) {
    let raw;
    try {
      raw = openRaw({ file: paths.dbFile, key: dataKey, cacheKiB: 2048 });
    } catch {
      continue;
    }
    try {
      const result = raw.pragma('integrity_check', { simple: true });
      if (result !== 'ok') fail(`integrity_check: ${String(result)}`);
      opened = true;
    } finally {
      raw.close();
    }
    break;
  }
  if (!opened) fail(`the database opens with none of the ${candidates.length} keys the recovery slot holds`);
}

async function checkThroughApp(dir: string, ctx: TortureContext): Promise<void> {
  const core = openTortureCore(dir);
  try {
    const admin = await loginClient(core, staff.admin.username, ctx.adminPassword);
    const verified = await admin.ok('audit.verify', {});
    if (!verified.intact) fail(`audit chain: ${JSON.stringify(verified.problem)}`);
    const { raw } = core.store.get();
    const content = core.vault.require();
    if (content.slots.some((s) => s.nextDataKey)) fail('a staged key is still in the slots after opening');
    const slotIds = [...core.vault.slotUserIds()].sort();
    const userIds = (raw.prepare('SELECT id FROM users WHERE removed_at IS NULL').all() as { id: string }[]).map((r) => r.id).sort();
    if (JSON.stringify(slotIds) !== JSON.stringify(userIds)) {
      fail(`slots and users disagree: slots ${slotIds.join(',')} / users ${userIds.join(',')}`);
    }
    const checks: [string, string][] = [
      ['cases without their registration audit entry', `SELECT count(*) FROM cases c WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.action = 'case.register' AND a.entity_id = c.id)`],
      ['cases without their registration timeline event', `SELECT count(*) FROM cases c WHERE NOT EXISTS (SELECT 1 FROM case_events e WHERE e.type = 'case.register' AND e.case_id = c.id)`],
      ['timeline events of no case', `SELECT count(*) FROM case_events e WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = e.case_id)`],
      ['users without their creation audit entry', `SELECT count(*) FROM users u WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.action IN ('user.create') AND a.entity_id = u.id)`],
      ['removed users without their removal audit entry', `SELECT count(*) FROM users u WHERE u.removed_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.action = 'user.remove' AND a.entity_id = u.id)`],
      ['duplicate case numbers', `SELECT count(*) - count(DISTINCT number) FROM cases`],
    ];
    for (const [what, sql] of checks) {
      const n = raw.prepare(sql).pluck().get() as number;
      if (n !== 0) fail(`${n} ${what}`);
    }
    const fk = raw.pragma('foreign_key_check') as unknown[];
    if (fk.length > 0) fail(`${fk.length} foreign-key violations`);
    admin.close();
  } finally {
    core.close();
  }
  // After the app opened it: no leftovers, owner-only permissions.
  const names = fs.readdirSync(dir);
  const leftovers = names.filter((n) => n.endsWith('.tmp') || n.endsWith('.rotating') || n.endsWith('.keyholder'));
  if (leftovers.length > 0) fail(`leftover files: ${leftovers.join(', ')}`);
  if (process.platform !== 'win32') {
    if ((fs.statSync(dir).mode & 0o777) !== 0o700) fail('the data folder is not 0700');
    for (const name of names.filter((n) => n.startsWith('homeward.db') || n === 'homeward.keys.json')) {
      const mode = fs.statSync(path.join(dir, name)).mode & 0o777;
      if (mode !== 0o600) fail(`${name} is ${mode.toString(8)}, not 600`);
    }
  }
}

export async function genericChecks(dir: string, ctx: TortureContext): Promise<void> {
  await checkRawState(dir, ctx);
  await checkThroughApp(dir, ctx);
}
