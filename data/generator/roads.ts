import type { XY } from './local-frame';
import { placeStem } from './place-names';
import { clipPolyline, distance, polylineLength, type Ring } from './planar';
import type { Rng } from './prng';
import type { Village } from './village-roster';

export interface Road {
  class: 'main' | 'village';
  name?: string;
  widthMeters: number;
  line: XY[];
}

/** A gently winding line through `through` at `angle`, `halfLength` metres each way. */
export function windingLine(
  rng: Rng,
  through: XY,
  angle: number,
  halfLength: number,
  amplitude: number,
): XY[] {
  const waves = [0, 1, 2].map((k) => ({
    wavelength: rng.range(1800, 5200) / (k + 1),
    amplitude: (amplitude * rng.range(0.5, 1)) / (k + 1),
    phase: rng.range(0, 2 * Math.PI),
  }));
  const dir: XY = [Math.cos(angle), Math.sin(angle)];
  const normal: XY = [-dir[1], dir[0]];
  const line: XY[] = [];
  for (let s = -halfLength; s <= halfLength; s += 120) {
    let offset = 0;
    for (const w of waves) {
      offset += w.amplitude * (Math.sin((2 * Math.PI * s) / w.wavelength + w.phase) - Math.sin(w.phase));
    }
    line.push([through[0] + s * dir[0] + offset * normal[0], through[1] + s * dir[1] + offset * normal[1]]);
  }
  return line;
}

/** Three main roads through the town centre (east–west, north–south, and the diagonal toward the city). */
export function mainRoads(rng: Rng, outline: Ring, market: XY, names: readonly string[]): Road[] {
  const angles = [
    rng.range(-0.2, 0.2),
    Math.PI / 2 + rng.range(-0.2, 0.2),
    Math.PI / 4 + rng.range(-0.12, 0.12),
  ];
  const roads: Road[] = [];
  angles.forEach((angle, k) => {
    const through: XY = [market[0] + rng.range(-250, 250), market[1] + rng.range(-250, 250)];
    const line = windingLine(rng, through, angle, 16_000, 140);
    for (const piece of clipPolyline(line, outline)) {
      if (polylineLength(piece) > 300) {
        roads.push({ class: 'main', name: names[k], widthMeters: k === 2 ? 32 : 24, line: piece });
      }
    }
  });
  return roads;
}

function nearestOnRoads(p: XY, roads: readonly Road[]): XY {
  let best: XY = p;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const road of roads) {
    for (const q of road.line) {
      const d = distance(p, q);
      if (d < bestDistance) {
        bestDistance = d;
        best = q;
      }
    }
  }
  return best;
}

/** A village lane: a short random walk from `start`. */
function lane(rng: Rng, start: XY, heading: number, metres: number): XY[] {
  const line: XY[] = [start];
  let h = heading;
  let p = start;
  for (let s = 0; s < metres; s += 80) {
    h += rng.range(-0.25, 0.25);
    p = [p[0] + 80 * Math.cos(h), p[1] + 80 * Math.sin(h)];
    line.push(p);
  }
  return line;
}

const LANE_SUFFIXES = ['路', '街', '巷', '东路', '西路', '中路', '弄'];

/** Short village roads from each village seat, one of them joining the nearest main road; some named. */
export function villageRoads(
  rng: Rng,
  outline: Ring,
  villages: readonly Village[],
  mains: readonly Road[],
): Road[] {
  const roads: Road[] = [];
  for (const village of villages) {
    const stem = placeStem(village.name);
    const suffixes = rng.shuffle([...LANE_SUFFIXES]);
    const lines: XY[][] = [];
    const junction = nearestOnRoads(village.centre, mains);
    if (distance(junction, village.centre) > 60) {
      const mid: XY = [
        (junction[0] + village.centre[0]) / 2 + rng.range(-80, 80),
        (junction[1] + village.centre[1]) / 2 + rng.range(-80, 80),
      ];
      lines.push([village.centre, mid, junction]);
    }
    const count = rng.int(3, 6);
    const start = rng.range(0, 2 * Math.PI);
    for (let k = 0; k < count; k++) {
      const heading = start + (2 * Math.PI * k) / count + rng.range(-0.4, 0.4);
      lines.push(lane(rng, village.centre, heading, rng.range(400, 1400)));
    }
    for (const line of lines) {
      const named = suffixes.length > 0 && rng.chance(0.45);
      const name = named ? `${stem}${suffixes.pop()}` : undefined;
      for (const piece of clipPolyline(line, outline)) {
        if (polylineLength(piece) > 80) {
          roads.push({ class: 'village', name, widthMeters: rng.pick([4, 5, 6, 7]), line: piece });
        }
      }
    }
  }
  return roads;
}
