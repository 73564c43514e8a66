import fs from 'node:fs';
import { afterAll, describe, it } from 'vitest';
import { tempDir } from '../../fixtures/core';
import { runUpgrade } from '../../fixtures/migrations';
import { migration0005Case } from './migration-0005';

const dir = tempDir('homeward-migrate-0005-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('migration 0005 (plans and preparation)', () => {
  it('keeps the cases of version 4, and its tables take plans and preparation records with their constraints', () => {
    runUpgrade(dir, 5, { 5: migration0005Case });
  });
});
