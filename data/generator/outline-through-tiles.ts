import type { XY } from './local-frame';
import type { Ring } from './planar';

/**
 * The outline with every tile vertex that lies on it inserted in place, so that the township ring
 * and the village rings share exactly the same boundary points and still match after rounding.
 */
export function outlineThroughTiles(outline: Ring, tiles: readonly Ring[], toleranceMetres = 1e-3): Ring {
  const out: XY[] = [];
  for (let i = 0; i < outline.length - 1; i++) {
    const a = outline[i];
    const b = outline[i + 1];
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const len2 = dx * dx + dy * dy;
    const onEdge: { t: number; p: XY }[] = [];
    for (const ring of tiles) {
      for (const p of ring) {
        const t = ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2;
        if (t <= 0 || t >= 1) continue;
        const off = Math.abs((p[0] - a[0]) * dy - (p[1] - a[1]) * dx) / Math.sqrt(len2);
        if (off < toleranceMetres) onEdge.push({ t, p });
      }
    }
    onEdge.sort((u, v) => u.t - v.t);
    out.push(a);
    for (const { p } of onEdge) {
      const last = out[out.length - 1];
      if (Math.abs(last[0] - p[0]) > 1e-6 || Math.abs(last[1] - p[1]) > 1e-6) out.push(p);
    }
  }
  out.push(out[0]);
  return out;
}
