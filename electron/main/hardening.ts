// Main-only. App-wide rules for every webContents and every session: no navigation off the app's
// origin, no new windows but the family's conference screen, no webviews, no permissions, downloads only of the app's own blobs, and
// no request for anything but the app's own protocol.
import { app, session, type Session } from 'electron';
import { isAllowedRequest, isAppBlobUrl, isAppUrl } from './app-origin';
import { windowOpenHandler } from './family-window';
import type { WindowOptions } from './window';

const hardened = new WeakSet<Session>();

/** Permissions a page of ours may use. Writing (never reading) the clipboard lets the set-up
 *  wizard's "copy recovery key" button work; everything else — camera, geolocation, notifications,
 *  media, HID, serial, reading the clipboard — is refused. */
const allowedPermissions = new Set(['clipboard-sanitized-write']);

export function hardenSession(target: Session = session.defaultSession, options: { devTools: boolean } = { devTools: false }): void {
  if (hardened.has(target)) return;
  hardened.add(target);
  // Below the page and its CSP: whatever asks (a page, a worker, a preload, Chromium itself on the
  // page's behalf), a request that is not the app's own is cancelled.
  target.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, options) });
  });
  target.setPermissionRequestHandler((contents, permission, callback) => {
    callback(allowedPermissions.has(permission) && isAppUrl(contents.getURL()));
  });
  target.setPermissionCheckHandler((_contents, permission, requestingOrigin) => {
    return allowedPermissions.has(permission) && isAppUrl(requestingOrigin);
  });
  target.setDevicePermissionHandler(() => false);
  target.setDisplayMediaRequestHandler((_request, callback) => callback({}));
  target.on('will-download', (event, item) => {
    // Electron shows its save dialog for the downloads we let through.
    if (!isAppBlobUrl(item.getURL())) event.preventDefault();
  });
}

/**
 * Every session, not only the default one: a partition opened later (by Electron itself, a
 * future feature or a library) gets the same rules the moment it exists. Call before ready.
 */
export function hardenEverySession(options: { devTools: boolean }): void {
  app.on('session-created', (created) => hardenSession(created, options));
  void app.whenReady().then(() => hardenSession(session.defaultSession, options));
}

/** `familyWindow`: how the one window the app may open (the family's conference screen) is made. */
export function hardenWebContents(familyWindow: WindowOptions | null = null): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-frame-navigate', (event) => {
      if (!isAppUrl(event.url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.setWindowOpenHandler(windowOpenHandler(familyWindow));
  });
}
