// Runs Doyensec's Electronegativity on the Electron code and the built page, prints findings by
// severity, and exits 1 on any HIGH or MEDIUM finding or any file it could not parse (the tool
// itself always exits 0).
// It scans electron/ plus out/renderer/*.html (where the build puts the CSP meta tag), so it needs
// a build; it makes one when out/ is missing or stale.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuilt, repoRoot } from './lib/build.mjs';

/**
 * Checks excluded on purpose, each with its reason. Add one only after fixing the code was
 * considered and found impossible.
 */
export const excludedChecks = {
  // It flags every BrowserWindow that has a preload script, asking for a manual review. The
  // preload is required by the architecture and has been reviewed: it runs sandboxed with context
  // isolation, and exposes only window.api — one ipcRenderer.invoke wrapper per channel name of
  // the shared contract — never ipcRenderer itself, events, or Node. Main checks each call's sender.
  PRELOAD_JS_CHECK: 'manual-review reminder for any preload; ours is reviewed (see scripts/electronegativity.mjs)',
};

export const failingSeverities = ['HIGH', 'MEDIUM'];

/** The tool's issue objects as plain findings. */
export function toFindings(issues) {
  return issues.map((issue) => ({
    check: issue.id,
    severity: String(issue.severity?.name ?? issue.severity ?? 'UNKNOWN').toUpperCase(),
    confidence: String(issue.confidence?.name ?? issue.confidence ?? ''),
    file: issue.file,
    location: issue.location ? `${issue.location.line}:${issue.location.column}` : '',
    description: issue.description,
  }));
}

/** Severities the gate knows; anything else fails, so a changed report format cannot pass silently. */
const knownSeverities = ['HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL'];

export function judge(findings, excluded = excludedChecks) {
  const kept = findings.filter((f) => !Object.hasOwn(excluded, f.check));
  const skipped = findings.filter((f) => Object.hasOwn(excluded, f.check));
  const failing = kept.filter((f) => failingSeverities.includes(f.severity) || !knownSeverities.includes(f.severity));
  return { kept, skipped, failing };
}

function prepareScanFolder(root) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-electronegativity-'));
  fs.cpSync(path.join(root, 'electron'), path.join(dir, 'electron'), { recursive: true });
  const built = path.join(root, 'out', 'renderer');
  fs.mkdirSync(path.join(dir, 'renderer'));
  for (const name of fs.readdirSync(built).filter((n) => n.endsWith('.html'))) {
    fs.copyFileSync(path.join(built, name), path.join(dir, 'renderer', name));
  }
  return dir;
}

/**
 * Runs the scanner in-process through its programmatic entry point. (Its CLI writes the CSV report
 * with two racing async writes — header and rows — and sometimes loses rows; the SARIF report drops
 * the severity. The returned issue list has neither problem.)
 */
export async function runElectronegativity({ root = repoRoot, log = console.log } = {}) {
  if (!ensureBuilt({ root, log })) {
    log('Electronegativity: the build failed, nothing to scan.');
    return 1;
  }
  const require = createRequire(path.join(root, 'package.json'));
  const electronVersion = require('electron/package.json').version;
  const scanner = require('@doyensec/electronegativity');
  const run = scanner.default ?? scanner;
  const dir = prepareScanFolder(root);
  try {
    const result = await run(
      {
        input: dir,
        isSarif: false,
        customScan: [],
        excludeFromScan: [],
        isRelative: true,
        isVerbose: false,
        electronVersionOverride: electronVersion,
        parserPlugins: [],
      },
      false,
    );
    const findings = toFindings(result.issues);
    const { kept, skipped, failing } = judge(findings);
    log(`Electronegativity (Electron ${electronVersion}, ${result.globalChecks + result.atomicChecks} checks): ${findings.length} finding(s)`);
    for (const severity of [...knownSeverities, 'OTHER']) {
      const group = kept.filter((f) => (severity === 'OTHER' ? !knownSeverities.includes(f.severity) : f.severity === severity));
      if (severity === 'OTHER' && group.length === 0) continue;
      log(`  ${severity}: ${group.length}`);
      for (const f of group) log(`    ${f.check} ${f.file}:${f.location} — ${f.description}`);
    }
    for (const f of skipped) log(`  excluded: ${f.check} (${f.severity}) ${f.file}:${f.location} — ${excludedChecks[f.check]}`);
    // A file the scanner could not parse was not checked at all: that fails the gate. Parser
    // warnings it recovered from ("tolerable") are only shown.
    const unscanned = result.errors.filter((e) => !e.tolerable);
    for (const e of result.errors) log(`  ${e.tolerable ? 'parser warning in' : 'could not scan'} ${e.file}: ${e.message}`);
    if (failing.length > 0 || unscanned.length > 0) {
      log(`Electronegativity: ${failing.length} HIGH/MEDIUM finding(s), ${unscanned.length} unscanned file(s) — failing.`);
      return 1;
    }
    log('Electronegativity: no HIGH or MEDIUM findings.');
    return 0;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await runElectronegativity();
}
