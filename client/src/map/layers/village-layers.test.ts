import { _compareProps as compareProps } from '@deck.gl/core';
import { describe, expect, it } from 'vitest';
import type { Rgba } from '../../lib/choropleth';
import type { LayerState } from './layer-state';
import { villageChoroplethLayer } from './village-layers';

const state = (colors: Map<number, Rgba>) =>
  ({ villages: null, layers: ['choropleth'], villageColors: colors }) as unknown as LayerState;
const fillTrigger = (colors: Map<number, Rgba>) =>
  (villageChoroplethLayer(state(colors)).props.updateTriggers as Record<string, unknown>).getFillColor;
/** Whether deck.gl sees the fill trigger change, compared as it compares triggers on every render. */
const changed = (before: unknown, after: unknown) =>
  compareProps({ oldProps: before, newProps: after, triggerName: 'getFillColor' }) !== false;

describe('the village choropleth', () => {
  it('recolours when its colour map is replaced (another date, metric, or the acceptance results), not when it is kept', () => {
    const before = new Map<number, Rgba>([[1, [1, 2, 3, 4]]]);
    const after = new Map<number, Rgba>([[1, [9, 9, 9, 9]]]);
    expect(changed(fillTrigger(before), fillTrigger(after))).toBe(true);
    expect(changed(fillTrigger(before), fillTrigger(before))).toBe(false);
  });
});
