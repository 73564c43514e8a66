// Key rotation on a database big enough that the copy takes a while: the office is locked with a
// reason and a progress figure, the event loop stays free, old-key backups and crash leftovers go.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRaw } from '../../electron/core/db/open';
import { migrationBackups, rotationFile } from '../../electron/core/vault/files';
import { adminPassword, cleanUpAfterEach, clientsFor, currentDataKey, openCore, setUpStaffedOffice, workerPassword } from '../fixtures/core';
import { expectCode } from '../fixtures/results';

const track = cleanUpAfterEach();

const child = {
  givenName: 'Amélie',
  familyName: 'Nduwimana',
  sex: 'female' as const,
  dateOfBirth: '2014-03-02',
  separationReasons: ['poverty' as const],
  separationPlace: 'Gulu market',
  area: 'Gulu',
  careArrangement: 'transit_centre' as const,
};

/** About `mb` megabytes of timeline rows under one real case (written directly: only bytes matter). */
async function bulk(office: Awaited<ReturnType<typeof setUpStaffedOffice>>, mb: number): Promise<void> {
  const worker = await office.login('wanjiru', workerPassword);
  const row = await worker.ok('cases.register', { child });
  const { raw } = office.core.store.get();
  const insert = raw.prepare(`INSERT INTO case_events (case_id, at, user_id, type, details) VALUES (?, ?, NULL, 'bulk', ?)`);
  const text = 'x'.repeat(2000);
  raw.transaction(() => {
    for (let i = 0; i < mb * 500; i += 1) insert.run(row.id, new Date().toISOString(), `${i} ${text}`);
  })();
}

describe('rotation of a large database', () => {
  it('locks the office with its reason and progress, keeps the event loop free, and everyone gets back in', async () => {
    const office = track(await setUpStaffedOffice());
    await bulk(office, 60);
    const worker = await office.login('sara', 'mountain-harvest-lantern-7');
    const oldKey = currentDataKey(office.core);

    let maxLag = 0;
    let last = Date.now();
    const ticker = setInterval(() => {
      const now = Date.now();
      maxLag = Math.max(maxLag, now - last - 10);
      last = now;
    }, 10);
    const started = Date.now();
    const rotation = office.admin.ok('admin.rotateDataKey', {});
    const seen: number[] = [];
    let busy = 0;
    for (;;) {
      await new Promise((r) => setTimeout(r, 50));
      const status = await worker.ok('session.status', {});
      if (!status.maintenance) break;
      expect(status.maintenance.kind).toBe('keyRotation');
      seen.push(status.maintenance.percent);
      if (busy === 0) {
        const refused = await expectCode(worker.call('cases.list', {}), 'OFFICE_BUSY');
        expect(refused.params?.reason).toBe('keyRotation');
        busy += 1;
      }
    }
    const result = await rotation;
    const seconds = (Date.now() - started) / 1000;
    clearInterval(ticker);
    const size = fs.statSync(office.core.paths.dbFile).size;
    console.log(`rotation of ${(size / 1e6).toFixed(0)} MB: ${seconds.toFixed(1)} s, ${seen.length} status polls answered, progress ${[...new Set(seen)].join(' ')} %, max event-loop lag ${maxLag} ms`);
    expect(result.slots).toBe(5);
    expect(busy).toBe(1);
    expect(seen.length).toBeGreaterThan(2);
    expect(seen[seen.length - 1]).toBeGreaterThan(seen[0]);
    // The copy runs in a worker: the core's thread only polls a file size.
    expect(maxLag).toBeLessThan(500);
    expect(currentDataKey(office.core).equals(oldKey)).toBe(false);
    await worker.ok('cases.list', {});
    expect(await office.admin.ok('audit.verify', {})).toMatchObject({ intact: true });
    expect(fs.existsSync(rotationFile(office.core.paths.dbFile))).toBe(false);
  }, 120_000);

  it('a second rotation while one runs is refused; the office works again afterwards', async () => {
    const office = track(await setUpStaffedOffice());
    await bulk(office, 20);
    const second = await office.login('admin', adminPassword);
    const first = office.admin.ok('admin.rotateDataKey', {});
    await new Promise((r) => setTimeout(r, 30));
    await expectCode(second.call('admin.rotateDataKey', {}), 'OFFICE_BUSY');
    await first;
    await second.ok('admin.listUsers', {});
  }, 60_000);

  it('removes migration backups under the old key, keeps those the new key opens, and removes crash leftovers on open', async () => {
    const office = track(await setUpStaffedOffice());
    const { dbFile, dataDir } = office.core.paths;
    office.core.store.checkpoint();
    const oldBackup = `${dbFile}.v1.2026-01-01T00-00-00-000Z.bak`;
    fs.copyFileSync(dbFile, oldBackup);
    await office.admin.ok('admin.rotateDataKey', {});
    expect(fs.existsSync(oldBackup)).toBe(false);
    office.core.store.checkpoint();
    const newBackup = `${dbFile}.v1.2026-02-01T00-00-00-000Z.bak`;
    fs.copyFileSync(dbFile, newBackup);
    openRaw({ file: newBackup, key: currentDataKey(office.core), readonly: true }).close();
    office.shutdown();

    // Leftovers a crash can leave: key-slot temp copies and a half-written rotation copy.
    const tmp = path.join(dataDir, '.homeward.keys.json.99999.tmp');
    fs.writeFileSync(tmp, fs.readFileSync(office.core.paths.keyFile));
    fs.writeFileSync(rotationFile(dbFile), 'half a copy');
    const restarted = openCore(office.dir);
    const clients = clientsFor(restarted);
    try {
      await clients.login('admin', adminPassword);
      expect(fs.existsSync(tmp)).toBe(false);
      expect(fs.existsSync(rotationFile(dbFile))).toBe(false);
      expect(migrationBackups(dbFile)).toEqual([newBackup]);
    } finally {
      clients.closeAll();
      restarted.close();
    }
  });
});
