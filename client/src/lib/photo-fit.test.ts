import { describe, expect, it } from 'vitest';
import { fitWithin, isUploadable, needsShrinking, UPLOAD_MAX_SIDE } from './photo-fit';

describe('fitWithin', () => {
  it('shrinks the longest side to the limit, keeping the proportions', () => {
    expect(fitWithin(4000, 3000, 2048)).toEqual({ width: 2048, height: 1536 });
    expect(fitWithin(3000, 4000, 2048)).toEqual({ width: 1536, height: 2048 });
  });

  it('never enlarges', () => {
    expect(fitWithin(800, 600, 2048)).toEqual({ width: 800, height: 600 });
  });
});

describe('needsShrinking and isUploadable', () => {
  it('redraws photos that are large in bytes or in pixels', () => {
    expect(needsShrinking(500_000, 1600, 1200)).toBe(false);
    expect(needsShrinking(5_000_000, 1600, 1200)).toBe(true);
    expect(needsShrinking(500_000, UPLOAD_MAX_SIDE + 1, 100)).toBe(true);
  });

  it('takes JPEG and PNG only', () => {
    expect(isUploadable('image/jpeg')).toBe(true);
    expect(isUploadable('image/png')).toBe(true);
    expect(isUploadable('image/webp')).toBe(false);
    expect(isUploadable('application/pdf')).toBe(false);
  });
});
