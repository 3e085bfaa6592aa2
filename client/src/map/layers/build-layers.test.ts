import type { Layer } from '@deck.gl/core';
import { describe, expect, it } from 'vitest';
import { cellHeatAt, cellPoints } from '../../lib/cell-points';
import { keyAreaCollection, keyAreaLabels } from '../../lib/key-areas';
import { NO_FILTER } from '../../lib/premise-filter';
import { pointColumns, rowsWithStatus, selectIntervals } from '../../lib/premise-selection';
import { premisesForTest } from '../../lib/premises-fixture';
import type { VillageCollection } from '../../lib/village-types';
import { buildLayers } from './build-layers';
import type { LayerState } from './layer-state';

const data = premisesForTest({
  startDay: 0,
  premises: [
    { id: 1, lng: 120, lat: 30, category: 2, village: 10 },
    { id: 2, lng: 121, lat: 31, category: 5, village: 10 },
  ],
  intervals: [
    { premise: 0, status: 0, unlicensed: 1, from: 0, to: 50 },
    { premise: 0, status: 3, unlicensed: 0, from: 50, to: 9_999_999 },
    { premise: 1, status: 1, unlicensed: 1, from: 20, to: 9_999_999 },
  ],
});
const rows = selectIntervals(data, NO_FILTER);
const villages: VillageCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { id: 10, code: '330100000010', name: '东村', kind: 'village', areaKm2: 2, townshipId: 1 },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [119, 29],
            [122, 29],
            [122, 32],
            [119, 32],
            [119, 29],
          ],
        ],
      },
    },
  ],
};

const keyAreas = keyAreaCollection([
  {
    id: 7,
    name: '站前片',
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [120, 30],
          [120.5, 30],
          [120.5, 30.5],
          [120, 30],
        ],
      ],
    },
  },
]);

function state(over: Partial<LayerState> = {}): LayerState {
  return {
    day: 30,
    layers: ['premises', 'heatmap', 'villages'],
    points: pointColumns(data, rows),
    cells: null,
    modelPoints: pointColumns(data, rowsWithStatus(data, rows, 3)),
    heatPositions: Float32Array.from([120, 30]),
    heatWeights: null,
    villages,
    labels: [{ id: 10, name: '东村', position: [120.5, 30.5] }],
    villageColors: new Map([[10, [1, 2, 3, 4]]]),
    selectedVillage: null,
    selectedPosition: null,
    worklistRing: null,
    keyAreas,
    keyAreaLabels: keyAreaLabels(keyAreas),
    selectedArea: null,
    keyAreaFontsReady: true,
    showGlyphs: false,
    fontsReady: true,
    pixelScale: 1,
    ...over,
  };
}

/** The props of the layer with this id, loosely typed: the test reads props of several layer types. */
const byId = (layers: Layer[], id: string) => {
  const layer = layers.find((l) => l.id === id);
  if (!layer) throw new Error(`no layer ${id}`);
  return { props: layer.props as unknown as Record<string, unknown> & { data: unknown; visible: boolean } };
};

describe('buildLayers', () => {
  it('orders the layers with stable ids, text last', () => {
    expect(buildLayers(state()).map((l) => l.id)).toEqual([
      'village-choropleth',
      'village-boundaries',
      'key-areas',
      'unlicensed-heatmap',
      'premise-cells',
      'premises',
      'premises-model-ring',
      'worklist-ring',
      'premise-selected',
      'premise-glyphs',
      'village-labels',
      'key-area-labels',
    ]);
  });

  it('filters the points by [from, to) on the slider day', () => {
    const points = byId(buildLayers(state({ day: 30 })), 'premises');
    expect(points.props.filterRange).toEqual([
      [-1e9, 30],
      [30.5, 1e9],
    ]);
  });

  it('changes only the filter range on a scrub: same data, extensions and triggers', () => {
    const s = state();
    const a = buildLayers({ ...s, day: 30 });
    const b = buildLayers({ ...s, day: 31 });
    for (const id of ['premises', 'premises-model-ring', 'premise-glyphs']) {
      const [x, y] = [byId(a, id), byId(b, id)];
      expect(y.props.data).toBe(x.props.data);
      expect(y.props.extensions).toBe(x.props.extensions);
      expect(y.props.updateTriggers).toEqual(x.props.updateTriggers);
      expect(y.props.filterRange).not.toEqual(x.props.filterRange);
    }
  });

  it('feeds the points as binary attributes, one per interval', () => {
    const { data: d } = byId(buildLayers(state()), 'premises').props as {
      data: { length: number; attributes: Record<string, { value: Float32Array; size: number }> };
    };
    expect(d.length).toBe(3);
    expect(d.attributes.getPosition.size).toBe(2);
    expect(d.attributes.getFillColor.size).toBe(4);
    expect([...d.attributes.getFilterValue.value]).toEqual([0, 50, 50, 9_999_999, 20, 9_999_999]);
  });

  it('rings only the model sites', () => {
    const ring = byId(buildLayers(state()), 'premises-model-ring').props.data as { length: number };
    expect(ring.length).toBe(1);
  });

  it('draws the category glyph of each point only when zoomed in and the font is ready', () => {
    expect(byId(buildLayers(state()), 'premise-glyphs').props.visible).toBe(false);
    expect(
      byId(buildLayers(state({ showGlyphs: true, fontsReady: false })), 'premise-glyphs').props.visible,
    ).toBe(false);
    const glyphs = byId(buildLayers(state({ showGlyphs: true })), 'premise-glyphs');
    expect(glyphs.props.visible).toBe(true);
    const getText = glyphs.props.getText as (d: unknown, info: { index: number }) => string;
    expect(getText(null, { index: 0 })).toBe('餐');
    expect(getText(null, { index: 2 })).toBe('菜');
  });

  it('shows and hides layers from the toggles', () => {
    const layers = buildLayers(state({ layers: ['heatmap', 'choropleth'] }));
    expect(byId(layers, 'premises').props.visible).toBe(false);
    expect(byId(layers, 'village-boundaries').props.visible).toBe(false);
    expect(byId(layers, 'village-labels').props.visible).toBe(false);
    expect(byId(layers, 'unlicensed-heatmap').props.visible).toBe(true);
    expect(byId(layers, 'village-choropleth').props.visible).toBe(true);
  });

  it('colours the choropleth from the colour map and labels with every character needed', () => {
    const layers = buildLayers(state());
    const fill = byId(layers, 'village-choropleth').props.getFillColor as (f: unknown) => number[];
    expect(fill(villages.features[0])).toEqual([1, 2, 3, 4]);
    expect(byId(layers, 'village-labels').props.characterSet).toBe('东村');
  });

  it('feeds the heatmap the CPU-filtered positions', () => {
    const heat = byId(buildLayers(state()), 'unlicensed-heatmap').props.data as { length: number };
    expect(heat.length).toBe(1);
  });

  it('scales on-screen sizes with the page type scale', () => {
    const big = byId(buildLayers(state({ pixelScale: 2 })), 'premises').props;
    expect(big.getRadius).toBe(8);
    expect(byId(buildLayers(state({ pixelScale: 2 })), 'village-labels').props.getSize).toBe(30);
  });

  it('gives a hidden heatmap no data, so scrubbing does not rebuild its weights', () => {
    const a = byId(buildLayers(state({ layers: ['premises'], day: 30 })), 'unlicensed-heatmap').props;
    const b = byId(
      buildLayers(state({ layers: ['premises'], day: 31, heatPositions: Float32Array.from([121, 31]) })),
      'unlicensed-heatmap',
    ).props;
    expect((a.data as { length: number }).length).toBe(0);
    expect(b.data).toBe(a.data);
  });

  it('outlines the saved key areas, the open one heavier, and writes their names', () => {
    const plain = byId(buildLayers(state()), 'key-areas').props;
    const open = byId(buildLayers(state({ selectedArea: 7 })), 'key-areas').props;
    const width = (p: typeof plain) => (p.getLineWidth as (f: unknown) => number)(keyAreas.features[0]);
    expect(plain.data).toBe(keyAreas);
    expect(plain.pickable).toBe(true);
    expect(width(open)).toBeGreaterThan(width(plain));
    const labels = byId(buildLayers(state()), 'key-area-labels').props;
    expect(labels.characterSet).toBe([...'站前片'].sort().join(''));
    expect(byId(buildLayers(state({ keyAreaFontsReady: false })), 'key-area-labels').props.visible).toBe(
      false,
    );
  });

  it("draws a big record's cells as dots per status the slider filters on the GPU, same data on a scrub", () => {
    const cells = cellPoints({
      cellSize: 0.01,
      step: 1,
      premiseCount: 30,
      cellCount: 2,
      rowCount: 3,
      cellPosition: Float32Array.from([120.1, 30.1, 120.2, 30.2]),
      cellPremises: Uint32Array.from([20, 10]),
      cell: Uint32Array.from([0, 0, 1]),
      status: Uint8Array.from([0, 2, 0]),
      count: Uint32Array.from([20, 5, 10]),
      from: Float32Array.from([0, 40, 10]),
      to: Float32Array.from([40, 1e6, 1e6]),
      // Cell 0 has 7 unlicensed premises until day 40, then 2; cell 1 has 4 from day 10.
      unlicensedRowCount: 3,
      unlicensedCell: Uint32Array.from([0, 0, 1]),
      unlicensedCount: Uint32Array.from([7, 2, 4]),
      unlicensedFrom: Float32Array.from([0, 40, 10]),
      unlicensedTo: Float32Array.from([40, 1e6, 1e6]),
    });
    expect([...cells.filterValues]).toEqual([0, 40, 40, 1e6, 10, 1e6]);
    expect(cells.radii[0]).toBeGreaterThan(cells.radii[2]);
    expect(cells.radii[2]).toBeGreaterThan(cells.radii[1]);
    // Two statuses of one cell sit apart, around its centre.
    expect(cells.positions[0]).not.toBe(cells.positions[2]);
    const a = byId(buildLayers(state({ cells, day: 30 })), 'premise-cells').props;
    const b = byId(buildLayers(state({ cells, day: 31 })), 'premise-cells').props;
    expect(a.visible).toBe(true);
    expect(b.data).toBe(a.data);
    expect(b.extensions).toBe(a.extensions);
    expect(b.filterRange).not.toEqual(a.filterRange);
    expect(byId(buildLayers(state()), 'premise-cells').props.visible).toBe(false);

    // The heatmap of a big record: each cell at its centre, weighted by its unlicensed premises that day.
    const early = cellHeatAt(cells, 5);
    expect([...early.positions]).toEqual([...Float32Array.from([120.1, 30.1])]);
    expect([...(early.weights ?? [])]).toEqual([7]);
    const later = cellHeatAt(cells, 50);
    expect([...(later.weights ?? [])]).toEqual([2, 4]);
    const heat = byId(
      buildLayers(state({ cells, heatPositions: later.positions, heatWeights: later.weights })),
      'unlicensed-heatmap',
    ).props.data as { length: number; attributes: { getWeight?: { value: Float32Array } } };
    expect(heat.length).toBe(2);
    expect(heat.attributes.getWeight?.value).toBe(later.weights);
  });
});
