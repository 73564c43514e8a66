// The in-process transport behaves like IPC: arguments and results are structured-cloned, errors
// cross as { code, message } without stacks, unknown channels and internal failures are contained.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessClient } from '../../electron/core/client';
import { userSchema } from '../../shared/admin/contract';
import type { WireError } from '../../shared/contract/errors';
import { cleanUpAfterEach, openRawWithKey, setUpStaffedOffice, workerPassword } from '../fixtures/core';
import { errorOf, expectCode } from '../fixtures/results';

const track = cleanUpAfterEach();

const genericMessage = 'something went wrong; nothing was saved';

function expectNoStack(error: WireError): void {
  expect(Object.keys(error).every((k) => ['code', 'message', 'params', 'issues'].includes(k)), Object.keys(error).join()).toBe(true);
  const text = JSON.stringify(error);
  expect(text).not.toMatch(/\n\s+at |\\n\s+at /);
  expect(text).not.toMatch(/\.ts:\d+|\.js:\d+|node_modules|\/tmp\/|\/work\//);
}

/** True when the value is made only of plain objects, arrays and primitives, as IPC would deliver. */
function isPlain(value: unknown): boolean {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return true;
  if (Array.isArray(value)) return Object.getPrototypeOf(value) === Array.prototype && value.every(isPlain);
  if (typeof value === 'object') return Object.getPrototypeOf(value) === Object.prototype && Object.values(value as object).every(isPlain);
  return false;
}

describe('arguments and results are structured-cloned', () => {
  it('changing an input object after the call does not change what was stored', async () => {
    const office = track(await setUpStaffedOffice());
    const input = { username: 'clone.test', displayName: 'Original Name', role: 'caseworker' as const, password: 'clone test long passphrase' };
    const pending = office.admin.call('admin.createUser', input);
    input.displayName = 'Mutated Name';
    input.role = 'admin' as never;
    const created = await pending;
    expect(created.ok && created.value.displayName).toBe('Original Name');
    const stored = (await office.admin.ok('admin.listUsers', {})).find((u) => u.username === 'clone.test');
    expect(stored).toMatchObject({ displayName: 'Original Name', role: 'caseworker' });
  });

  it('results are plain data, and changing one does not change the next', async () => {
    const office = track(await setUpStaffedOffice());
    for (const value of [
      await office.admin.ok('session.status', {}),
      await office.admin.ok('admin.listUsers', {}),
      await office.admin.ok('admin.getSettings', {}),
      await office.admin.ok('audit.list', {}),
      await office.admin.ok('audit.verify', {}),
    ]) {
      expect(isPlain(value)).toBe(true);
    }
    const first = await office.admin.ok('admin.listUsers', {});
    first[0].displayName = 'Changed locally';
    const second = await office.admin.ok('admin.listUsers', {});
    expect(second[0].displayName).not.toBe('Changed locally');
  });

  it('results carry only the fields the contract declares', async () => {
    const office = track(await setUpStaffedOffice());
    const users = await office.admin.ok('admin.listUsers', {});
    for (const user of users) expect(Object.keys(user).sort()).toEqual(Object.keys(userSchema.shape).sort());
  });

  it('an argument IPC could not carry (a function) is refused before it reaches the core', async () => {
    const office = track(await setUpStaffedOffice());
    await expect(office.admin.call('session.status', { callback: () => 1 } as never)).rejects.toThrow(/could not be cloned/);
  });

  it('a missing argument counts as an empty object', async () => {
    const office = track(await setUpStaffedOffice());
    const conn = office.core.connect();
    try {
      const result = await office.core.invoke(conn, 'session.status', undefined);
      expect(result.ok).toBe(true);
    } finally {
      office.core.disconnect(conn);
    }
  });
});

describe('errors cross as codes, never as stacks', () => {
  it('no error of any kind carries a stack trace, a file path or extra fields', async () => {
    const office = track(await setUpStaffedOffice());
    const worker = await office.login('wanjiru', workerPassword);
    const anonymous = office.client();
    const errors = [
      await errorOf(anonymous.call('session.login', { username: 1 } as never)),
      await errorOf(anonymous.call('session.login', { username: 'wanjiru', password: 'wrong password here' })),
      await errorOf(anonymous.call('session.heartbeat', {})),
      await errorOf(worker.call('admin.listUsers', {})),
      await errorOf(office.admin.call('admin.removeUser', { id: 'no-such-user' })),
      await errorOf(anonymous.call('no.such.channel' as never, {} as never)),
      await errorOf(anonymous.call('session.setupOffice', { office: { name: 'X Office', code: 'XO', country: 'UG', defaultLanguage: 'en' }, admin: { username: 'xx.admin', displayName: 'X', password: 'long enough passphrase' } })),
    ];
    expect(errors.map((e) => e.code)).toEqual(['VALIDATION', 'LOGIN_FAILED', 'NOT_AUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'UNKNOWN_CHANNEL', 'ALREADY_SET_UP']);
    for (const error of errors) expectNoStack(error);
  });

  describe('unknown channels', () => {
    let office: Awaited<ReturnType<typeof setUpStaffedOffice>>;
    beforeAll(async () => {
      office = await setUpStaffedOffice();
    });
    afterAll(() => office?.cleanup());

    it.each(['no.such.channel', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 'SESSION.LOGIN', 'session.login '])(
      'the unknown channel %j is answered with UNKNOWN_CHANNEL',
      async (name) => {
        await expectCode(office.client().call(name as never, {} as never), 'UNKNOWN_CHANNEL');
        await expectCode(office.admin.call(name as never, {} as never), 'UNKNOWN_CHANNEL');
      },
    );

    it('a very long unknown channel name is not echoed back in full', async () => {
      const error = await expectCode(office.admin.call('x'.repeat(10_000) as never, {} as never), 'UNKNOWN_CHANNEL');
      expect(String(error.params?.channel).length).toBeLessThanOrEqual(80);
    });
  });

  it('a handler failing with an unexpected error returns INTERNAL with a generic message, and the detail goes only to the log', async () => {
    const logged: unknown[] = [];
    const office = track(await setUpStaffedOffice({ log: (_message, error) => logged.push(error) }));
    // A damaged slot file is now a named condition (DB_UNREADABLE); a table missing under the
    // handler's feet is the kind of fault nobody planned for.
    const raw = openRawWithKey(office.core);
    raw.exec('ALTER TABLE users RENAME TO users_elsewhere');
    raw.close();
    const error = await expectCode(office.admin.call('admin.listUsers', {}), 'INTERNAL');
    expect(error.message).toBe(genericMessage);
    expectNoStack(error);
    expect(JSON.stringify(error)).not.toMatch(/users|table|homeward/i);
    expect(logged).toHaveLength(1);
    // Its kind and where, not its message (which could quote data).
    expect(logged[0]).toMatch(/^SqliteError \[SQLITE_ERROR\] at /);
    expect(String(logged[0])).not.toMatch(/users/);
  });

  it('the core keeps serving after an internal error', async () => {
    const office = track(await setUpStaffedOffice());
    const raw = openRawWithKey(office.core);
    raw.exec('ALTER TABLE users RENAME TO users_elsewhere');
    await expectCode(office.admin.call('admin.listUsers', {}), 'INTERNAL');
    raw.exec('ALTER TABLE users_elsewhere RENAME TO users');
    raw.close();
    await office.admin.ok('admin.listUsers', {});
  });

  it('stored data that breaks the output contract is an internal error, not a validation error', async () => {
    const logged: unknown[] = [];
    const office = track(await setUpStaffedOffice({ log: (_message, error) => logged.push(error) }));
    const raw = openRawWithKey(office.core);
    raw.prepare(`UPDATE users SET language = 'xx' WHERE username = 'wanjiru'`).run();
    raw.close();
    const error = await expectCode(office.admin.call('admin.listUsers', {}), 'INTERNAL');
    expect(error.message).toBe(genericMessage);
    expect(error.issues).toBeUndefined();
    expect(logged).toHaveLength(1);
  });
});

describe('one call at a time', () => {
  it('calls from several windows at once do not interleave: every write lands and the audit chain holds', async () => {
    const office = track(await setUpStaffedOffice());
    const windows = [office.admin, createInProcessClient(office.core), createInProcessClient(office.core)];
    await windows[1].ok('session.login', { username: 'wanjiru', password: workerPassword });
    await windows[2].ok('session.login', { username: 'omar', password: workerPassword });
    const calls = Array.from({ length: 12 }, (_, i) => [
      office.admin.call('admin.createUser', { username: `parallel.${i}`, displayName: `Parallel ${i}`, role: 'caseworker', password: `parallel user passphrase ${i}` }),
      windows[1 + (i % 2)].call('session.heartbeat', {}),
      office.admin.call('admin.updateSettings', { autoLockMinutes: 5 + (i % 10) }),
    ]).flat();
    const results = await Promise.all(calls);
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect((await office.admin.ok('admin.listUsers', {})).filter((u) => u.username.startsWith('parallel.'))).toHaveLength(12);
    expect(await office.admin.ok('audit.verify', {})).toMatchObject({ intact: true });
    windows[1].close();
    windows[2].close();
  });
});
