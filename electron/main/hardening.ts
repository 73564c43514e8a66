// Main-only. App-wide rules for every webContents and the session: no navigation off the app's
// origin, no new windows, no webviews, no permissions, downloads only of the app's own blobs.
import { app, session, type Session } from 'electron';
import { isAppBlobUrl, isAppUrl } from './app-origin';

/** Permissions a page of ours may use. Writing (never reading) the clipboard lets the set-up
 *  wizard's "copy recovery key" button work; everything else — camera, geolocation, notifications,
 *  media, HID, serial, reading the clipboard — is refused. */
const allowedPermissions = new Set(['clipboard-sanitized-write']);

export function hardenSession(target: Session = session.defaultSession): void {
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

export function hardenWebContents(): void {
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
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}
