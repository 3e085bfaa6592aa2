import { featureCollection, intersect, polygon } from '@turf/turf';
import type { XY } from './local-frame';
import { bboxOf, clipPolyline, polylineLength, type Ring, ringArea } from './planar';
import type { Rng } from './prng';
import { windingLine } from './roads';

export interface Waterway {
  class: 'canal' | 'river';
  name: string;
  widthMeters: number;
  line: XY[];
}

export interface Hill {
  name: string;
  ring: Ring;
}

/** A meandering river across the south of the township and a straight-ish canal across the east. */
export function waterways(rng: Rng, outline: Ring, names: { river: string; canal: string }): Waterway[] {
  const [minX, minY, maxX, maxY] = bboxOf(outline);
  const riverThrough: XY = [0, minY + (maxY - minY) * rng.range(0.25, 0.4)];
  const river = windingLine(rng, riverThrough, rng.range(-0.3, 0.1), 16_000, 420);
  const canalThrough: XY = [minX + (maxX - minX) * rng.range(0.62, 0.75), 0];
  const kink = rng.range(-0.15, 0.15);
  const canal: XY[] = [
    [
      canalThrough[0] - 16_000 * Math.cos(Math.PI / 2 + kink),
      canalThrough[1] - 16_000 * Math.sin(Math.PI / 2 + kink),
    ],
    canalThrough,
    [
      canalThrough[0] + 16_000 * Math.cos(Math.PI / 2 - kink),
      canalThrough[1] + 16_000 * Math.sin(Math.PI / 2 - kink),
    ],
  ];
  const out: Waterway[] = [];
  for (const piece of clipPolyline(river, outline)) {
    if (polylineLength(piece) > 200) {
      out.push({ class: 'river', name: names.river, widthMeters: 40, line: piece });
    }
  }
  for (const piece of clipPolyline(densify(canal, 200), outline)) {
    if (polylineLength(piece) > 200) {
      out.push({ class: 'canal', name: names.canal, widthMeters: 30, line: piece });
    }
  }
  return out;
}

function densify(line: XY[], step: number): XY[] {
  const out: XY[] = [line[0]];
  for (let i = 1; i < line.length; i++) {
    const [ax, ay] = line[i - 1];
    const [bx, by] = line[i];
    const n = Math.max(1, Math.ceil(Math.hypot(bx - ax, by - ay) / step));
    for (let k = 1; k <= n; k++) out.push([ax + ((bx - ax) * k) / n, ay + ((by - ay) * k) / n]);
  }
  return out;
}

/** Hill foothills reaching into the township from its northern edge, cut to the boundary. */
export function hills(rng: Rng, outline: Ring, names: readonly string[]): Hill[] {
  const out: Hill[] = [];
  const township = polygon([outline]);
  const angles = names.map((_, k) => Math.PI / 2 + (k - (names.length - 1) / 2) * rng.range(0.45, 0.65));
  names.forEach((name, k) => {
    const angle = angles[k];
    // The boundary vertex nearest this bearing, with the hill's centre just outside it.
    const edge = outline.reduce((best, p) =>
      Math.abs(Math.atan2(p[1], p[0]) - angle) < Math.abs(Math.atan2(best[1], best[0]) - angle) ? p : best,
    );
    const radius = rng.range(800, 1400);
    const centre: XY = [edge[0] + radius * 0.3 * Math.cos(angle), edge[1] + radius * 0.3 * Math.sin(angle)];
    const blob: Ring = [];
    const phase = rng.range(0, 2 * Math.PI);
    for (let i = 0; i < 40; i++) {
      const t = (2 * Math.PI * i) / 40;
      const r = radius * (1 + 0.18 * Math.sin(3 * t + phase) + rng.range(-0.05, 0.05));
      blob.push([centre[0] + r * Math.cos(t) * 1.4, centre[1] + r * Math.sin(t) * 0.8]);
    }
    blob.push(blob[0]);
    const cut = intersect(featureCollection([polygon([blob]), township]));
    if (!cut) return;
    const parts = cut.geometry.type === 'Polygon' ? [cut.geometry.coordinates] : cut.geometry.coordinates;
    const largest = parts
      .map((rings) => rings[0] as Ring)
      .sort((a, b) => Math.abs(ringArea(b)) - Math.abs(ringArea(a)))[0];
    if (largest && Math.abs(ringArea(largest)) > 100_000) out.push({ name, ring: largest });
  });
  return out;
}
