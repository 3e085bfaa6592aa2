import { Jimp } from 'jimp';
import { describe, expect, it } from 'vitest';
import { imageKind, imageSize } from './image-kind';

describe('imageKind and imageSize', () => {
  it('knows JPEG and PNG by their bytes and reads their size from the header', async () => {
    const img = new Jimp({ width: 37, height: 21, color: 0xffffffff });
    const jpeg = new Uint8Array(await img.getBuffer('image/jpeg'));
    const png = new Uint8Array(await img.getBuffer('image/png'));
    expect(imageKind(jpeg)).toBe('image/jpeg');
    expect(imageKind(png)).toBe('image/png');
    expect(imageSize(jpeg, 'image/jpeg')).toEqual({ width: 37, height: 21 });
    expect(imageSize(png, 'image/png')).toEqual({ width: 37, height: 21 });
  });

  it('knows a WebP (extended header) and refuses anything else, whatever it is called', () => {
    const vp8x = new Uint8Array(30);
    vp8x.set(new TextEncoder().encode('RIFF'), 0);
    vp8x.set(new TextEncoder().encode('WEBPVP8X'), 8);
    vp8x.set([0x7f, 0x07, 0x00, 0x37, 0x04, 0x00], 24); // 1920 × 1080, minus one, 24-bit LE
    expect(imageKind(vp8x)).toBe('image/webp');
    expect(imageSize(vp8x, 'image/webp')).toEqual({ width: 1920, height: 1080 });
    expect(imageKind(new TextEncoder().encode('GIF89a......'))).toBeNull();
    expect(imageKind(new Uint8Array([0xff, 0xd8]))).toBeNull();
  });
});
