import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInFetch } from '../helpers/api-session';
import { TEST_ADMIN_PASSWORD } from '../helpers/app-in-browser';
import { type RunningServer, startServer } from '../helpers/server-process';

const run = promisify(execFile);

/** A GDAL command's output, or its failure's, with its exit code (GDAL reports HTTP errors on stderr). */
async function gdal(command: string, args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(command, args, {
      env: { ...process.env, NO_PROXY: '127.0.0.1', no_proxy: '127.0.0.1' },
      timeout: 60_000,
    });
    return { code: 0, out: `${stdout}${stderr}` };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

describe('GDAL reads the OGC API – Features of the running server with an API token', () => {
  let server: RunningServer;
  let token: string;
  let source: string;
  const outDir = mkdtempSync(join(tmpdir(), 'sx-ogc-'));
  /** GDAL 3.6+ takes request headers from this option (older ones need GDAL_HTTP_HEADER_FILE). */
  const bearer = () => ['--config', 'GDAL_HTTP_HEADERS', `Authorization: Bearer ${token}`];

  beforeAll(async () => {
    server = await startServer({ ADMIN_PASSWORD: TEST_ADMIN_PASSWORD });
    source = `OAPIF:${server.url}/ogc`;
    const api = await signedInFetch(server.url);
    const made = await api('/api/tokens', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'QGIS', user: 'admin' }),
    });
    expect(made.status).toBe(201);
    token = ((await made.json()) as { token: string }).token;
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(outDir, { recursive: true, force: true });
  });

  /** What the API itself counts: the premises surveyed by the live day the OGC API shows. */
  async function surveyedOnLiveDay(): Promise<number> {
    const headers = { authorization: `Bearer ${token}` };
    const page = await fetch(`${server.url}/ogc/collections/premises/items?limit=1`, { headers });
    const at = ((await page.json()) as GeoJSON.FeatureCollection).features[0].properties?.at;
    const stats = await fetch(`${server.url}/api/stats?at=${at}`, { headers });
    return ((await stats.json()) as { surveyed: number }).surveyed;
  }

  it('lists the premises layer with its feature count (ogrinfo)', async () => {
    const { code, out } = await gdal('ogrinfo', ['-ro', '-so', source, 'premises', ...bearer()]);
    expect(code, out).toBe(0);
    expect(out).toContain('Layer name: premises');
    expect(out).toMatch(/Geometry: Point/);
    expect(out).toMatch(/^status: String/m);
    const count = Number(/Feature Count: (\d+)/.exec(out)?.[1]);
    expect(count).toBeGreaterThan(1000);
    expect(count).toBe(await surveyedOnLiveDay());
  });

  it('lists every collection as a layer', async () => {
    const { code, out } = await gdal('ogrinfo', ['-ro', '-q', source, ...bearer()]);
    expect(code, out).toBe(0);
    for (const layer of ['villages', 'areas', 'premises']) expect(out).toContain(layer);
  });

  it('copies the villages and, page by page, the premises into GeoJSON (ogr2ogr)', async () => {
    const villagesFile = join(outDir, 'villages.geojson');
    const villages = await gdal('ogr2ogr', ['-f', 'GeoJSON', villagesFile, source, 'villages', ...bearer()]);
    expect(villages.code, villages.out).toBe(0);
    const copied = JSON.parse(readFileSync(villagesFile, 'utf8')) as GeoJSON.FeatureCollection;
    const served = (await (
      await fetch(`${server.url}/api/villages`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as GeoJSON.FeatureCollection;
    expect(copied.features.length).toBe(served.features.length);
    expect(copied.features.map((f) => f.properties?.code).sort()).toEqual(
      served.features.map((f) => f.properties?.code).sort(),
    );

    const premisesFile = join(outDir, 'premises.geojson');
    const premises = await gdal('ogr2ogr', [
      '-f',
      'GeoJSON',
      premisesFile,
      source,
      'premises',
      '-oo',
      'PAGE_SIZE=500',
      ...bearer(),
    ]);
    expect(premises.code, premises.out).toBe(0);
    const rows = JSON.parse(readFileSync(premisesFile, 'utf8')) as GeoJSON.FeatureCollection;
    expect(rows.features.length).toBe(await surveyedOnLiveDay());
    expect(new Set(rows.features.map((f) => f.properties?.id)).size).toBe(rows.features.length);
  });

  it('is refused without the token, with the OGC exception GDAL shows', async () => {
    const { code, out } = await gdal('ogrinfo', ['-ro', '-so', source, 'premises']);
    expect(code).not.toBe(0);
    expect(out).toContain('401');
    expect(out).toContain('NotAuthenticated');
  });
});
