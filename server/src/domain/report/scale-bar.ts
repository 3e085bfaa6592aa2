export interface ScaleBar {
  meters: number;
  /** Its length in the drawing's units (pixels, PDF points). */
  pixels: number;
  label: string;
}

/** The longest round length (1, 2 or 5 × 10ⁿ metres) that fits in `maxPixels` of a drawing. */
export function scaleBar(metersPerPx: number, maxPixels: number): ScaleBar {
  const maxMeters = metersPerPx * maxPixels;
  const power = 10 ** Math.floor(Math.log10(maxMeters));
  const step = [5, 2, 1].find((s) => s * power <= maxMeters) ?? 1;
  const meters = step * power;
  return {
    meters,
    pixels: meters / metersPerPx,
    label: meters >= 1000 ? `${meters / 1000} km` : `${meters} m`,
  };
}
