import { describe, expect, it } from 'vitest';
import { entryHash, GENESIS } from '../../electron/core/audit/audit';
import { channelNames, channels, isChannelName } from '../../shared/contract';
import { errorCodes } from '../../shared/contract/errors';

describe('the shared contract', () => {
  it('every channel is named feature.action', () => {
    for (const name of channelNames) expect(name).toMatch(/^[a-z]+\.[a-z][A-Za-z]+$/);
  });

  it('every channel input refuses fields it does not declare', () => {
    for (const name of channelNames) expect(channels[name].input.safeParse({ surelyNotAField: 1 }).success, name).toBe(false);
  });

  it('only real channels are channel names, not object built-ins', () => {
    expect(isChannelName('session.login')).toBe(true);
    for (const name of ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty']) expect(isChannelName(name)).toBe(false);
  });

  it('error codes are unique', () => {
    expect(new Set(errorCodes).size).toBe(errorCodes.length);
  });
});

describe('audit entry hashes', () => {
  const row = { at: '2025-03-01T08:00:00.000Z', user_id: 'u1', username: 'amina', action: 'session.login', entity_type: 'user', entity_id: 'u1', details: null };

  it('are stable for the same entry and previous hash', () => {
    expect(entryHash(GENESIS, row)).toBe(entryHash(GENESIS, { ...row }));
    expect(entryHash(GENESIS, row)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('change when any field or the previous hash changes', () => {
    const base = entryHash(GENESIS, row);
    expect(entryHash('1'.repeat(64), row)).not.toBe(base);
    for (const [key, value] of Object.entries({ at: 'x', user_id: 'u2', username: 'x', action: 'x', entity_type: 'x', entity_id: 'x', details: '{}' })) {
      expect(entryHash(GENESIS, { ...row, [key]: value }), key).not.toBe(base);
    }
  });

  it('cannot be fooled by moving text between fields', () => {
    expect(entryHash(GENESIS, { ...row, username: 'ami', action: 'na|session.login' })).not.toBe(entryHash(GENESIS, { ...row, username: 'amina|', action: 'session.login' }));
  });
});
