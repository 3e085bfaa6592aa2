import { describe, expect, it } from 'vitest';
import { premisesForTest } from '../../lib/premises-fixture';
import { worklistRing } from '../../lib/worklist-ring';
import type { LayerState } from './layer-state';
import { WORKLIST_RING_COLORS, worklistRingLayer } from './worklist-ring-layer';

const data = premisesForTest({
  startDay: 0,
  premises: [
    { id: 1, lng: 120, lat: 30, category: 0, village: 1 },
    { id: 2, lng: 121, lat: 31, category: 0, village: 1 },
  ],
  intervals: [
    { premise: 0, status: 1, unlicensed: 1, from: 0, to: 200 },
    { premise: 1, status: 0, unlicensed: 0, from: 20, to: 1e6 },
  ],
});
const ring = worklistRing(data, 'overdue', [2, 1]);

/** Only the fields this layer reads; the rest of the state does not concern it. */
const state = (over: Partial<LayerState>) =>
  ({ day: 30, pixelScale: 1, worklistRing: ring, ...over }) as LayerState;

type Props = {
  id: string;
  visible: boolean;
  data: { length: number; attributes: Record<string, { value: Float32Array; size: number }> };
  extensions: unknown;
  filterRange: unknown;
  getLineColor: number[];
  updateTriggers: unknown;
};
const props = (s: LayerState) => worklistRingLayer(s).props as unknown as Props;

describe('worklistRingLayer', () => {
  it('rings the listed premises as binary attributes under a stable id', () => {
    const p = props(state({}));
    expect(p.id).toBe('worklist-ring');
    expect(p.visible).toBe(true);
    expect(p.data.length).toBe(2);
    expect(p.data.attributes.getPosition.value).toBe(ring.positions);
    expect([...p.data.attributes.getFilterValue.value]).toEqual([20, 1e6, 0, 200]);
  });

  it("draws in the list's colour", () => {
    expect(props(state({})).getLineColor.slice(0, 3)).toEqual(WORKLIST_RING_COLORS.overdue);
    const rebound = worklistRing(data, 'rebound', [1]);
    expect(props(state({ worklistRing: rebound })).getLineColor.slice(0, 3)).toEqual(
      WORKLIST_RING_COLORS.rebound,
    );
  });

  it('changes only the filter range on a scrub: same data, extensions and triggers', () => {
    const a = props(state({ day: 30 }));
    const b = props(state({ day: 31 }));
    expect(b.data).toBe(a.data);
    expect(b.extensions).toBe(a.extensions);
    expect(b.updateTriggers).toEqual(a.updateTriggers);
    expect(b.filterRange).not.toEqual(a.filterRange);
  });

  it('is hidden, with no data, while no list is on the map', () => {
    const p = props(state({ worklistRing: null }));
    expect(p.visible).toBe(false);
    expect(p.data.length).toBe(0);
  });
});
