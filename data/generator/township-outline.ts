import type { XY } from './local-frame';
import { type Ring, ringArea } from './planar';
import type { Rng } from './prng';

/**
 * An irregular, star-shaped township outline in local metres, counter-clockwise and closed, scaled
 * to `areaM2`. A radius made of a few random harmonics gives lobes and bays like a real boundary
 * that follows rivers and old village lands, without ever crossing itself.
 */
export function townshipOutline(rng: Rng, areaM2: number, vertices = 96): Ring {
  const harmonics = [2, 3, 4, 5, 7].map((k) => ({
    k,
    amplitude: rng.range(0.03, 0.13) / Math.sqrt(k - 1),
    phase: rng.range(0, 2 * Math.PI),
  }));
  // Longer north–south than east–west, slightly turned.
  const stretch = rng.range(1.15, 1.35);
  const turn = rng.range(-0.25, 0.25);
  const ring: Ring = [];
  let jitter = 0;
  for (let i = 0; i < vertices; i++) {
    const theta = (2 * Math.PI * i) / vertices;
    jitter = 0.6 * jitter + rng.range(-0.025, 0.025);
    let r = 1 + jitter;
    for (const h of harmonics) r += h.amplitude * Math.sin(h.k * theta + h.phase);
    const x = (r * Math.cos(theta)) / stretch;
    const y = r * Math.sin(theta) * stretch;
    ring.push([x * Math.cos(turn) - y * Math.sin(turn), x * Math.sin(turn) + y * Math.cos(turn)]);
  }
  ring.push(ring[0]);
  const scale = Math.sqrt(areaM2 / Math.abs(ringArea(ring)));
  const scaled: Ring = ring.map(([x, y]): XY => [x * scale, y * scale]);
  scaled[scaled.length - 1] = scaled[0];
  return scaled;
}
