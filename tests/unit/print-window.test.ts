// The desktop app's print engine, with Electron replaced by a recorder (no Electron binary here):
// the hidden window has no preload and no JavaScript, loads the document from a one-time app://
// address, and the page is gone — and the window destroyed — once the PDF is made, even on failure.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const created: Array<{ options: Record<string, unknown>; loaded: string[]; destroyed: boolean }> = [];
let handler: ((request: Request) => Promise<Response>) | null = null;
let printFails = false;

vi.mock('electron', () => {
  class BrowserWindow {
    record = { options: {} as Record<string, unknown>, loaded: [] as string[], destroyed: false };
    webContents = {
      printToPDF: async () => {
        if (printFails) throw new Error('printer on fire');
        return Buffer.from('%PDF-1.7 fake');
      },
    };
    constructor(options: Record<string, unknown>) {
      this.record.options = options;
      created.push(this.record);
    }
    async loadURL(url: string) {
      this.record.loaded.push(url);
      // What the window would receive: the page through the app protocol.
      const response = await handler!(new Request(url));
      expect(response.status).toBe(200);
    }
    destroy() {
      this.record.destroyed = true;
    }
  }
  return {
    BrowserWindow,
    protocol: {
      registerSchemesAsPrivileged: () => undefined,
      handle: (_scheme: string, fn: (request: Request) => Promise<Response>) => {
        handler = fn;
      },
    },
  };
});

const { serveRenderer } = await import('../../electron/main/protocol');
const { printToPdf } = await import('../../electron/main/print-to-pdf');

describe('desktop print engine', () => {
  beforeEach(() => {
    created.length = 0;
    printFails = false;
    serveRenderer('/nonexistent-renderer-dir');
  });

  it('prints in a hidden window without script or preload, from a one-time address', async () => {
    const pdf = await printToPdf('<!doctype html><title>x</title><p>hello</p>');
    expect(pdf.toString('latin1')).toMatch(/^%PDF-/);
    const [window] = created;
    expect(window.options.show).toBe(false);
    const prefs = window.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(prefs.preload).toBeUndefined();
    const [url] = window.loaded;
    expect(url).toMatch(/^app:\/\/homeward\/__print\/[0-9a-f-]{36}\.html$/);
    expect(window.destroyed).toBe(true);
    // Once printed, the address answers nothing.
    expect((await handler!(new Request(url))).status).toBe(404);
  });

  it('serves the page with a CSP that forbids script and requests', async () => {
    let csp = '';
    const original = handler!;
    handler = async (request) => {
      const response = await original(request);
      csp = response.headers.get('content-security-policy') ?? '';
      expect(await response.text()).toContain('hello');
      return response;
    };
    await printToPdf('<p>hello</p>');
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('script-src');
  });

  it('a failed print still forgets the page and destroys the window', async () => {
    printFails = true;
    await expect(printToPdf('<p>x</p>')).rejects.toThrow('printer on fire');
    expect(created[0].destroyed).toBe(true);
    expect((await handler!(new Request(created[0].loaded[0]))).status).toBe(404);
  });
});
