import { afterEach, describe, expect, it } from 'vitest';
import { setUpStaffedOffice, workerPassword, type TestOffice } from '../fixtures/core';

let office: TestOffice | undefined;
afterEach(() => office?.cleanup());

describe('foundation smoke', () => {
  it('sets up an office, creates staff, and a worker logs in and locks', async () => {
    const staffed = await setUpStaffedOffice();
    office = staffed;
    const worker = await staffed.login('wanjiru', workerPassword);
    const status = await worker.ok('session.status', {});
    expect(status.session?.role).toBe('caseworker');
    await worker.ok('session.lock', {});
    const denied = await worker.call('session.heartbeat', {});
    expect(denied.ok).toBe(false);
    if (!denied.ok) expect(denied.error.code).toBe('SESSION_LOCKED');
    await worker.ok('session.unlock', { password: workerPassword });
    const forbidden = await worker.call('admin.listUsers', {});
    expect(forbidden.ok ? null : forbidden.error.code).toBe('FORBIDDEN');
    const verify = await staffed.admin.ok('audit.verify', {});
    expect(verify.intact).toBe(true);
    expect(verify.checked).toBeGreaterThan(5);
  });
});
