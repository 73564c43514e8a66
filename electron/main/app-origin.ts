// Environment-free. The app's own origin: every page Homeward shows is served from app://homeward/,
// and nothing else may call the API, navigate the window or start a download.
export const appScheme = 'app';
export const appHost = 'homeward';
export const appOrigin = `${appScheme}://${appHost}`;
export const appStartUrl = `${appOrigin}/`;

/** True only for URLs on the app's own origin. (URL.origin is "null" for custom schemes, so compare parts.) */
export function isAppUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${appScheme}:` && parsed.host === appHost && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

/** A download the app itself made (e.g. the recovery key saved from a Blob): blob:app://homeward/<uuid>. */
export function isAppBlobUrl(url: string | undefined | null): boolean {
  if (!url || !url.startsWith('blob:')) return false;
  return isAppUrl(url.slice('blob:'.length));
}
