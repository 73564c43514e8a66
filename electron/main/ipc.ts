// Main-only. The IPC transport: one ipcMain.handle per channel in the shared contract, each call
// checked to come from the top frame of a page on the app's own origin, one core Connection per
// webContents (dropped when it is destroyed or its renderer dies). Results cross as plain
// { ok, value } | { ok: false, error } objects; nothing thrown ever reaches the renderer.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { Core } from '../core/core';
import type { Connection } from '../core/handler';
import { channelNames } from '../../shared/contract';
import type { Result } from '../../shared/contract/errors';
import { isAppUrl } from './app-origin';

const forbidden: Result<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'this caller may not use the Homeward API' },
};

export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  // A destroyed or navigated-away frame is null; a sub-frame (there should be none) has a parent.
  if (!frame || frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

export function registerIpc(core: Core, log: (message: string, error?: unknown) => void): () => void {
  const connections = new Map<number, Connection>();

  const connectionFor = (contents: WebContents): Connection => {
    const existing = connections.get(contents.id);
    if (existing) return existing;
    const conn = core.connect();
    connections.set(contents.id, conn);
    const drop = () => {
      if (connections.get(contents.id) !== conn) return;
      connections.delete(contents.id);
      core.disconnect(conn);
    };
    contents.once('destroyed', drop);
    // A crashed renderer comes back as a fresh page: it starts logged out.
    contents.once('render-process-gone', drop);
    return conn;
  };

  for (const channel of channelNames) {
    ipcMain.handle(channel, async (event, input: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event)) {
        log(`refused ${channel} from ${event.senderFrame?.url ?? 'a destroyed frame'}`);
        return forbidden;
      }
      try {
        return await core.invoke(connectionFor(event.sender), channel, input);
      } catch (error) {
        log(`channel ${channel} failed in transport`, error);
        return { ok: false, error: { code: 'INTERNAL', message: 'something went wrong; nothing was saved' } };
      }
    });
  }

  return () => {
    for (const channel of channelNames) ipcMain.removeHandler(channel);
    for (const conn of connections.values()) core.disconnect(conn);
    connections.clear();
  };
}
