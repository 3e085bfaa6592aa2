/** Where the OGC API – Features lives on this server. */
export const OGC_ROOT = '/ogc';

/** Whether a request path is the OGC API's: its landing page or anything under it. */
export function isOgcPath(path: string): boolean {
  return path === OGC_ROOT || path.startsWith(`${OGC_ROOT}/`);
}
