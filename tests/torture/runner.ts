// The torture runner: for each trial, a fresh copy of a template office, one operation run in a
// child process that is killed with SIGKILL at a random moment or dies at an injected fault point,
// then the generic checks and the operation's own. Operations are the modules in ./ops.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { genericChecks } from './checks';
import type { TortureContext, TortureOp } from './op';
import { buildTemplateOffice, tortureRoot } from './office';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface TortureOptions {
  trials: number;
  seed?: number;
  /** Only these operations (by name); default all in ./ops. */
  only?: string[];
  /** Cases in the template office (each with a 16 kB note). */
  cases?: number;
  /** Instead of random trials: one trial per fault point of every op (`trials` is ignored). */
  everyFaultPoint?: boolean;
  log?: (line: string) => void;
}

export interface OpStats {
  trials: number;
  /** Children killed by the runner at a random moment. */
  randomKills: number;
  /** Children that died at an injected fault point. */
  faultKills: number;
  /** Children that finished before the kill came. */
  completed: number;
  failures: number;
}

export interface TortureFailure {
  trial: number;
  op: string;
  faultPoint: string | null;
  killAfterMs: number | null;
  error: string;
  dir: string;
}

export interface TortureReport {
  trials: number;
  seconds: number;
  byOp: Record<string, OpStats>;
  failures: TortureFailure[];
}

/** mulberry32: a seeded generator, so a failing run can be replayed with its seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function loadOps(only?: string[]): Promise<{ op: TortureOp; file: string }[]> {
  const dir = path.join(here, 'ops');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.ts')).sort();
  const ops: { op: TortureOp; file: string }[] = [];
  for (const name of files) {
    const file = path.join(dir, name);
    const op = ((await import(file)) as { default: TortureOp }).default;
    if (!only || only.includes(op.name)) ops.push({ op, file });
  }
  return ops;
}

interface ChildOutcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  killedByRunner: boolean;
  /** From START to exit. */
  ms: number;
  stderr: string;
}

/**
 * The child and every op, bundled once per run with esbuild (packages stay external): a child then
 * starts in a fraction of a second instead of compiling the core through tsx each time. The bundle
 * sits under node_modules/.cache so the external packages resolve from the project.
 */
async function bundle(opFiles: string[]): Promise<{ child: string; ops: Map<string, string>; dir: string }> {
  const { build } = await import('esbuild');
  const dir = fs.mkdtempSync(path.join(here, '..', '..', 'node_modules', '.cache', 'torture-'));
  const entries = [path.join(here, 'child.ts'), ...opFiles];
  await build({
    entryPoints: entries,
    outdir: dir,
    outbase: here,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outExtension: { '.js': '.mjs' },
    logLevel: 'error',
  });
  const out = (file: string) => path.join(dir, path.relative(here, file).replace(/\.ts$/, '.mjs'));
  return { child: out(entries[0]), ops: new Map(opFiles.map((f) => [f, out(f)])), dir };
}

function runChild(childFile: string, file: string, dir: string, ctx: TortureContext, faultPoint: string | null, killAfterMs: number | null): Promise<ChildOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childFile, file, dir, JSON.stringify(ctx), faultPoint ?? ''], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    let started = 0;
    let killedByRunner = false;
    let stderr = '';
    let timer: NodeJS.Timeout | null = null;
    child.stdout.on('data', (chunk: Buffer) => {
      if (!started && chunk.toString().includes('START')) {
        started = Date.now();
        if (killAfterMs !== null) {
          timer = setTimeout(() => {
            killedByRunner = child.kill('SIGKILL');
          }, killAfterMs);
        }
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, killedByRunner, ms: started ? Date.now() - started : 0, stderr });
    });
  });
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

export async function runTorture(options: TortureOptions): Promise<TortureReport> {
  const log = options.log ?? (() => undefined);
  const seed = options.seed ?? Date.now() % 1_000_000;
  const random = rng(seed);
  const began = Date.now();
  const ops = await loadOps(options.only);
  if (ops.length === 0) throw new Error('no torture operations found');
  fs.mkdirSync(path.join(here, '..', '..', 'node_modules', '.cache'), { recursive: true });
  const bundled = await bundle(ops.map((o) => o.file));
  const adminPassword = 'correct horse battery staple';
  log(`seed ${seed}; building the template office…`);
  const template = await buildTemplateOffice({ adminPassword, cases: options.cases ?? 60 });
  const byOp: Record<string, OpStats> = {};
  const durations: Record<string, number[]> = {};
  for (const { op } of ops) {
    byOp[op.name] = { trials: 0, randomKills: 0, faultKills: 0, completed: 0, failures: 0 };
    durations[op.name] = [];
  }
  const failures: TortureFailure[] = [];
  try {
    const planned = options.everyFaultPoint
      ? ops.flatMap(({ op, file }) => (op.faultPoints ?? []).map((point) => ({ op, file, point: point as string | undefined })))
      : null;
    const total = planned ? planned.length : options.trials;
    for (let trial = 0; trial < total; trial += 1) {
      const { op, file } = planned ? planned[trial] : ops[trial % ops.length];
      const stats = byOp[op.name];
      stats.trials += 1;
      const ctx: TortureContext = { adminPassword, recoveryKey: template.recoveryKey, seed: seed * 1000 + trial };
      const points = op.faultPoints ?? [];
      // Half the trials of an op with fault points die at one of them; the rest are killed at a
      // random moment within about the op's usual duration (learned from the runs that finished).
      const faultPoint = planned
        ? (planned[trial].point ?? null)
        : points.length > 0 && random() < 0.5
          ? points[Math.floor(random() * points.length)]
          : null;
      const usual = durations[op.name].length > 0 ? median(durations[op.name]) : 600;
      const killAfterMs = faultPoint ? null : Math.floor(random() * usual * 1.3);
      const dir = path.join(tortureRoot(), `homeward-torture-${seed}-${trial}`);
      fs.rmSync(dir, { recursive: true, force: true });
      fs.cpSync(template.dir, dir, { recursive: true });
      let error: string | null = null;
      try {
        await op.prepare(dir, ctx);
        const outcome = await runChild(bundled.child, bundled.ops.get(file)!, dir, ctx, faultPoint, killAfterMs);
        if (outcome.signal === 'SIGKILL' && outcome.killedByRunner) stats.randomKills += 1;
        // An op dies at its fault point by SIGKILL, process.exit(137) or an injected throw.
        else if (faultPoint && outcome.code !== 0) stats.faultKills += 1;
        else if (faultPoint) throw new Error(`the operation finished without reaching its fault point ${faultPoint}`);
        else if (outcome.code === 0) {
          stats.completed += 1;
          durations[op.name].push(outcome.ms);
        } else {
          throw new Error(`the operation failed by itself (code ${outcome.code}, signal ${outcome.signal}): ${outcome.stderr.trim().split('\n').slice(0, 6).join(' | ')}`);
        }
        await genericChecks(dir, ctx);
        await op.check(dir, ctx);
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
      }
      if (error) {
        stats.failures += 1;
        failures.push({ trial, op: op.name, faultPoint, killAfterMs, error, dir });
        log(`trial ${trial} ${op.name} ${faultPoint ?? `kill after ${killAfterMs} ms`}: FAILED ${error} (kept in ${dir})`);
      } else {
        fs.rmSync(dir, { recursive: true, force: true });
        log(`trial ${trial} ${op.name} ${faultPoint ?? `kill after ${killAfterMs} ms`}: ok`);
      }
    }
  } finally {
    fs.rmSync(template.dir, { recursive: true, force: true });
    fs.rmSync(bundled.dir, { recursive: true, force: true });
  }
  const trials = Object.values(byOp).reduce((n, st) => n + st.trials, 0);
  return { trials, seconds: Math.round((Date.now() - began) / 1000), byOp, failures };
}

export function formatReport(report: TortureReport): string {
  const lines = [`torture: ${report.trials} trials in ${report.seconds} s`];
  for (const [name, s] of Object.entries(report.byOp)) {
    lines.push(
      `  ${name.padEnd(12)} trials ${String(s.trials).padStart(4)}  kills ${String(s.randomKills + s.faultKills).padStart(4)} (random ${s.randomKills}, fault points ${s.faultKills})  finished ${s.completed}  failures ${s.failures}`,
    );
  }
  const kills = Object.values(report.byOp).reduce((n, s) => n + s.randomKills + s.faultKills, 0);
  lines.push(`trials ${report.trials}, kills ${kills}, failures ${report.failures.length}`);
  for (const f of report.failures) lines.push(`  FAILED trial ${f.trial} ${f.op} ${f.faultPoint ?? `kill after ${f.killAfterMs} ms`}: ${f.error} (${f.dir})`);
  return lines.join('\n');
}
