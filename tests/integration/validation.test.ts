// Every channel rejects malformed input with VALIDATION, before any access check or side effect.
// Channels and their fields come from the shared contract, so new channels are covered as declared.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InProcessClient } from '../../electron/core/client';
import { channelNames, type ChannelName } from '../../shared/contract';
import { malformedFields, malformedRoots, permissionChannels, publicChannels, type Malformed } from '../fixtures/channels';
import { clientsFor, keyFileText, openCore, setUpStaffedOffice, tempDir, workerPassword } from '../fixtures/core';
import { expectCode } from '../fixtures/results';

let office: Awaited<ReturnType<typeof setUpStaffedOffice>>;
let anonymous: InProcessClient;
let before: { keyFile: string; auditRows: number; userRows: number };

const counts = () => {
  const raw = office.core.store.get().raw;
  return {
    auditRows: (raw.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n,
    userRows: (raw.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n,
  };
};

/** Sends each malformed input; returns the ones not answered with VALIDATION. */
async function notRejected(client: InProcessClient, name: ChannelName, inputs: Malformed[]): Promise<string[]> {
  const misses: string[] = [];
  for (const { label, input } of inputs) {
    const result = await client.call(name, input as never);
    if (result.ok || result.error.code !== 'VALIDATION') misses.push(`${name} with ${label}: ${result.ok ? 'ok' : result.error.code}`);
  }
  return misses;
}

beforeAll(async () => {
  office = await setUpStaffedOffice();
  anonymous = office.client();
  before = { keyFile: keyFileText(office.core), ...counts() };
});
afterAll(() => office?.cleanup());

describe('malformed input is rejected with VALIDATION', () => {
  it.each(channelNames)('%s rejects input of the wrong shape from a logged-in administrator', async (name) => {
    expect(await notRejected(office.admin, name, malformedRoots)).toEqual([]);
  });

  it.each(channelNames)('%s rejects each field of the wrong type, null, or longer than its limit', async (name) => {
    expect(await notRejected(office.admin, name, malformedFields(name))).toEqual([]);
  });

  it.each(publicChannels)('public %s rejects malformed input from a client that is not logged in', async (name) => {
    expect(await notRejected(anonymous, name, [...malformedRoots, ...malformedFields(name)])).toEqual([]);
  });

  it('the error names the offending field, for the form to show it', async () => {
    const error = await expectCode(
      office.admin.call('admin.createUser', { username: 12345, displayName: 'A Name', role: 'caseworker', password: 'long enough passphrase' } as never),
      'VALIDATION',
    );
    expect(error.issues?.map((i) => i.path)).toEqual([['username']]);
  });

  it('none of those calls wrote anything: no audit entry, no user, the key-slot file untouched', () => {
    expect(counts()).toEqual({ auditRows: before.auditRows, userRows: before.userRows });
    expect(keyFileText(office.core)).toBe(before.keyFile);
  });
});

describe('validation comes before any access check or side effect', () => {
  it.each(channelNames)('%s answers malformed input with VALIDATION even to a caller who is not logged in', async (name) => {
    expect(await notRejected(anonymous, name, malformedRoots)).toEqual([]);
  });

  it('a case worker sending malformed input to an administrator channel gets VALIDATION, and no access.denied entry', async () => {
    const worker = await office.login('wanjiru', workerPassword);
    const auditBefore = counts().auditRows;
    const adminOnly = permissionChannels.filter((name) => name.startsWith('admin.'));
    expect(adminOnly.length).toBeGreaterThan(0);
    for (const name of adminOnly) expect(await notRejected(worker, name, malformedRoots)).toEqual([]);
    expect(counts().auditRows).toBe(auditBefore);
  });

  it('a locked session sending malformed input gets VALIDATION, not SESSION_LOCKED', async () => {
    const worker = await office.login('wanjiru', workerPassword);
    await worker.ok('session.lock', {});
    expect(await notRejected(worker, 'session.heartbeat', malformedRoots)).toEqual([]);
    expect(await notRejected(worker, 'session.unlock', malformedFields('session.unlock'))).toEqual([]);
  });

  it('malformed logins do not count as failed attempts', async () => {
    const keyFile = keyFileText(office.core);
    for (let i = 0; i < 5; i++) await expectCode(anonymous.call('session.login', { username: 'wanjiru', password: 42 } as never), 'VALIDATION');
    expect(keyFileText(office.core)).toBe(keyFile);
    await office.login('wanjiru', workerPassword);
  });

  it('a malformed first-run setup on a new machine creates no file at all', async () => {
    const dir = tempDir();
    const core = openCore(dir);
    const clients = clientsFor(core);
    try {
      const client = clients.client();
      expect(await notRejected(client, 'session.setupOffice', [...malformedRoots, ...malformedFields('session.setupOffice')])).toEqual([]);
      expect(fs.readdirSync(dir)).toEqual([]);
    } finally {
      clients.closeAll();
      core.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
