import { parseDay } from '../../../server/src/domain/dates';

export interface ChartBox {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Scales from dates and 0–1 fractions to the chart's pixels. */
export function chartScales(box: ChartBox, start: string, end: string) {
  const d0 = parseDay(start) ?? 0;
  const d1 = parseDay(end) ?? d0 + 1;
  const innerW = box.width - box.left - box.right;
  const innerH = box.height - box.top - box.bottom;
  return {
    x: (date: string) => box.left + (((parseDay(date) ?? d0) - d0) / Math.max(1, d1 - d0)) * innerW,
    y: (fraction: number) => box.top + (1 - Math.min(1, Math.max(0, fraction))) * innerH,
  };
}

/** SVG path through the first `length` points (empty when there are none). */
export function linePath(
  days: readonly string[],
  values: readonly number[],
  length: number,
  x: (date: string) => number,
  y: (v: number) => number,
): string {
  const parts: string[] = [];
  for (let i = 0; i < Math.min(length, days.length); i++) {
    parts.push(`${i === 0 ? 'M' : 'L'}${x(days[i]).toFixed(1)},${y(values[i]).toFixed(1)}`);
  }
  return parts.join('');
}
