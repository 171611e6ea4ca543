/**
 * The form in which URLs are stored and compared, so that the same article
 * linked from a share button, a newsletter or a browser's address bar is one
 * URL: scheme and host in lower case (URL does that), no default port, no
 * fragment, no tracking parameters (utm_*, fbclid, gclid), no trailing slash.
 * Null when it is not an absolute http(s) URL.
 */
const TRACKING = /^(utm_.*|fbclid|gclid|zarsrc)$/i;

export function normalizeUrl(raw: string): string | null {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  u.hash = '';
  for (const key of [...u.searchParams.keys()]) if (TRACKING.test(key)) u.searchParams.delete(key);
  u.search = u.searchParams.toString() ? `?${u.searchParams.toString()}` : '';
  const s = u.toString();
  return u.search ? s : s.replace(/\/+$/, '');
}
