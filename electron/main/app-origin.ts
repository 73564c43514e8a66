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

/**
 * The session-wide request filter: the only things any page or worker of the app may load are its
 * own app://homeward files, the blobs and data: images it made itself (the CSP narrows these
 * further) and, only when devtools were enabled in development, the devtools front end. No http(s),
 * no file://, no ws:, no other custom scheme — even if a bug or injected markup asked for one.
 */
export function isAllowedRequest(url: string | undefined | null, options: { devTools: boolean }): boolean {
  if (!url) return false;
  if (isAppUrl(url) || isAppBlobUrl(url)) return true;
  if (url.startsWith('data:image/')) return true;
  if (options.devTools) {
    try {
      return new URL(url).protocol === 'devtools:';
    } catch {
      return false;
    }
  }
  return false;
}

/** The family's conference screen (renderer route #/family-view): the only page a window may open. */
export function isFamilyViewUrl(url: string | undefined | null): boolean {
  if (!isAppUrl(url)) return false;
  const parsed = new URL(url!);
  return parsed.pathname === '/' && /^#\/family-view(\?|$)/u.test(parsed.hash);
}
