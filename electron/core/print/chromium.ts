// Node-only. The print engine of browser mode and the tests: the system's Chromium, headless, turns
// the document's HTML page into a PDF. The page sits in a private temporary folder (0700) with its
// own throw-away browser profile, and everything is removed afterwards, whatever happens. The page's
// CSP forbids script and every request (headless printing breaks if script is switched off by flag).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** The Chromium to print with: HOMEWARD_CHROMIUM, else the first system one found; null if none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const chosen = env.HOMEWARD_CHROMIUM;
  if (chosen) return fs.existsSync(chosen) ? chosen : null;
  return candidates.find((file) => fs.existsSync(file)) ?? null;
}

function run(binary: string, args: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4000) stderr += chunk.toString('utf8');
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`chromium exited with ${code ?? signal}: ${stderr.slice(-500)}`));
    });
  });
}

/** A print engine over the given Chromium binary. */
export function chromiumPrintToPdf(binary: string, options: { timeoutMs?: number } = {}): (html: string) => Promise<Buffer> {
  return async (html) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-print-'));
    fs.chmodSync(dir, 0o700);
    try {
      const page = path.join(dir, 'document.html');
      const out = path.join(dir, 'document.pdf');
      fs.writeFileSync(page, html, { mode: 0o600 });
      const args = [
        '--headless',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-extensions',
        '--disable-sync',
        '--no-first-run',
        '--no-default-browser-check',
        `--user-data-dir=${path.join(dir, 'profile')}`,
        '--no-pdf-header-footer',
        `--print-to-pdf=${out}`,
        // Chromium refuses its sandbox as root (CI containers); an ordinary user keeps it.
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
        `file://${page}`,
      ];
      await run(binary, args, options.timeoutMs ?? 60_000);
      const pdf = fs.readFileSync(out);
      if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error('chromium wrote something that is not a PDF');
      return pdf;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
}
