// Main-only. The family's screen of a conference: a second window the facilitator can move to a
// projector. The renderer opens it with window.open on the app's own family-view route (carrying a
// one-time pairing code); every other window.open stays denied. It gets its own webContents, so
// the IPC transport gives it its own core connection — which the core restricts to the
// family-view channels once paired.
import type { BrowserWindowConstructorOptions, HandlerDetails, WindowOpenHandlerResponse } from 'electron';
import { isFamilyViewUrl } from './app-origin';
import type { WindowOptions } from './window';

export function familyWindowOptions(options: WindowOptions): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 640,
    minHeight: 480,
    title: 'Homeward',
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    // Written out, not shared with window.ts: Electronegativity reads these literally (a shared
    // helper hides them from it), and the two must stay the same lockdown.
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
      disableBlinkFeatures: 'Auxclick',
      devTools: options.devTools,
      spellcheck: process.platform === 'darwin',
    },
  };
}

/** window.open: the family view on the app's origin opens a locked-down window; anything else is denied. */
export function windowOpenHandler(options: WindowOptions | null): (details: HandlerDetails) => WindowOpenHandlerResponse {
  return (details) => {
    if (!options || !isFamilyViewUrl(details.url)) return { action: 'deny' };
    return { action: 'allow', overrideBrowserWindowOptions: familyWindowOptions(options) };
  };
}
