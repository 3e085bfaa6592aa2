import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Jimp } from 'jimp';
import { describe, expect, it, onTestFinished } from 'vitest';
import { accountToken, actingAs, DEMO_DIR, demoApp } from '../../../tests/helpers/test-app';
import { keepForClosing, sharedTestRecord } from '../../../tests/helpers/test-store';
import { createApp } from '../app';
import { boot } from '../boot';
import { dialectOf } from '../db/open-database';
import type { photoView } from '../http/premise-views';
import { type App, daysAgo, newPremise, pointIn, send, sendOk, villages } from './premise-writes.fixture';

type Photo = ReturnType<typeof photoView>;

/** The demo, its photos folder removed when the test ends. */
async function photoApp() {
  const demo = await demoApp();
  onTestFinished(() => rmSync(demo.ctx.files.photosDir, { recursive: true, force: true }));
  return demo;
}

async function image(mime: 'image/jpeg' | 'image/png', width: number, height: number): Promise<Uint8Array> {
  const img = new Jimp({ width, height, color: 0x3388ccff });
  return new Uint8Array(await img.getBuffer(mime));
}

/** The header of a lossless WebP of width × height (enough to be recognised and measured). */
function webp(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(64);
  bytes.set(new TextEncoder().encode('RIFF'), 0);
  new DataView(bytes.buffer).setUint32(4, 56, true);
  bytes.set(new TextEncoder().encode('WEBPVP8L'), 8);
  new DataView(bytes.buffer).setUint32(16, 44, true);
  bytes[20] = 0x2f;
  new DataView(bytes.buffer).setUint32(21, (width - 1) | ((height - 1) << 14), true);
  return bytes;
}

function upload(
  app: App,
  premiseId: number,
  files: [string, Uint8Array, string][],
  extra: Record<string, string> = {},
) {
  const form = new FormData();
  for (const [field, bytes, name] of files) form.append(field, new File([new Uint8Array(bytes)], name));
  for (const [k, v] of Object.entries(extra)) form.append(k, v);
  return app.request(`/api/premises/${premiseId}/photos`, { method: 'POST', body: form });
}

async function uploaded(
  app: App,
  premiseId: number,
  files: [string, Uint8Array, string][],
): Promise<Photo[]> {
  const res = await upload(app, premiseId, files);
  const text = await res.text();
  expect(res.status, text).toBe(201);
  return (JSON.parse(text) as { photos: Photo[] }).photos;
}

describe('photos on a premise file', () => {
  it('keeps a JPEG and a PNG with thumbnails made on the server (at most 320 px, never enlarged)', async () => {
    const { app, db } = await photoApp();
    const file = await newPremise(app, pointIn(villages(db)[0]));
    const jpeg = await image('image/jpeg', 800, 600);
    const [big, small] = await uploaded(app, file.id, [
      ['file', jpeg, 'IMG_0001.JPG'],
      ['file', await image('image/png', 100, 50), 'sketch.png'],
    ]);
    expect(big).toMatchObject({ mime: 'image/jpeg', width: 800, height: 600, uploadedBy: 'test-admin' });
    expect(big.thumb).toEqual({ mime: 'image/jpeg', width: 320, height: 240 });
    expect(small.thumb).toEqual({ mime: 'image/png', width: 100, height: 50 });
    const original = await app.request(big.url);
    expect(original.headers.get('content-type')).toBe('image/jpeg');
    expect(new Uint8Array(await original.arrayBuffer())).toEqual(jpeg);
    const thumb = await Jimp.read(Buffer.from(await (await app.request(big.thumbUrl)).arrayBuffer()));
    expect([thumb.width, thumb.height]).toEqual([320, 240]);
    const listed = await sendOk<{ photos: Photo[] }>(app, 'GET', `/api/premises/${file.id}`, undefined, 200);
    expect(listed.photos.map((p) => p.id)).toEqual([big.id, small.id]);
  });

  it('judges the type by the bytes and refuses what is not a photo, too large, or a WebP without its thumbnail', async () => {
    const { app, db } = await photoApp();
    const file = await newPremise(app, pointIn(villages(db)[0]));
    const fake = await upload(app, file.id, [
      ['file', new TextEncoder().encode('not an image at all'), 'photo.jpg'],
    ]);
    expect(fake.status).toBe(415);
    const huge = new Uint8Array(9 * 1024 * 1024);
    huge.set([0xff, 0xd8, 0xff, 0xe0]);
    expect((await upload(app, file.id, [['file', huge, 'huge.jpg']])).status).toBe(413);
    const bare = await upload(app, file.id, [['file', webp(1200, 900), 'a.webp']]);
    expect(bare.status).toBe(415);
    expect(((await bare.json()) as { error: { code: string } }).error.code).toBe('webp_needs_thumbnail');
    const [withThumb] = await uploaded(app, file.id, [
      ['file', webp(1200, 900), 'a.webp'],
      ['thumbnail', await image('image/jpeg', 320, 240), 'a-thumb.jpg'],
    ]);
    expect(withThumb).toMatchObject({ mime: 'image/webp', width: 1200, height: 900 });
    expect(withThumb.thumb).toEqual({ mime: 'image/jpeg', width: 320, height: 240 });
    const json = await send(app, 'POST', `/api/premises/${file.id}/photos`, {});
    expect(json.status).toBe(400);
    expect(db.prepare('SELECT count(*) FROM photos').pluck().get()).toBe(1);
  });

  it('keeps a photo sent again under the same clientId once (an answer lost on the way), per premise', async () => {
    const { app, db } = await photoApp();
    const [one, other] = [
      await newPremise(app, pointIn(villages(db)[0])),
      await newPremise(app, pointIn(villages(db)[1])),
    ];
    const jpeg = await image('image/jpeg', 400, 300);
    const clientId = '0b7e3c1a-5d2f-4e8a-9c61-2f4d8a7b9e10.0';
    const first = await upload(app, one.id, [['file', jpeg, 'IMG_0002.JPG']], { clientId });
    expect(first.status).toBe(201);
    const [kept] = ((await first.json()) as { photos: Photo[] }).photos;
    const again = await upload(app, one.id, [['file', jpeg, 'IMG_0002.JPG']], { clientId });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ photos: [kept], replayed: true });
    const count = (premiseId: number) =>
      db.prepare('SELECT count(*) FROM photos WHERE premise_id = ?').pluck().get(premiseId);
    expect(count(one.id)).toBe(1);
    // another id, or the same id on another premise, is another photo
    expect((await upload(app, one.id, [['file', jpeg, 'b.jpg']], { clientId: `${clientId}1` })).status).toBe(
      201,
    );
    expect((await upload(app, other.id, [['file', jpeg, 'c.jpg']], { clientId })).status).toBe(201);
    expect([count(one.id), count(other.id)]).toEqual([2, 1]);
    // an id names one photo: two under one id, or an id that is not one, are refused in both languages
    const two = await upload(
      app,
      one.id,
      [
        ['file', jpeg, 'd.jpg'],
        ['file', jpeg, 'e.jpg'],
      ],
      { clientId: 'another-upload-id' },
    );
    expect(two.status).toBe(400);
    expect(((await two.json()) as { error: { messageZh: string } }).error.messageZh).toContain('clientId');
    expect((await upload(app, one.id, [['file', jpeg, 'f.jpg']], { clientId: 'a b' })).status).toBe(400);
    expect(count(one.id)).toBe(2);
  });

  it('shows a photo only within the reader’s scope, and lets only its uploader or the admin delete it', async () => {
    const { app, db } = await photoApp();
    const [home, away] = villages(db);
    const officer = actingAs(app, accountToken(db, 'cunguan', 'village', { villageCodes: [home.code] }));
    const neighbour = actingAs(app, accountToken(db, 'cunguan2', 'village', { villageCodes: [home.code] }));
    const stranger = actingAs(app, accountToken(db, 'waicun', 'village', { villageCodes: [away.code] }));
    const file = await newPremise(officer, pointIn(home));
    const [photo] = await uploaded(officer, file.id, [['file', await image('image/jpeg', 40, 30), 'a.jpg']]);
    expect((await stranger.request(photo.url)).status).toBe(403);
    expect((await stranger.request(photo.thumbUrl)).status).toBe(403);
    expect(
      (await upload(stranger, file.id, [['file', await image('image/png', 4, 4), 'b.png']])).status,
    ).toBe(403);
    expect((await neighbour.request(photo.url)).status).toBe(200);
    expect((await send(neighbour, 'DELETE', photo.url)).status).toBe(403);
    const deleted = await send(officer, 'DELETE', photo.url);
    expect(deleted.status).toBe(200);
    expect((await app.request(photo.url)).status).toBe(404);
    const audit = db.prepare("SELECT actor, action FROM audit_log WHERE entity = 'photo' ORDER BY id").all();
    expect(audit).toEqual([
      { actor: 'cunguan', action: 'create' },
      { actor: 'cunguan', action: 'delete' },
    ]);
  });

  it('files photos under an inspection, once', async () => {
    const { app, db } = await photoApp();
    const file = await newPremise(app, pointIn(villages(db)[0]));
    const [photo] = await uploaded(app, file.id, [['file', await image('image/jpeg', 64, 48), 'a.jpg']]);
    const body = { date: daysAgo(1), items: [{ code: 'hygiene.clean', passed: true }], photos: [photo.id] };
    const answer = await sendOk<{ record: { id: number; photoIds: number[] } }>(
      app,
      'POST',
      `/api/premises/${file.id}/inspections`,
      body,
      201,
    );
    expect(answer.record.photoIds).toEqual([photo.id]);
    const twice = await send(app, 'POST', `/api/premises/${file.id}/inspections`, body);
    expect(twice.status).toBe(400);
    const other = await newPremise(app, pointIn(villages(db)[0]));
    expect(
      (await send(app, 'POST', `/api/premises/${other.id}/inspections`, { ...body, photos: [photo.id] }))
        .status,
    ).toBe(400);
  });
});

describe('where a photo is kept', () => {
  /** A server on the record with its own DATA_DIR/photos, acting as an admin. */
  async function server(target: string, name: string) {
    const photosDir = mkdtempSync(join(tmpdir(), `photos-${name}-`));
    onTestFinished(() => rmSync(photosDir, { recursive: true, force: true }));
    const booted = await boot(target, DEMO_DIR, { photosDir });
    keepForClosing(booted.db);
    const app = actingAs(createApp(booted.ctx), accountToken(booted.db, `photo-admin-${name}`, 'admin'));
    return { ...booted, app, photosDir };
  }

  it('on PostgreSQL in the record, so every server sharing it shows it; on SQLite as a file under DATA_DIR', async () => {
    const target = await sharedTestRecord('demo', DEMO_DIR);
    const a = await server(target, 'a');
    const b = await server(target, 'b');
    const file = await newPremise(a.app, pointIn(villages(a.db)[0]));
    const jpeg = await image('image/jpeg', 96, 64);
    const [photo] = await uploaded(a.app, file.id, [['file', jpeg, 'door.jpg']]);
    const bytesOn = async (app: App) => {
      const res = await app.request(photo.url);
      return res.status === 200 ? new Uint8Array(await res.arrayBuffer()) : res.status;
    };
    expect(await bytesOn(a.app)).toEqual(jpeg);
    const onDisk = existsSync(join(a.photosDir, String(file.id)));
    if (dialectOf(a.db) === 'postgres') {
      // Another server, with a DATA_DIR of its own, shows the same bytes; nothing went to a folder.
      expect(await bytesOn(b.app)).toEqual(jpeg);
      expect(onDisk).toBe(false);
      expect(a.db.prepare('SELECT count(*) FROM photo_files').pluck().get()).toBe(2);
      // A photo from before the record kept them, its file under DATA_DIR/photos, still shows there.
      const { file: path } = a.db.prepare('SELECT file FROM photos WHERE id = ?').get(photo.id) as {
        file: string;
      };
      const kept = a.db
        .prepare('SELECT bytes FROM photo_files WHERE path = ?')
        .pluck()
        .get(path) as Uint8Array;
      a.db.prepare('DELETE FROM photo_files WHERE path = ?').run(path);
      mkdirSync(join(a.photosDir, String(file.id)), { recursive: true });
      writeFileSync(join(a.photosDir, path), kept);
      expect(await bytesOn(a.app)).toEqual(jpeg);
      expect((await a.app.request(photo.url, { method: 'DELETE' })).status).toBe(200);
      expect(a.db.prepare('SELECT count(*) FROM photo_files').pluck().get()).toBe(0);
      expect(existsSync(join(a.photosDir, path))).toBe(false);
    } else {
      // One SQLite server holds the record: a second one needs the same DATA_DIR, and says what is missing.
      expect(onDisk).toBe(true);
      const missing = await b.app.request(photo.url);
      expect(missing.status).toBe(404);
      expect(((await missing.json()) as { error: { messageZh: string } }).error.messageZh).toContain(
        '已缺失',
      );
    }
  });
});
