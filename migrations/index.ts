// Every migration, in order. A test checks that each file in this folder is listed here.
import m0001 from './0001_foundation';
import type { Migration } from './types';

export const migrations: readonly Migration[] = [m0001];
export const latestVersion = migrations[migrations.length - 1].version;
export type { Migration } from './types';
