// The encryption proofs: what lies on disk after real use through the API is ciphertext, readable
// only with the data key and only in SQLCipher 4 format.
import Database from 'better-sqlite3-multiple-ciphers';
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRaw } from '../../electron/core/db/open';
import { AppError } from '../../shared/contract/errors';
import { adminPassword, currentDataKey, setUpStaffedOffice, workerPassword } from '../fixtures/core';
import { plaintextIn, sqliteMagic } from '../fixtures/plaintext';

const officeName = 'Xanthippe Marmalade District';
const renamedOffice = 'Quillfeather Vantablack Office';
const adminName = 'Ottoline Fernsby-Wrack';
const workerName = 'Zebediah Quux-Canary';
const workerUsername = 'zebediah.quux';
const renamedWorker = 'Zebediah Quux-Canary Périgord';
/** Everything written through the API that must never appear on disk outside the key-slot file. */
const recordTexts = [officeName, renamedOffice, adminName, workerName, workerUsername, renamedWorker];
/** Names the key-slot file must not hold either (it holds office identity and usernames by design). */
const displayNames = [adminName, workerName, renamedWorker];

const sqlite3Cli = '/usr/bin/sqlite3';
const hasSqlite3Cli = fs.existsSync(sqlite3Cli);

let office: Awaited<ReturnType<typeof setUpStaffedOffice>>;
let dataKey: Buffer;
let walWhileOpen = { size: 0, found: [] as string[] };
let dbWhileOpen: string[] = [];

beforeAll(async () => {
  office = await setUpStaffedOffice(
    {},
    { office: { name: officeName, code: 'XMD', country: 'KE', defaultLanguage: 'en' }, admin: { username: 'admin', displayName: adminName, password: adminPassword } },
  );
  const worker = await office.admin.ok('admin.createUser', { username: workerUsername, displayName: workerName, role: 'caseworker', password: workerPassword });
  await office.admin.ok('admin.updateUser', { id: worker.id, displayName: renamedWorker });
  await office.admin.ok('admin.updateSettings', { office: { name: renamedOffice } });
  const asWorker = await office.login(workerUsername, workerPassword);
  await asWorker.ok('session.lock', {});
  await asWorker.ok('session.unlock', { password: workerPassword });
  dataKey = currentDataKey(office.core);
  // Read the files as they are mid-use: the latest writes sit in the WAL, not yet checkpointed.
  const wal = `${office.core.paths.dbFile}-wal`;
  walWhileOpen = { size: fs.statSync(wal).size, found: plaintextIn(wal, recordTexts) };
  dbWhileOpen = plaintextIn(office.core.paths.dbFile, recordTexts);
});

afterAll(() => office?.cleanup());

describe('the database on disk is encrypted', () => {
  it('the WAL holds recent records, and none of them in plaintext, while the office is in use', () => {
    expect(walWhileOpen.size).toBeGreaterThan(0);
    expect(walWhileOpen.found).toEqual([]);
    expect(dbWhileOpen).toEqual([]);
  });

  it('after a checkpoint folds the WAL into the database file, it holds no plaintext', () => {
    office.core.store.get().raw.pragma('wal_checkpoint(TRUNCATE)');
    expect(fs.statSync(`${office.core.paths.dbFile}-wal`).size).toBe(0);
    expect(plaintextIn(office.core.paths.dbFile, recordTexts)).toEqual([]);
  });

  it('the records really were written (the search above looks at real data)', async () => {
    const users = await office.admin.ok('admin.listUsers', {});
    expect(users.map((u) => u.displayName)).toEqual(expect.arrayContaining([adminName, renamedWorker]));
    expect((await office.admin.ok('admin.getSettings', {})).office.name).toBe(renamedOffice);
  });

  it('a data key rotation leaves no plaintext behind in any file of the data folder', async () => {
    await office.admin.ok('admin.rotateDataKey', {});
    dataKey = currentDataKey(office.core);
    for (const file of fs.readdirSync(office.dir)) {
      const full = path.join(office.dir, file);
      const texts = file === path.basename(office.core.paths.keyFile) ? displayNames : recordTexts;
      expect(plaintextIn(full, texts), file).toEqual([]);
    }
  });

  it('after everyone logs out and the app closes, no file in the data folder holds plaintext', () => {
    office.shutdown();
    expect(office.core.store.isOpen).toBe(false);
    const files = fs.readdirSync(office.dir);
    expect(files).toContain('homeward.db');
    for (const file of files) {
      const full = path.join(office.dir, file);
      const texts = file === path.basename(office.core.paths.keyFile) ? displayNames : recordTexts;
      expect(plaintextIn(full, texts), file).toEqual([]);
    }
  });

  it('the file does not start with the SQLite header', () => {
    const header = fs.readFileSync(office.core.paths.dbFile).subarray(0, 16);
    expect(header.equals(sqliteMagic)).toBe(false);
    expect(header.includes(Buffer.from('SQLite'))).toBe(false);
  });

  it.skipIf(!hasSqlite3Cli && !process.env.CI)(
    `Debian's sqlite3 cannot read it${hasSqlite3Cli ? '' : ' (skipped: /usr/bin/sqlite3 is not installed here; CI installs it)'}`,
    () => {
      const result = spawnSync(sqlite3Cli, [office.core.paths.dbFile, 'select * from sqlite_master'], { encoding: 'utf8' });
      expect(result.error).toBeUndefined();
      expect(result.status).not.toBe(0);
      expect(result.stderr).toMatch(/file is not a database/);
      expect(result.stdout).toBe('');
    },
  );

  it('a wrong key is refused with DB_KEY_INVALID', () => {
    const attempt = (key: Buffer | null) => {
      try {
        openRaw({ file: office.core.paths.dbFile, key }).close();
        return 'opened';
      } catch (error) {
        return error instanceof AppError ? error.code : String(error);
      }
    };
    expect(attempt(crypto.randomBytes(32))).toBe('DB_KEY_INVALID');
    expect(attempt(null)).toBe('DB_KEY_INVALID');
    expect(attempt(Buffer.alloc(16, 1))).toBe('DB_KEY_INVALID');
    const flipped = Buffer.from(dataKey);
    flipped[31] ^= 1;
    expect(attempt(flipped)).toBe('DB_KEY_INVALID');
    expect(attempt(dataKey)).toBe('opened');
  });

  it('the file is in SQLCipher 4 format: the right key with the library default cipher does not open it', () => {
    const raw = new Database(office.core.paths.dbFile);
    try {
      raw.pragma(`key="x'${dataKey.toString('hex')}'"`);
      expect(() => raw.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database/);
    } finally {
      raw.close();
    }
  });

  it('cipher_integrity_check and a full integrity check are clean after normal use', () => {
    const raw = openRaw({ file: office.core.paths.dbFile, key: dataKey });
    try {
      expect(raw.pragma('cipher_integrity_check')).toEqual([]);
      // SQLite3MultipleCiphers does not implement cipher_integrity_check (an unknown pragma also
      // returns no rows), so the check that means something is integrity_check: it reads every
      // page through the codec, which verifies each page's HMAC.
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      raw.close();
    }
  });

  it('a single byte altered on disk is caught by the page HMAC', () => {
    const copy = path.join(office.dir, 'tampered.db');
    const bytes = fs.readFileSync(office.core.paths.dbFile);
    const pageSize = 4096;
    expect(bytes.length).toBeGreaterThan(3 * pageSize);
    bytes[2 * pageSize + 200] ^= 0xff;
    fs.writeFileSync(copy, bytes);
    const raw = openRaw({ file: copy, key: dataKey });
    try {
      expect(() => raw.pragma('integrity_check')).toThrow(/malformed/);
    } finally {
      raw.close();
      fs.rmSync(copy);
    }
  });
});

describe('the plaintext search itself (a control)', () => {
  it.each(['UTF-8', 'UTF-16le', 'UTF-16be'])('finds a display name in an unencrypted %s database', (encoding) => {
    const file = path.join(office.dir, `control-${encoding}.db`);
    const raw = new Database(file);
    try {
      raw.pragma(`encoding = '${encoding}'`);
      raw.exec('CREATE TABLE t (name TEXT)');
      raw.prepare('INSERT INTO t VALUES (?)').run(workerName);
    } finally {
      raw.close();
    }
    expect(plaintextIn(file, [workerName]).length).toBeGreaterThan(0);
    fs.rmSync(file);
  });
});

describe('connection settings', () => {
  it('the store runs in WAL mode with synchronous=FULL, foreign keys on and the SQLCipher 4 cipher', async () => {
    const reopened = await setUpStaffedOffice();
    try {
      const raw = reopened.core.store.get().raw;
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(raw.pragma('synchronous', { simple: true })).toBe(2);
      expect(raw.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(raw.pragma('cipher', { simple: true })).toBe('sqlcipher');
      expect(String(raw.pragma('legacy', { simple: true }))).toBe('4');
    } finally {
      reopened.cleanup();
    }
  });
});
