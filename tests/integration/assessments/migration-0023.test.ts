import fs from 'node:fs';
import { afterAll, describe, it } from 'vitest';
import { migrations } from '../../../migrations';
import m0023 from '../../../migrations/0023_csi_guide';
import { tempDir } from '../../fixtures/core';
import { runUpgrade } from '../../fixtures/migrations';
import { migration0023Case } from './migration-0023';

const dir = tempDir('homeward-migrate-0023-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// Run right after the migrations before it, whatever their numbers while branches are merged
// (numbered 1, 2, 3 … here, as the runner expects).
const list = [...migrations.filter((m) => m.version < m0023.version), m0023].map((m, i) => ({ ...m, version: i + 1 }));
const version = list.length;

describe('migration 0023 (the Child Status Index score guide)', () => {
  it('adds an anchored, standard CSI version built from the office’s adapted one; old answers keep their version', () => {
    runUpgrade(dir, version, { [version]: migration0023Case }, list);
  });
});
