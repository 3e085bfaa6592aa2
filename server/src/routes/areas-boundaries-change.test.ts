import { readFileSync } from 'node:fs';
import { bbox } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { DEMO_DIR, demoApp } from '../../../tests/helpers/test-app';
import { sendJson, upload } from '../../../tests/helpers/upload';

type App = Awaited<ReturnType<typeof demoApp>>['app'];

const rect = (x0: number, y0: number, x1: number, y1: number): GeoJSON.Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ],
});
const featureCollection = (features: GeoJSON.Feature[]) =>
  JSON.stringify({ type: 'FeatureCollection', features });

/** Imports boundaries at `level` from GeoJSON and commits them; returns the import's id. */
async function importBoundaries(app: App, level: 'township' | 'village', features: GeoJSON.Feature[]) {
  const res = await upload(
    app,
    '/api/imports/boundaries',
    [{ name: 'b.geojson', bytes: featureCollection(features) }],
    {
      level,
    },
  );
  const preview = await res.json();
  expect(res.status, JSON.stringify(preview)).toBe(201);
  const commit = await sendJson(app, 'POST', `/api/imports/boundaries/${preview.importId}/commit`, {});
  expect(commit.status, await commit.clone().text()).toBe(200);
  return preview.importId as number;
}

/** A key-area question: its status and the villages it touches (or the error code). */
async function ask(app: App, geometry: GeoJSON.Polygon) {
  const res = await sendJson(app, 'POST', '/api/areas/stats', { geometry, at: '2009-06-30' });
  const body = await res.json();
  return res.status === 200
    ? { status: 200, villages: (body.villagesTouched as { name: string }[]).map((v) => v.name) }
    : { status: res.status, code: body.error.code as string };
}

describe('key-area answers follow the boundaries (the parsed geography is kept in memory)', {
  timeout: 60_000,
}, () => {
  it('answers with the new township and village boundaries right after an import, and the old ones after its undo', async () => {
    const { app } = await demoApp();
    const township = JSON.parse(
      readFileSync(`${DEMO_DIR}/township.geojson`, 'utf8'),
    ) as GeoJSON.FeatureCollection;
    const [w, s, e, n] = bbox(township);
    // A shape a little east of the township: no township holds it, no village touches it.
    const away = rect(e + 0.02, (s + n) / 2 - 0.005, e + 0.03, (s + n) / 2 + 0.005);
    expect(await ask(app, away)).toEqual({ status: 400, code: 'invalid_geometry' });

    // The township's outline grows east to hold the shape: the very next answer counts it in.
    const wider = rect(w, s, e + 0.05, n);
    const townshipImport = await importBoundaries(app, 'township', [
      { type: 'Feature', properties: { name: '镇界' }, geometry: wider },
    ]);
    expect(await ask(app, away)).toEqual({ status: 200, villages: [] });

    // A village's boundary moves onto the shape: the next answer names it.
    const villages = JSON.parse(
      readFileSync(`${DEMO_DIR}/villages.geojson`, 'utf8'),
    ) as GeoJSON.FeatureCollection;
    const moved = villages.features[0];
    const name = String(moved.properties?.name);
    const villageImport = await importBoundaries(app, 'village', [
      {
        type: 'Feature',
        properties: { name, code: moved.properties?.code },
        geometry: rect(e + 0.015, (s + n) / 2 - 0.01, e + 0.035, (s + n) / 2 + 0.01),
      },
    ]);
    expect(await ask(app, away)).toEqual({ status: 200, villages: [name] });

    // Undone in turn: the village goes back, then the township.
    expect((await sendJson(app, 'POST', `/api/imports/${villageImport}/undo`)).status).toBe(200);
    expect(await ask(app, away)).toEqual({ status: 200, villages: [] });
    expect((await sendJson(app, 'POST', `/api/imports/${townshipImport}/undo`)).status).toBe(200);
    expect(await ask(app, away)).toEqual({ status: 400, code: 'invalid_geometry' });
  });
});
