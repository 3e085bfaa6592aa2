import { describe, expect, it } from 'vitest';
import { villageLabels } from './village-labels';
import type { VillageCollection } from './village-types';

const props = { code: '330100000001', kind: 'village' as const, areaKm2: 1, townshipId: 1 };

describe('villageLabels', () => {
  it('puts the label at the centre of a square', () => {
    const fc: VillageCollection = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { id: 1, name: '东村', ...props },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [0, 0],
                [2, 0],
                [2, 2],
                [0, 2],
                [0, 0],
              ],
            ],
          },
        },
      ],
    };
    const [label] = villageLabels(fc);
    expect(label.name).toBe('东村');
    expect(label.position[0]).toBeCloseTo(1, 6);
    expect(label.position[1]).toBeCloseTo(1, 6);
  });

  it('keeps the label inside a C-shaped village', () => {
    const c = [
      [
        [0, 0],
        [3, 0],
        [3, 1],
        [1, 1],
        [1, 2],
        [3, 2],
        [3, 3],
        [0, 3],
        [0, 0],
      ],
    ];
    const fc: VillageCollection = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { id: 2, name: '湾村', ...props },
          geometry: { type: 'Polygon', coordinates: c },
        },
      ],
    };
    const [x, y] = villageLabels(fc)[0].position;
    const inside =
      (x < 1 && y >= 0 && y <= 3) || (y <= 1 && x >= 0 && x <= 3) || (y >= 2 && x >= 0 && x <= 3);
    expect(inside).toBe(true);
  });
});
