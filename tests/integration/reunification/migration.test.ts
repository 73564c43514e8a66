// Migration 0006 on a real encrypted file: an office at version 5 with a case keeps it, and gains
// the contact log and the reunification record with their rules.
import fs from 'node:fs';
import { afterAll, describe, it } from 'vitest';
import { tempDir } from '../../fixtures/core';
import { runUpgrade } from '../../fixtures/migrations';
import { migration0006Case } from './migration-0006';

const dir = tempDir('homeward-migrate-0006-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('migration 6 (contacts and reunification)', () => {
  it('keeps the cases of a version-5 office and adds the contact log and the reunification record with their rules', () => {
    runUpgrade(dir, 6, { 6: migration0006Case });
  });
});
