/** The longest side, in pixels, a photo is shrunk to on the device before upload. */
export const UPLOAD_MAX_SIDE = 2048;
/** Files at most this large, and no larger than UPLOAD_MAX_SIDE, go up as they are. */
export const UPLOAD_KEEP_BYTES = 1.5 * 1024 * 1024;

/** The size a photo is drawn at to fit within `maxSide` on its longest side, never enlarged. */
export function fitWithin(width: number, height: number, maxSide: number): { width: number; height: number } {
  const longest = Math.max(width, height);
  if (longest <= maxSide) return { width, height };
  const scale = maxSide / longest;
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** Whether a photo must be redrawn smaller before it is sent. */
export function needsShrinking(bytes: number, width: number, height: number): boolean {
  return bytes > UPLOAD_KEEP_BYTES || Math.max(width, height) > UPLOAD_MAX_SIDE;
}

/** Whether a photo may go as it is: JPEG and PNG (the server thumbnails them; a WebP needs a thumbnail made on the device). */
export function isUploadable(mime: string): boolean {
  return mime === 'image/jpeg' || mime === 'image/png';
}
