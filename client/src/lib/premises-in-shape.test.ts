import { rowsInside } from '@domain/areas/area-count';
import { areaIndexFor } from '@domain/areas/area-index';
import type { Polygonal } from '@domain/areas/point-in-polygon';
import { shapeEdges } from '@domain/areas/point-in-polygon';
import { randomPremises } from '@domain/areas/random-premises.fixture';
import { buildColumns } from '@domain/premise-columns';
import { describe, expect, it } from 'vitest';
import { premisesForTest } from './premises-fixture';
import { premisesInShape, settleMembership } from './premises-in-shape';
import { townshipLayer } from './township-fixture';

const premises = randomPremises(1500, 3);
const { cols, layer } = townshipLayer(premises);

const polygon = (ring: [number, number][]): Polygonal => ({
  type: 'Polygon',
  coordinates: [[...ring, ring[0]]],
});
const serverIds = (g: Polygonal) =>
  [...rowsInside(areaIndexFor(buildColumns(premises)), shapeEdges(g))]
    .map((row) => cols.id[row])
    .sort((a, b) => a - b);
const clientIds = (inside: Uint8Array) =>
  [...inside.keys()]
    .filter((p) => inside[p] === 1)
    .map((p) => layer.id[p])
    .sort((a, b) => a - b);

describe('premisesInShape', () => {
  it('finds what the server finds when no premise lies within the float32 slack of an edge', () => {
    // Edges off the fixture's 0.005° lattice and clear of its random points by more than the slack.
    const g = polygon([
      [120.2127, 30.3125],
      [120.2775, 30.3125],
      [120.2875, 30.3725],
      [120.2127, 30.3925],
    ]);
    const m = premisesInShape(layer, g);
    expect(m.uncertain).toHaveLength(0);
    expect(m.count).toBeGreaterThan(100);
    expect(clientIds(m.inside)).toEqual(serverIds(g));
  });

  it('flags premises on an edge as uncertain: their float32 position may fall either side', () => {
    const g = polygon([
      [120.22, 30.32],
      [120.26, 30.32],
      [120.26, 30.36],
      [120.22, 30.36],
    ]);
    const m = premisesInShape(layer, g);
    expect(m.uncertain.length).toBeGreaterThan(0);
    const server = serverIds(g);
    const client = clientIds(m.inside);
    const differ =
      server.filter((id) => !client.includes(id)).length + client.filter((id) => !server.includes(id)).length;
    expect(differ).toBeGreaterThan(0);
    expect(differ).toBeLessThanOrEqual(m.uncertain.length);
  });

  it('settles the uncertain premises from their exact positions: then it is the server answer', () => {
    const g = polygon([
      [120.22, 30.32],
      [120.26, 30.32],
      [120.26, 30.36],
      [120.22, 30.36],
    ]);
    const m = premisesInShape(layer, g);
    const exact = new Map([...m.uncertain].map((p) => [p, [cols.lng[p], cols.lat[p]] as const]));
    const settled = settleMembership(m, g, exact);
    expect(settled.uncertain).toHaveLength(0);
    expect(clientIds(settled.inside)).toEqual(serverIds(g));
    expect(settled.count).toBe(serverIds(g).length);
    const partly = settleMembership(m, g, new Map([...exact].slice(1)));
    expect([...partly.uncertain]).toEqual([m.uncertain[0]]);
  });

  it('counts a premise exactly on an edge or a vertex as inside, as the server does', () => {
    const onEdge = premisesForTest({
      startDay: 0,
      premises: [
        { id: 1, lng: 120.5, lat: 30.25, category: 0, village: 1 },
        { id: 2, lng: 121, lat: 30.5, category: 0, village: 1 },
        { id: 3, lng: 120.75, lat: 30.75, category: 0, village: 1 },
        { id: 4, lng: 121.5, lat: 30.5, category: 0, village: 1 },
      ],
      intervals: [],
    });
    const g = polygon([
      [120.5, 30],
      [121, 30],
      [121, 30.5],
      [120.5, 30.5],
    ]);
    const m = premisesInShape(onEdge, g);
    expect([...m.inside]).toEqual([1, 1, 0, 0]);
    expect(m.count).toBe(2);
    expect([...m.uncertain]).toEqual([0, 1]);
  });

  it('honours holes and multipolygons', () => {
    const square: Polygonal = {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [120.2, 30.3],
            [120.3, 30.3],
            [120.3, 30.4],
            [120.2, 30.4],
            [120.2, 30.3],
          ],
          [
            [120.2325, 30.3325],
            [120.2325, 30.3675],
            [120.2675, 30.3675],
            [120.2675, 30.3325],
            [120.2325, 30.3325],
          ],
        ],
      ],
    };
    const m = premisesInShape(layer, square);
    if (m.uncertain.length === 0) expect(clientIds(m.inside)).toEqual(serverIds(square));
    const hole = premisesInShape(
      layer,
      polygon([
        [120.2325, 30.3325],
        [120.2675, 30.3325],
        [120.2675, 30.3675],
        [120.2325, 30.3675],
      ]),
    );
    for (let p = 0; p < layer.premiseCount; p++) if (hole.inside[p]) expect(m.inside[p]).toBe(0);
  });
});
