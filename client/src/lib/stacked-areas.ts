/** Geometry of a stacked area chart in a width × height box (y grows downwards, as in SVG). */
export interface StackedAreas {
  /** One closed path per layer, bottom layer first. */
  paths: string[];
  /** Largest stacked total (the top of the y scale). */
  max: number;
}

const r = (x: number) => Math.round(x * 10) / 10;

/**
 * Stacks `layers` (each a value per x) over `xs` (in [0, xMax]) and returns an SVG path per layer,
 * each running along its top edge and back along the top of the layer beneath.
 */
export function stackedAreas(
  xs: readonly number[],
  layers: readonly (readonly number[])[],
  xMax: number,
  width: number,
  height: number,
): StackedAreas {
  const n = xs.length;
  const base = new Array<number>(n).fill(0);
  const tops = layers.map((values) => values.map((v, i) => (base[i] += v)));
  const max = Math.max(1, ...base);
  const px = (x: number) => r((Math.min(Math.max(x, 0), xMax) / xMax) * width);
  const py = (v: number) => r(height - (v / max) * height);
  const paths = tops.map((top, layer) => {
    if (n === 0) return '';
    const below = layer === 0 ? new Array<number>(n).fill(0) : tops[layer - 1];
    const upper = xs.map((x, i) => `${px(x)},${py(top[i])}`);
    const lower = xs.map((x, i) => `${px(x)},${py(below[i])}`).reverse();
    return `M${upper.join('L')}L${lower.join('L')}Z`;
  });
  return { paths, max };
}

/** An SVG polyline path of values in [0, 1] over xs (e.g. progress). */
export function fractionLine(
  xs: readonly number[],
  values: readonly number[],
  xMax: number,
  width: number,
  height: number,
): string {
  if (xs.length === 0) return '';
  return `M${xs.map((x, i) => `${r((x / xMax) * width)},${r(height - values[i] * height)}`).join('L')}`;
}
