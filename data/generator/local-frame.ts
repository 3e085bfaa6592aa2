/** Planar metres around a township's centre, and the way back to WGS-84 longitude/latitude. */
export type XY = [number, number];

/** Rounds a coordinate to 6 decimals (about 0.1 m), as the demo files store them. */
export function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

export class LocalFrame {
  private readonly metresPerDegLng: number;
  private readonly metresPerDegLat: number;

  constructor(
    readonly originLng: number,
    readonly originLat: number,
  ) {
    const phi = (originLat * Math.PI) / 180;
    // WGS-84 series for the length of a degree; exact enough for a few tens of kilometres.
    this.metresPerDegLat = 111_132.92 - 559.82 * Math.cos(2 * phi) + 1.175 * Math.cos(4 * phi);
    this.metresPerDegLng = 111_412.84 * Math.cos(phi) - 93.5 * Math.cos(3 * phi);
  }

  /** Longitude/latitude of a local point, rounded to 6 decimals. */
  toLngLat(xy: XY): [number, number] {
    return [
      round6(this.originLng + xy[0] / this.metresPerDegLng),
      round6(this.originLat + xy[1] / this.metresPerDegLat),
    ];
  }
}
