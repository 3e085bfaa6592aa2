import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import proj4 from 'proj4';
import { afterAll, describe, expect, it } from 'vitest';
import { REAL_WORLD } from '../../tests/helpers/real-world-fixtures';
import { runCli } from '../../tests/helpers/run-cli';
import { DEMO_DIR } from '../../tests/helpers/test-app';
import { writeShapefile } from '../../tests/helpers/write-shapefile';
import { verifyPassword } from './auth/passwords';
import { secretHash } from './auth/secret-token';
import { boot } from './boot';
import { MIGRATIONS } from './db/migrations';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'shixiao-cli-'));
  dirs.push(d);
  return d;
}

/** Runs the CLI as `npm run cli` does, on its own database in `dataDir`. */
const cli = (dataDir: string, ...args: string[]) => runCli(dataDir, args);

describe('the CLI', () => {
  it('imports a premise list, lists it, exports the ledger and undoes the import', async () => {
    const data = tempDir();
    const list = join(data, '摸底.csv');
    writeFileSync(
      list,
      '\uFEFF店名,负责人,经营地址,所属村,行业,经度,纬度,摸底日期\n新开张面馆,王五,丁桥镇大唐村1组99号,大唐村,小吃,120.2101,30.3418,2008-03-15\n',
    );
    const imported = await cli(data, 'import', 'premises', list);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/read 1 rows from 摸底\.csv \(csv, UTF-8 with BOM\); import 1/);
    expect(imported.stdout).toMatch(/imported: 1 new premises, 0 merged, 0 skipped, 1 records/);

    const listed = await cli(data, 'imports', 'list');
    expect(listed.stdout).toMatch(/^1\tpremises\tcommitted\t/m);

    const out = join(data, 'ledger.csv');
    const exported = await cli(
      data,
      'export',
      'premises',
      '--format',
      'csv',
      '--at',
      '2008-03-15',
      '--category',
      'restaurant',
      '--out',
      out,
    );
    expect(exported.code).toBe(0);
    const csv = readFileSync(out, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('新开张面馆');

    const undone = await cli(data, 'imports', 'undo', '1');
    expect(undone.code).toBe(0);
    expect(undone.stdout).toMatch(/undone import 1: removed 1 premises/);
  }, 60_000);

  it('refuses a list with errors: non-zero exit, the rows and the reason', async () => {
    const data = tempDir();
    const list = join(data, 'bad.csv');
    writeFileSync(list, '店名,经营地址,行业,经度,纬度\n巴黎的店,巴黎,小卖部,2.3522,48.8566\n');
    const r = await cli(data, 'import', 'premises', list, '--dry-run');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/row 2, 经度: got "2\.3522", expected a point in China/);
    expect(r.stderr).toBe('error: 1 of 1 rows have errors; nothing was imported\n');
    const missing = await cli(data, 'import', 'premises', join(data, 'nope.xlsx'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^error: cannot read .*nope\.xlsx: ENOENT/);
  }, 60_000);

  it('previews land-bureau boundaries with --dry-run and refuses a broken KML', async () => {
    const data = tempDir();
    const villages = JSON.parse(
      readFileSync(join(DEMO_DIR, 'villages.geojson'), 'utf8'),
    ) as GeoJSON.FeatureCollection<GeoJSON.Polygon>;
    const gk = '+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';
    const shp = writeShapefile(
      villages.features.slice(0, 2).map((f) => ({
        rings: f.geometry.coordinates.map((r) => r.map((p) => proj4('EPSG:4326', gk, [p[0], p[1]]))),
        attributes: { XZQDM: String(f.properties?.code), XZQMC: String(f.properties?.name) },
      })),
      'gbk',
    );
    for (const ext of ['shp', 'shx', 'dbf'] as const) writeFileSync(join(data, `cun.${ext}`), shp[ext]);
    const r = await cli(
      data,
      'import',
      'boundaries',
      join(data, 'cun.shp'),
      join(data, 'cun.shx'),
      join(data, 'cun.dbf'),
      '--crs',
      'EPSG:4549',
      '--dry-run',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/read 2 boundaries .*coordinate system EPSG:4549: as chosen/);
    expect(r.stdout).toContain(`→ ${villages.features[0].properties?.name} (by code)`);
    expect(r.stdout).toMatch(/dry run: nothing was changed/);
    const bad = await cli(data, 'import', 'boundaries', join(REAL_WORLD, 'kml/bad.kml'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(
      /^error: bad\.kml has unreadable coordinates: placemark 0: the coordinates "no,no"/,
    );
  }, 60_000);

  it('exports a GeoPackage, imports address points, and says how to call it', async () => {
    const data = tempDir();
    const gpkg = join(data, 'p.gpkg');
    const exported = await cli(
      data,
      'export',
      'premises',
      '--format',
      'gpkg',
      '--at',
      '2009-06-30',
      '--out',
      gpkg,
    );
    expect(exported.code).toBe(0);
    expect(existsSync(gpkg)).toBe(true);
    expect(readFileSync(gpkg).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\u0000');
    const points = join(data, 'plates.csv');
    writeFileSync(points, '村社区,组,号,经度,纬度\n大唐村,1,301,120.2101,30.3418\n');
    const addr = await cli(data, 'import', 'addresses', points);
    expect(addr.stderr).toBe('');
    expect(addr.stdout).toMatch(/imported 1 address points/);
    const usage = await cli(data, 'export', 'premises', '--format', 'pdf', '--out', 'x');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(
      /^error: --format must be one of xlsx, csv, geojson, gpkg, not pdf\n\nusage: npm run cli/,
    );
  }, 60_000);

  it('imports door plates: good rows in, bad rows listed; --strict refuses, --dry-run writes nothing', async () => {
    const data = tempDir();
    const points = join(data, '门牌.csv');
    writeFileSync(
      points,
      '村社区,组,号,经度,纬度\n大唐村,1,301,120.2101,30.3418\n大唐村,1,x,120.2101,30.3418\n大唐村,1,302,30.3419,120.2102\n',
    );
    const dry = await cli(data, 'import', 'addresses', points, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/dry run: would import 2 address points; nothing was written/);

    const report = join(data, 'errors.csv');
    const strict = await cli(data, 'import', 'addresses', points, '--strict', '--errors', report);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('error: row 3, 号: got "x", expected a door number from 1 to 99999');
    expect(strict.stdout).toContain(
      'warning: row 4, 经度: got "30.3419", expected 经度 and 纬度 the right way round',
    );
    expect(strict.stderr).toBe(
      'error: 1 of 3 rows have errors; with strict nothing was imported (the error report lists every problem)\n',
    );
    expect(readFileSync(report, 'utf8')).toContain('3,号,x,');

    const partial = await cli(data, 'import', 'addresses', points, '--crs', 'WGS84');
    expect(partial.stderr).toBe('');
    expect(partial.code).toBe(0);
    expect(partial.stdout).toMatch(/imported 2 address points, rejected 1 rows \(undo: imports undo 2\)/);
    expect((await cli(data, 'imports', 'list')).stdout).toMatch(
      /^2\taddresses\tcommitted\t.*\t门牌\.csv\t3 rows$/m,
    );
    expect((await cli(data, 'imports', 'undo', '2')).code).toBe(0);
  }, 60_000);

  it('keeps accounts and tokens with the API’s rules, shows secrets once, and audits every change as cli', async () => {
    const data = tempDir();
    const villages = JSON.parse(readFileSync(join(DEMO_DIR, 'villages.geojson'), 'utf8'));
    const code = String(villages.features[0].properties.code);
    const added = await cli(data, 'user', 'add', 'wangli', '--role', 'village', '--villages', code);
    expect(added.code).toBe(0);
    expect(added.stdout).toContain(`added wangli (village: ${code})`);
    const password = /password: (\S+) {2}\(shown this once/.exec(added.stdout)?.[1] ?? '';

    const noDepartment = await cli(
      data,
      'user',
      'add',
      'li',
      '--role',
      'inspector',
      '--password',
      'long-enough-1',
    );
    expect(noDepartment.code).toBe(1);
    expect(noDepartment.stderr).toMatch(/^error: department: an inspector belongs to a department \(aic, /);
    const badRole = await cli(data, 'user', 'add', 'li', '--role', 'boss');
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toMatch(
      /^error: role: expected one of admin, leader, village, inspector, viewer\n/,
    );

    expect((await cli(data, 'user', 'disable', 'wangli')).stdout).toBe(
      'disabled wangli (and ended their sessions)\n',
    );
    const reset = await cli(data, 'user', 'reset', 'wangli');
    const newPassword = /new password for wangli: (\S+)/.exec(reset.stdout)?.[1] ?? '';
    const token = await cli(data, 'token', 'add', 'QGIS on the GIS PC', '--user', 'wangli');
    expect(token.code).toBe(0);
    const secret = token.stdout.split('\n')[1];
    expect(secret).toMatch(/^sx_[\w-]{43}$/);
    expect((await cli(data, 'token', 'revoke', '1')).stdout).toBe(
      'revoked token 1 "QGIS on the GIS PC" of wangli\n',
    );
    const listed = await cli(data, 'user', 'list');
    expect(listed.stdout).toContain(`wangli\tvillage\t${code}\tdisabled\n`);
    expect(listed.stdout).not.toContain('scrypt');
    expect((await cli(data, 'token', 'list')).stdout).toMatch(
      /^1\tQGIS on the GIS PC\twangli\tcreated .*\trevoked /,
    );

    const db = new Database(join(data, 'shixiao.sqlite'), { readonly: true });
    try {
      const user = db
        .prepare("SELECT password_hash, must_change_password, disabled FROM users WHERE username = 'wangli'")
        .get() as { password_hash: string; must_change_password: number; disabled: number };
      expect(await verifyPassword(password, user.password_hash)).toBe(false);
      expect(await verifyPassword(newPassword, user.password_hash)).toBe(true);
      expect([user.must_change_password, user.disabled]).toEqual([1, 1]);
      expect(db.prepare('SELECT token_hash FROM api_tokens').pluck().get()).toBe(secretHash(secret));
      const changes = db
        .prepare("SELECT action || ' ' || entity FROM audit_log WHERE actor = 'cli' ORDER BY id")
        .pluck()
        .all();
      expect(changes).toEqual([
        'create user',
        'update user',
        'reset_password user',
        'create token',
        'revoke token',
      ]);
    } finally {
      db.close();
    }
  }, 180_000);

  it('backs up and restores: refuses what is no record of this product, migrates an older one, never half-restores', async () => {
    const data = tempDir();
    const elsewhere = tempDir();
    const dbFile = join(data, 'shixiao.sqlite');
    (await boot(dbFile, DEMO_DIR)).db.close();
    const backup = join(elsewhere, 'backup.sqlite');
    const made = await cli(data, 'backup', backup);
    expect(made.stdout).toMatch(
      /^backed up 1200 premises, \d+ records, 0 accounts \(schema \d+, [\d.]+ MB\) to /,
    );
    expect((await cli(data, 'backup', backup)).stderr).toMatch(/already exists; name a new file/);

    const dbId = (file: string) => {
      const db = new Database(file, { readonly: true });
      try {
        return db.prepare("SELECT value FROM meta WHERE key = 'db_id'").pluck().get();
      } finally {
        db.close();
      }
    };
    const before = dbId(dbFile);
    const notes = join(elsewhere, 'notes.txt');
    writeFileSync(notes, '这不是数据库');
    const notDb = await cli(data, 'restore', notes);
    expect([notDb.code, notDb.stderr]).toEqual([
      1,
      'error: notes.txt is not a SQLite database; nothing was restored\n',
    ]);
    const other = join(elsewhere, 'other.sqlite');
    const otherDb = new Database(other);
    otherDb.exec('CREATE TABLE t (x)');
    otherDb.close();
    const foreign = await cli(data, 'restore', other);
    expect(foreign.code).toBe(1);
    expect(foreign.stderr).toMatch(
      /^error: other\.sqlite is a SQLite database but not a record of 十小整治一张图/,
    );
    // A backup damaged on the way (a page overwritten) is refused and the record stays as it was.
    const damaged = join(elsewhere, 'damaged.sqlite');
    const bytes = readFileSync(backup);
    bytes.fill(0x5a, 8192, 16384);
    writeFileSync(damaged, bytes);
    const broken = await cli(data, 'restore', damaged);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(
      /^error: damaged\.sqlite (is damaged|cannot be read).*nothing was restored/,
    );
    expect(dbId(dbFile)).toBe(before);

    // A backup from before accounts (schema 8) is brought up to date and gets its first admin.
    const old = join(elsewhere, 'old.sqlite');
    const oldDb = new Database(old);
    oldDb.exec(
      'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT)',
    );
    for (const m of MIGRATIONS.filter((m) => m.version <= 8)) {
      oldDb.exec(m.sql);
      oldDb.prepare('INSERT INTO schema_migrations (version, name) VALUES (?, ?)').run(m.version, m.name);
    }
    oldDb.close();
    const restored = await cli(data, 'restore', old);
    expect(restored.stderr).toBe('');
    expect(restored.stdout).toMatch(/^restored 0 premises, 0 records, 0 accounts/);
    expect(restored.stdout).toContain(
      `brought up to date: migrations ${MIGRATIONS.slice(8)
        .map((m) => m.version)
        .join(', ')}`,
    );
    expect(restored.stdout).toMatch(/username: admin {4}password: \S+/);
    const after = dbId(dbFile);
    expect(after).toMatch(/^[0-9a-f]{32}$/);
    expect(after).not.toBe(before);
    expect(readFileSync(old).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\u0000');
  }, 180_000);
});
