const PALETTES = {
  light: {
    background: '#eef0ea',
    township: '#f8f7f2',
    hill: '#d5e6c8',
    water: '#a9d0ea',
    roadVillage: '#ffffff',
    roadMainCasing: '#d9b779',
    roadMain: '#fbe3a8',
    outline: '#6c5b7b',
  },
  // The public screen's night palette: quiet ground so the data layers carry the colour.
  dark: {
    background: '#050b16',
    township: '#0b1626',
    hill: '#10241f',
    water: '#123a5c',
    roadVillage: '#1c2b40',
    roadMainCasing: '#0b1626',
    roadMain: '#2b4160',
    outline: '#4f8fd8',
  },
} as const;

export type BasemapTheme = keyof typeof PALETTES;

/** The offline basemap: the township's own layers, served by this server. No glyphs, no sprite. */
export function basemapStyle(baseUrl: string, center: [number, number], theme: BasemapTheme = 'light') {
  const p = PALETTES[theme];
  const source = (name: string) => ({ type: 'geojson' as const, data: `${baseUrl}/layers/${name}.geojson` });
  return {
    version: 8 as const,
    name: '十小整治 乡镇底图',
    center,
    zoom: 12.5,
    sources: {
      township: source('township'),
      water: source('water'),
      hill: source('hill'),
      road: source('road'),
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': p.background } },
      {
        id: 'township-fill',
        type: 'fill',
        source: 'township',
        paint: { 'fill-color': p.township },
      },
      {
        id: 'hill-fill',
        type: 'fill',
        source: 'hill',
        paint: { 'fill-color': p.hill, 'fill-opacity': 0.9 },
      },
      {
        id: 'water-fill',
        type: 'fill',
        source: 'water',
        filter: ['==', ['geometry-type'], 'Polygon'],
        paint: { 'fill-color': p.water },
      },
      {
        id: 'water-line',
        type: 'line',
        source: 'water',
        filter: ['==', ['geometry-type'], 'LineString'],
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: {
          'line-color': p.water,
          'line-width': ['interpolate', ['exponential', 2], ['zoom'], 11, 2, 14, 6, 17, 30],
        },
      },
      {
        id: 'road-village',
        type: 'line',
        source: 'road',
        filter: ['==', ['get', 'class'], 'village'],
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: {
          'line-color': p.roadVillage,
          'line-width': ['interpolate', ['exponential', 2], ['zoom'], 12, 0.8, 15, 3, 18, 14],
        },
      },
      {
        id: 'road-main-casing',
        type: 'line',
        source: 'road',
        filter: ['==', ['get', 'class'], 'main'],
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: {
          'line-color': p.roadMainCasing,
          'line-width': ['interpolate', ['exponential', 2], ['zoom'], 11, 2.5, 15, 9, 18, 40],
        },
      },
      {
        id: 'road-main',
        type: 'line',
        source: 'road',
        filter: ['==', ['get', 'class'], 'main'],
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: {
          'line-color': p.roadMain,
          'line-width': ['interpolate', ['exponential', 2], ['zoom'], 11, 1.5, 15, 7, 18, 34],
        },
      },
      {
        id: 'township-outline',
        type: 'line',
        source: 'township',
        paint: { 'line-color': p.outline, 'line-width': 2.5, 'line-dasharray': [4, 2] },
      },
    ],
  };
}

export const BASEMAP_LAYERS = ['township', 'water', 'hill', 'road'] as const;
