import { describe, expect, it } from 'vitest';
import { readKml } from '../import/read-kml';
import { featuresKml } from './features-kml';

describe('featuresKml', () => {
  it('writes polygons with holes and multipolygons that read back the same, escaping names', () => {
    const features: GeoJSON.Feature[] = [
      {
        type: 'Feature',
        properties: { name: '大唐村 <A&B>', code: '330104010208' },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [120.2, 30.3],
              [120.21, 30.3],
              [120.21, 30.31],
              [120.2, 30.3],
            ],
            [
              [120.205, 30.302],
              [120.207, 30.302],
              [120.207, 30.304],
              [120.205, 30.302],
            ],
          ],
        },
      },
      {
        type: 'Feature',
        properties: { name: '两块' },
        geometry: {
          type: 'MultiPolygon',
          coordinates: [
            [
              [
                [120, 30],
                [120.1, 30],
                [120.1, 30.1],
                [120, 30],
              ],
            ],
            [
              [
                [121, 30],
                [121.1, 30],
                [121.1, 30.1],
                [121, 30],
              ],
            ],
          ],
        },
      },
    ];
    const back = readKml(
      featuresKml('村社区', features, (f) => String(f.properties?.name)),
      'x.kml',
    ).features;
    expect(back[0].properties.name).toBe('大唐村 <A&B>');
    expect(back[0].properties.code).toBe('330104010208');
    expect(back[0].geometry).toEqual(features[0].geometry);
    expect(back[1].geometry).toEqual({
      type: 'GeometryCollection',
      geometries: [
        {
          type: 'Polygon',
          coordinates: [
            [
              [120, 30],
              [120.1, 30],
              [120.1, 30.1],
              [120, 30],
            ],
          ],
        },
        {
          type: 'Polygon',
          coordinates: [
            [
              [121, 30],
              [121.1, 30],
              [121.1, 30.1],
              [121, 30],
            ],
          ],
        },
      ],
    });
  });
});
