// Electron only. The desktop app's print engine: Chromium's own (webContents.printToPDF) in a hidden
// window with no preload and no JavaScript (so no bridge to the core), in the hardened default
// session, which is where the app protocol is served. The page comes from a one-time address.
import { BrowserWindow } from 'electron';
import { registerPrintPage } from './protocol';

export async function printToPdf(html: string): Promise<Buffer> {
  const page = registerPrintPage(html);
  const window = new BrowserWindow({
    show: false,
    webPreferences: {
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      spellcheck: false,
      // No middle-click navigation in a window that shows a document (Electronegativity AUXCLICK).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  try {
    await window.loadURL(page.url);
    return await window.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    page.release();
    window.destroy();
  }
}
