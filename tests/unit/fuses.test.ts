// Electron fuses for the packaged app, flipped for real with @electron/fuses on a file laid out like
// an Electron binary's fuse wire (no Electron binary exists on this machine), and the hardening
// wiring in electron/main checked by reading it: every session, not only the default one.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { packedExecutable } from '../../scripts/after-pack.mjs';
import { applyHomewardFuses, fuseProblems, readFuses, requiredFuseStates } from '../../scripts/lib/fuses.mjs';

const sentinel = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Electron 45's stock wire: RunAsNode, NODE_OPTIONS, --inspect and file:// privileges on; integrity and asar-only off. */
function stockBinary(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-fuses-'));
  dirs.push(dir);
  const file = path.join(dir, 'homeward');
  const wire = '101100011';
  fs.writeFileSync(file, Buffer.concat([Buffer.alloc(4096, 0x90), Buffer.from(sentinel), Buffer.from([1, wire.length]), Buffer.from(wire), Buffer.alloc(1024, 0x90)]));
  return file;
}

describe('Electron fuses', () => {
  it('Homeward requires RunAsNode, NODE_OPTIONS and --inspect off, asar integrity and asar-only on', () => {
    expect(requiredFuseStates()).toEqual({
      RunAsNode: 'disabled',
      EnableNodeOptionsEnvironmentVariable: 'disabled',
      EnableNodeCliInspectArguments: 'disabled',
      EnableEmbeddedAsarIntegrityValidation: 'enabled',
      OnlyLoadAppFromAsar: 'enabled',
      EnableCookieEncryption: 'enabled',
      GrantFileProtocolExtraPrivileges: 'disabled',
    });
  });

  it('a stock binary fails the check; after applying, every fuse reads back as required', async () => {
    const binary = stockBinary();
    const before = await readFuses(binary);
    expect(before.RunAsNode).toBe('enabled');
    expect(fuseProblems(before)).toContain('RunAsNode: is enabled, must be disabled');
    expect(fuseProblems(before)).toHaveLength(7);

    const after = await applyHomewardFuses(binary, { platform: 'linux' });
    expect(fuseProblems(after)).toEqual([]);
    // Fuses Homeward does not name keep Electron's default.
    expect(after.LoadBrowserProcessSpecificV8Snapshot).toBe(before.LoadBrowserProcessSpecificV8Snapshot);
    expect(after.WasmTrapHandlers).toBe(before.WasmTrapHandlers);
    expect(fs.statSync(binary).size).toBe(4096 + sentinel.length + 2 + 9 + 1024);
  });

  it('the afterPack hook finds the packed executable on each platform', () => {
    const context = (electronPlatformName: string) => ({
      electronPlatformName,
      appOutDir: '/release/out',
      packager: { appInfo: { productFilename: 'Homeward' }, executableName: 'homeward' },
    });
    expect(packedExecutable(context('win32'))).toBe(path.join('/release/out', 'Homeward.exe'));
    expect(packedExecutable(context('darwin'))).toBe(path.join('/release/out', 'Homeward.app', 'Contents', 'MacOS', 'Homeward'));
    expect(packedExecutable(context('linux'))).toBe(path.join('/release/out', 'homeward'));
  });

  it('electron-builder is configured with asar and the afterPack hook', () => {
    const config = fs.readFileSync(path.join(__dirname, '..', '..', 'electron-builder.yml'), 'utf8');
    expect(config).toMatch(/^asar: true$/m);
    expect(config).toMatch(/^afterPack: scripts\/after-pack\.mjs$/m);
  });
});

describe('session hardening wiring (electron/main, read as source: no Electron here)', () => {
  const source = (file: string) => fs.readFileSync(path.join(__dirname, '..', '..', 'electron', 'main', file), 'utf8');

  it('hardens every session as it is created, with the request filter, before the app is ready', () => {
    const hardening = source('hardening.ts');
    expect(hardening).toMatch(/app\.on\('session-created', \(created\) => hardenSession\(created, options\)\)/);
    expect(hardening).toMatch(/webRequest\.onBeforeRequest\(\{ urls: \['<all_urls>'\] \}, \(details, callback\) => \{\s*callback\(\{ cancel: !isAllowedRequest\(details\.url, options\) \}\);/);
    const index = source('index.ts');
    expect(index).toMatch(/^hardenEverySession\(\{ devTools \}\);$/m);
    expect(index.indexOf('hardenEverySession({ devTools });')).toBeLessThan(index.indexOf('async function start()'));
  });
});
