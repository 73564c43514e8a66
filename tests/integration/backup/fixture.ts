// What the backup tests share: folders made per test and removed after it, and one child to register.
import fs from 'node:fs';
import { afterEach } from 'vitest';
import { tempDir } from '../../fixtures/core';

/** A `newDir(prefix)` whose folders are removed after each test of the calling file. */
export function foldersPerTest(): (prefix: string) => string {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  return (prefix: string) => {
    const dir = tempDir(prefix);
    dirs.push(dir);
    return dir;
  };
}

export const child = {
  givenName: 'Akello',
  familyName: 'Okot',
  sex: 'female' as const,
  dateOfBirth: '2014-03-02',
  separationReasons: ['poverty' as const],
  separationPlace: 'Gulu market',
  area: 'Gulu',
  careArrangement: 'transit_centre' as const,
};
