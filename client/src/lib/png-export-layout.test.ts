import { describe, expect, it } from 'vitest';
import {
  captureRatio,
  coverCrop,
  metersPerPixel,
  pictureFileName,
  pictureLayout,
  pngSize,
  scaleBar,
} from './png-export-layout';

describe('map picture layout', () => {
  it('knows the ground size of a pixel: about 1.19 m at zoom 17 on the equator, less further north', () => {
    expect(metersPerPixel(0, 17)).toBeCloseTo(0.5972, 3);
    expect(metersPerPixel(0, 0)).toBeCloseTo(78271.5, 0);
    expect(metersPerPixel(30.35, 14)).toBeCloseTo(4.127, 2);
  });

  it('picks a round scale-bar length that fits', () => {
    expect(scaleBar(4.127, 220)).toEqual({ meters: 500, pixels: 500 / 4.127, label: '500 m' });
    expect(scaleBar(20, 220)).toMatchObject({ meters: 2000, label: '2 km' });
    expect(scaleBar(1, 220)).toMatchObject({ meters: 200, pixels: 200, label: '200 m' });
    expect(scaleBar(0.5, 220)).toMatchObject({ meters: 100, pixels: 200 });
  });

  it('crops the map to cover the picture, centred', () => {
    expect(coverCrop(800, 600, 1920, 996)).toEqual({
      x: 0,
      y: (600 - 996 / 2.4) / 2,
      width: 800,
      height: 996 / 2.4,
      scale: 2.4,
    });
  });

  it('renders the map sharp enough for the picture, within the canvas limit', () => {
    expect(captureRatio(800, 600, { width: 1920, height: 996 })).toBeCloseTo(2.4);
    expect(captureRatio(800, 600, { width: 4800, height: 2076 })).toBeCloseTo(4096 / 800);
    expect(captureRatio(800, 600, { width: 400, height: 300 }, { screenRatio: 2 })).toBe(2);
  });

  it('lays out title, legend, north arrow and scale bar without overlap at 1920×1080', () => {
    const measure = (text: string, px: number) => text.length * px;
    const items = [
      { label: '待整治', color: [200, 0, 0] as const },
      { label: '已达标', color: [0, 160, 0] as const },
    ];
    const l = pictureLayout(1920, 1080, '图例', items, measure);
    expect(l.unit).toBe(1);
    expect(l.map).toEqual({ x: 0, y: 84, width: 1920, height: 996 });
    expect(l.legend.x).toBe(24);
    expect(l.legend.y + l.legend.height).toBe(1080 - 24);
    expect(l.legend.width).toBe(14 * 2 + 16 + 10 + 3 * 18);
    expect(l.legend.rows.map((r) => r.y)).toEqual([l.legend.y + 14 + 28 + 14, l.legend.y + 14 + 28 + 42]);
    expect(l.northArrow.y).toBeGreaterThanOrEqual(l.map.y);
    expect(l.scaleBar.x - l.scaleBar.maxPixels).toBeGreaterThan(l.legend.x + l.legend.width);
    const big = pictureLayout(3840, 2160, '图例', items, measure);
    expect(big.unit).toBe(2);
    expect(big.titleBand.height).toBe(168);
  });

  it('names the file by date and reads a PNG header', () => {
    expect(pictureFileName('2009-06-30')).toBe('map-2009-06-30.png');
    const header = new Uint8Array(24);
    header.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    new DataView(header.buffer).setUint32(16, 1920);
    new DataView(header.buffer).setUint32(20, 1080);
    expect(pngSize(header)).toEqual({ width: 1920, height: 1080 });
    expect(pngSize(new Uint8Array(24))).toBeNull();
  });
});
