import type { PremiseSelection } from '../../lib/premise-selection';

/** The binary data object deck.gl reads a selection from; one per selection so it never looks changed. */
export interface BinaryPoints {
  length: number;
  attributes: {
    getPosition: { value: Float32Array; size: 2 };
    getFillColor: { value: Uint8Array; size: 4; normalized: true };
    getFilterValue: { value: Float32Array; size: 2 };
  };
}

const cache = new WeakMap<PremiseSelection, BinaryPoints>();

export function binaryPoints(sel: PremiseSelection): BinaryPoints {
  let data = cache.get(sel);
  if (!data) {
    data = {
      length: sel.length,
      attributes: {
        getPosition: { value: sel.positions, size: 2 },
        getFillColor: { value: sel.colors, size: 4, normalized: true },
        getFilterValue: { value: sel.filterValues, size: 2 },
      },
    };
    cache.set(sel, data);
  }
  return data;
}
