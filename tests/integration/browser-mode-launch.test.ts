// `npm run web` as a process: the link it prints is one-time, the lock file never holds it, Enter in
// its terminal gives a fresh one, and a second launch points the user there instead of printing a
// credential. Runs electron/web/server.ts for real (tsx), on a temp data folder and a stub renderer.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lockFileFor } from '../../electron/web/instance-lock';
import { tempDir } from '../fixtures/core';

const repoRoot = path.resolve(__dirname, '..', '..');
const server = path.join(repoRoot, 'electron', 'web', 'server.ts');
const launchLine = /^Homeward browser mode: (http:\/\/\S+)$/gm;
const children: ChildProcess[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  }
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function setUp(): { dataDir: string; env: NodeJS.ProcessEnv } {
  const dir = tempDir('homeward-launch-');
  dirs.push(dir);
  const rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Homeward</title>');
  const dataDir = path.join(dir, 'data');
  return { dataDir, env: { ...process.env, HOMEWARD_DATA_DIR: dataDir, HOMEWARD_RENDERER_DIR: rendererDir, HOMEWARD_NO_OPEN: '1', HOMEWARD_PORT: '0' } };
}

function start(env: NodeJS.ProcessEnv): { child: ChildProcess; links(count: number): Promise<string[]>; output(): string } {
  const child = spawn(process.execPath, ['--import', 'tsx', server], { cwd: repoRoot, env, stdio: ['pipe', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  return {
    child,
    output: () => output,
    links: (count) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${count} links in time:\n${output}`)), 30_000);
        const check = () => {
          const found = [...output.matchAll(launchLine)].map((m) => m[1]!);
          if (found.length >= count) {
            clearTimeout(timer);
            resolve(found);
          }
        };
        child.stdout!.on('data', check);
        check();
      }),
  };
}

async function open(link: string): Promise<{ status: number; cookie: string | null }> {
  const reply = await fetch(link, { redirect: 'manual' });
  return { status: reply.status, cookie: reply.headers.get('set-cookie') };
}

describe('browser mode launch links (npm run web)', () => {
  it('never writes the link to disk, works once, and prints a fresh one when Enter is pressed', async () => {
    const { dataDir, env } = setUp();
    const first = start(env);
    const [link] = await first.links(1);
    const token = new URL(link!).searchParams.get('launch')!;

    const lock = fs.readFileSync(lockFileFor(dataDir), 'utf8');
    expect(lock).not.toContain(token);
    expect(lock).not.toContain('launch');
    expect(JSON.parse(lock)).toEqual({ pid: first.child.pid, mode: 'web', startedAt: expect.any(String) });

    const opened = await open(link!);
    expect(opened.status).toBe(302);
    expect(opened.cookie).toMatch(/^hw_token=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=\/$/);
    expect(opened.cookie).not.toContain(token);
    expect(await open(link!)).toEqual({ status: 403, cookie: null });

    first.child.stdin!.write('\n');
    const [, fresh] = await first.links(2);
    expect(fresh).not.toBe(link);
    expect((await open(fresh!)).status).toBe(302);

    // Nothing in the data folder holds either link.
    for (const file of fs.readdirSync(dataDir)) {
      const content = fs.readFileSync(path.join(dataDir, file));
      expect(content.includes(token), file).toBe(false);
      expect(content.includes(new URL(fresh!).searchParams.get('launch')!), file).toBe(false);
    }
  }, 60_000);

  it('a second launch on the same folder prints no link and says where to get one', async () => {
    const { env } = setUp();
    const first = start(env);
    await first.links(1);
    const second = spawnSync(process.execPath, ['--import', 'tsx', server], { cwd: repoRoot, env, encoding: 'utf8', timeout: 30_000 });
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('already running in browser mode');
    expect(second.stdout).toContain('press Enter in the terminal where it runs');
    expect(second.stdout).not.toMatch(/launch=/);
  }, 60_000);
});
