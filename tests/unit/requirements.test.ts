// README's Node requirement, package.json's engines and what the installed tools declare agree:
// everything but Electron's installer and packaging runs on Node 20.19+, those need 22.12+.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronInstallerBlockedReason, electronInstallerNode } from '../../scripts/start.mjs';

const root = path.resolve(__dirname, '..', '..');
const pkg = (name: string) => JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8'));
const ownPackage = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');

/** Enough of semver for engines ranges: `^a.b.c`, `>=a.b.c`, `a.x`, joined by `||`. */
function satisfies(version: string, range: string): boolean {
  const v = version.split('.').map(Number);
  const atLeast = ([major = 0, minor = 0, patch = 0]: number[]) =>
    v[0]! > major || (v[0] === major && (v[1]! > minor || (v[1] === minor && v[2]! >= patch)));
  return range.split('||').some((clause) => {
    const c = clause.trim().replace(/\s+/g, '');
    if (c.startsWith('>=')) return atLeast(c.slice(2).split('.').map(Number));
    if (c.startsWith('^')) {
      const min = c.slice(1).split('.').map(Number);
      return v[0] === min[0] && atLeast(min);
    }
    const x = /^(\d+)\.x$/.exec(c);
    if (x) return v[0] === Number(x[1]);
    throw new Error(`range form not handled: ${c}`);
  });
}

describe('the Node requirement', () => {
  it('package.json engines say 20.19+ or 22.12+, as README does', () => {
    expect(ownPackage.engines.node).toBe('^20.19.0 || >=22.12.0');
    expect(readme).toContain('(`^20.19.0 || >=22.12.0`)');
    expect(readme).toMatch(/20\.19 or newer on the 20 line, or 22\.12 or newer/);
  });

  it('the tools for tests, browser mode and the build accept Node 20.19', () => {
    for (const name of ['vite', 'electron-vite', 'vitest', '@playwright/test', 'better-sqlite3-multiple-ciphers', 'tsx', 'eslint']) {
      expect(satisfies('20.19.0', pkg(name).engines.node), `${name} ${pkg(name).engines.node}`).toBe(true);
      expect(satisfies('22.12.0', pkg(name).engines.node), name).toBe(true);
    }
  });

  it('Electron’s installer and packaging need exactly 22.12, which npm start checks and README names', () => {
    for (const name of ['electron', '@electron/get', '@electron/fuses']) {
      expect(satisfies('22.12.0', pkg(name).engines.node), name).toBe(true);
      expect(satisfies('22.11.9', pkg(name).engines.node), name).toBe(false);
      expect(satisfies('20.19.0', pkg(name).engines.node), name).toBe(false);
    }
    expect(electronInstallerNode).toBe('22.12.0');
    expect(electronInstallerBlockedReason('20.19.0')).toMatch(/needs Node 22\.12\.0 or newer \(this is Node 20\.19\.0\)/);
    expect(electronInstallerBlockedReason('22.11.0')).not.toBeNull();
    expect(electronInstallerBlockedReason('22.12.0')).toBeNull();
    expect(electronInstallerBlockedReason('24.1.0')).toBeNull();
    expect(readme).toMatch(/Electron 45, `@electron\/get` and `@electron\/fuses` declare Node ≥ 22\.12/);
  });
});
