import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { districtDir } from '../../tests/helpers/district';
import { runCli } from '../../tests/helpers/run-cli';
import { accountToken, actingAs, getJson } from '../../tests/helpers/test-app';
import { createApp } from './app';
import { boot } from './boot';
import { listTownships, listVillages } from './db/geography';
import { getUserByName } from './db/users';
import { campaignSetupSchema } from './domain/campaign-setup';
import { commitBoundaryImport } from './pipelines/commit-boundary-import';
import { setUpCampaign } from './pipelines/set-up-campaign';
import { stageBoundaryImport } from './pipelines/stage-boundary-import';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const cli = (dataDir: string, ...args: string[]) => runCli(dataDir, args, { DEMO: '0' });

/**
 * The villages of one township of the generated district as a boundary file (GeoJSON with code and
 * name), and that township's code and name: what a land office hands over for it.
 */
function townshipFiles(dir: string) {
  const read = (f: string) =>
    JSON.parse(readFileSync(join(districtDir(), f), 'utf8')) as GeoJSON.FeatureCollection;
  const townships = read('township.geojson').features.map(
    (f) => f.properties as { code: string; name: string },
  );
  const villages = read('villages.geojson').features;
  return townships.slice(0, 2).map((t, i) => {
    const file = join(dir, `villages-${i + 1}.geojson`);
    const own = villages.filter((v) => v.properties?.townshipCode === t.code);
    writeFileSync(
      file,
      JSON.stringify({
        type: 'FeatureCollection',
        features: own.map((v) => ({
          type: 'Feature',
          properties: { code: v.properties?.code, name: v.properties?.name },
          geometry: v.geometry,
        })),
      }),
    );
    return { ...t, file, villages: own.length };
  });
}

describe('the CLI sets a district up township by township', { timeout: 120_000 }, () => {
  it('adds a second township with setup --add, imports its villages into it, and scopes an account to it', async () => {
    const data = mkdtempSync(join(tmpdir(), 'shixiao-district-'));
    dirs.push(data);
    const [first, second] = townshipFiles(data);

    // The first township as the page would set it up (in-process: a CLI start costs seconds).
    const first0 = await boot(join(data, 'shixiao.sqlite'), null);
    setUpCampaign(
      first0.ctx,
      campaignSetupSchema.parse({ township: first.name, townshipCode: first.code, start: '2008-01-01' }),
      'test',
    );
    const upload = { name: 'villages-1.geojson', bytes: new Uint8Array(readFileSync(first.file)) };
    commitBoundaryImport(first0.ctx, stageBoundaryImport(first0.ctx, [upload]));
    first0.db.close();

    const added = await cli(data, 'setup', '--add', '--township', second.name, '--code', second.code);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain(`import boundaries FILE --township ${second.code}`);
    const again = await cli(data, 'setup', '--add', '--township', second.name, '--code', second.code);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already');

    // With two townships a village file must say whose villages it holds.
    const unnamed = await cli(data, 'import', 'boundaries', second.file);
    expect(unnamed.code).toBe(1);
    expect(unnamed.stderr).toContain('--township CODE');

    const imported = await cli(data, 'import', 'boundaries', second.file, '--township', second.code);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain(`${second.villages} new villages`);

    const user = await cli(
      data,
      'user',
      'add',
      'zhen2',
      '--role',
      'leader',
      '--townships',
      second.code,
      '--password',
      'correct horse 2',
    );
    expect(user.code, user.stderr).toBe(0);
    expect(user.stdout).toContain(`townships ${second.code}`);

    const { db, ctx } = await boot(join(data, 'shixiao.sqlite'), null);
    const townships = listTownships(db);
    expect(townships.map((t) => [t.code, t.name])).toEqual([
      [first.code, first.name],
      [second.code, second.name],
    ]);
    const byTownship = (id: number) => listVillages(db).filter((v) => v.townshipId === id).length;
    expect([byTownship(townships[0].id), byTownship(townships[1].id)]).toEqual([
      first.villages,
      second.villages,
    ]);
    expect(getUserByName(db, 'zhen2')?.townshipCodes).toEqual([second.code]);
    const app = actingAs(createApp(ctx), accountToken(db, 'check', 'admin'));
    const ranked = await getJson<{ townships: { code: string }[] }>(app, '/api/townships?at=2009-01-01');
    expect(ranked.townships.map((t) => t.code).sort()).toEqual([first.code, second.code].sort());
    db.close();
  });
});
