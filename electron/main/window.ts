// Main-only. The one app window: sandboxed, isolated, no Node, served from app://homeward/.
import { BrowserWindow } from 'electron';
import { appStartUrl } from './app-origin';

export interface WindowOptions {
  preloadPath: string;
  devTools: boolean;
}

export function createMainWindow(options: WindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Homeward',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: options.preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Middle-click (auxclick) could open links in new windows; those are denied anyway, and this
      // stops the event at the source.
      disableBlinkFeatures: 'Auxclick',
      devTools: options.devTools,
      // Hunspell dictionaries are downloaded from the network on Windows and Linux; Homeward stays
      // offline. macOS uses the system spellchecker, which needs no download.
      spellcheck: process.platform === 'darwin',
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(appStartUrl);
  return win;
}
