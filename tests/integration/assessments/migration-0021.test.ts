import fs from 'node:fs';
import { afterAll, describe, it } from 'vitest';
import { migrations } from '../../../migrations';
import m0021 from '../../../migrations/0021_csi_guide';
import { tempDir } from '../../fixtures/core';
import { runUpgrade } from '../../fixtures/migrations';
import { migration0021Case } from './migration-0021';

const dir = tempDir('homeward-migrate-0021-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// Run right after the migrations before it, whatever their numbers while branches are merged
// (numbered 1, 2, 3 … here, as the runner expects).
const list = [...migrations.filter((m) => m.version < m0021.version), m0021].map((m, i) => ({ ...m, version: i + 1 }));
const version = list.length;

describe('migration 0021 (the Child Status Index score guide)', () => {
  it('adds an anchored, standard CSI version built from the office’s adapted one; old answers keep their version', () => {
    runUpgrade(dir, version, { [version]: migration0021Case }, list);
  });
});
