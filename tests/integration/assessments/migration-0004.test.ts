import fs from 'node:fs';
import { afterAll, describe, it } from 'vitest';
import { tempDir } from '../../fixtures/core';
import { runUpgrade } from '../../fixtures/migrations';
import { migration0004Case } from './migration-0004';

const dir = tempDir('homeward-migrate-0004-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('migration 0004 (tracing, assessments, safety, BID)', () => {
  it('keeps the cases of version 3, ships the default templates, and its tables take records with their constraints', () => {
    runUpgrade(dir, 4, { 4: migration0004Case });
  });
});
