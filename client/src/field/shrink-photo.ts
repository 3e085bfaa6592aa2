import { fitWithin, isUploadable, needsShrinking, UPLOAD_MAX_SIDE } from '../lib/photo-fit';
import type { OutboxPhoto } from '../outbox/outbox-item';

/** JPEG quality of a redrawn photo: small enough for village Wi-Fi, sharp enough to read a licence. */
const JPEG_QUALITY = 0.85;

/** The photo could not be read as an image. */
export class UnreadablePhoto extends Error {}

/**
 * A photo from the camera or the gallery, ready for the outbox: a JPEG or PNG that is small enough
 * goes as it is; anything larger (a camera's 12 MP JPEG) or in another format the browser can
 * decode (WebP, HEIC on some phones) is redrawn as a JPEG at most UPLOAD_MAX_SIDE on its longest side.
 */
export async function shrinkPhoto(file: File): Promise<OutboxPhoto> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new UnreadablePhoto(file.name);
  }
  try {
    if (isUploadable(file.type) && !needsShrinking(file.size, bitmap.width, bitmap.height)) {
      return {
        bytes: await file.arrayBuffer(),
        mime: file.type as OutboxPhoto['mime'],
        name: file.name,
        uploadedId: null,
      };
    }
    const { width, height } = fitWithin(bitmap.width, bitmap.height, UPLOAD_MAX_SIDE);
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new UnreadablePhoto(file.name);
    ctx.drawImage(bitmap, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) =>
      canvas.toBlob(resolve, 'image/jpeg', JPEG_QUALITY),
    );
    if (!blob) throw new UnreadablePhoto(file.name);
    return {
      bytes: await blob.arrayBuffer(),
      mime: 'image/jpeg',
      name: `${file.name.replace(/\.[^.]*$/, '') || 'photo'}.jpg`,
      uploadedId: null,
    };
  } finally {
    bitmap.close();
  }
}
