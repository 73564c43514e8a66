// Main-only. App lifecycle: one instance per data folder, the core over the encrypted store, the
// app:// protocol, the IPC transport, the window, and locking every session when the computer
// locks or sleeps.
import { app, BrowserWindow, dialog, powerMonitor } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore, type Core } from '../core/core';
import { errorForLog } from '../core/log/redact';
import { chooseFolder } from './folder-dialog';
import { printToPdf } from './print-to-pdf';
import { appFolderName } from '../web/data-dir';
import { acquireInstanceLock, type InstanceLock } from '../web/instance-lock';
import { registerIpc } from './ipc';
import { hardenEverySession, hardenWebContents } from './hardening';
import { installMenu } from './menu';
import { resolveNativeBinding } from './native-binding';
import { registerAppScheme, serveRenderer } from './protocol';
import { createMainWindow } from './window';

const here = path.dirname(fileURLToPath(import.meta.url));
const preloadPath = path.join(here, '..', 'preload', 'index.cjs');
const rendererDir = path.join(here, '..', 'renderer');
const devTools = !app.isPackaged && process.env.HOMEWARD_DEVTOOLS === '1';

// Codes and code locations only (errorForLog): an error's message may quote case text.
const log = (message: string, error?: unknown) => console.error(`[homeward] ${message}`, error === undefined ? '' : errorForLog(error));

// The same folder browser mode uses by default (see electron/web/data-dir.ts); Chromium's own
// caches go in a subfolder so the office's files stay easy to find and back up. HOMEWARD_DATA_DIR
// (development only, like browser mode's) lets tests and developers use a scratch office.
const dataDir =
  !app.isPackaged && process.env.HOMEWARD_DATA_DIR
    ? path.resolve(process.env.HOMEWARD_DATA_DIR)
    : path.join(app.getPath('appData'), appFolderName);
app.setPath('userData', dataDir);
app.setPath('sessionData', path.join(dataDir, 'chromium'));

app.enableSandbox();
registerAppScheme();
hardenEverySession({ devTools });
hardenWebContents();

let mainWindow: BrowserWindow | null = null;
let core: Core | null = null;
let dataLock: InstanceLock | null = null;
let unregisterIpc: (() => void) | null = null;

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

/** The OS is locking or sleeping: lock every session, then reload so no case data stays in memory. */
function lockEverything(reason: string): void {
  if (!core) return;
  core.lockAll().then(
    () => {
      for (const win of BrowserWindow.getAllWindows()) win.webContents.reload();
    },
    (error: unknown) => log(`locking on ${reason} failed`, error),
  );
}

async function start(): Promise<void> {
  await app.whenReady();

  const locked = acquireInstanceLock(dataDir, 'electron');
  if (!locked.acquired) {
    dialog.showErrorBox(
      'Homeward is already running',
      locked.owner.mode === 'web'
        ? `Homeward is open in browser mode (process ${locked.owner.pid}). Close it (Ctrl+C in its terminal) and start the desktop app again.`
        : `Another Homeward (process ${locked.owner.pid}) is using ${dataDir}. If none is running, delete ${locked.file}.`,
    );
    app.quit();
    return;
  }
  dataLock = locked.lock;

  const nativeBinding = resolveNativeBinding({
    appPath: app.getAppPath(),
    electronVersion: process.versions.electron,
    isPackaged: app.isPackaged,
    env: process.env,
  });
  core = createCore({ dataDir, nativeBinding, log, chooseFolder, printToPdf });

  serveRenderer(rendererDir);
  unregisterIpc = registerIpc(core, log);
  installMenu({ devTools });

  powerMonitor.on('lock-screen', () => lockEverything('lock-screen'));
  powerMonitor.on('suspend', () => lockEverything('suspend'));
  if (process.platform === 'darwin') {
    // Fast user switching on macOS: someone else is taking the computer.
    powerMonitor.on('user-did-resign-active', () => lockEverything('user switch'));
  }

  mainWindow = createMainWindow({ preloadPath, devTools });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

function shutDown(): void {
  unregisterIpc?.();
  unregisterIpc = null;
  core?.close();
  core = null;
  dataLock?.release();
  dataLock = null;
}

// Two processes must never open one database: a second launch hands over to the first and quits.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  // Closing the window ends Homeward on every platform: nothing should stay unlocked in the dock.
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', shutDown);
  start().catch((error: unknown) => {
    log('start-up failed', error);
    dialog.showErrorBox('Homeward could not start', error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
}
