import { describe, expect, it } from 'vitest';
import type { PremiseRecord } from '../api';
import { ApiRequestError } from '../api-errors';
import { Outbox, type OutboxTransport } from './outbox';
import type { NewOutboxItem, OutboxItem } from './outbox-item';
import { memoryOutboxStore } from './outbox-store';

const PREMISE = 7;

/** A record as the server lists it, with only what the outbox reads. */
const record = (id: number, extra: Partial<PremiseRecord> = {}) =>
  ({ id, date: '2026-12-01', type: 'inspected', actor: 'other', ...extra }) as PremiseRecord;

/**
 * A server in memory that behaves as ours does where the outbox depends on it: a step sent again
 * with the same clientId is recorded once; the network can be down; a step can be refused; the
 * answer to a step can be lost on the way after the step was recorded.
 */
class FakeServer implements OutboxTransport {
  online = true;
  refuse: ApiRequestError | null = null;
  loseNextAnswer = false;
  loseNextUploadAnswer = false;
  /** The photos kept, by the phone's id for each upload (as the server does). */
  photoIds = new Map<string, number>();
  records: PremiseRecord[] = [record(100, { actor: 'cunguan', type: 'surveyed' })];
  photos = 0;
  uploads = 0;
  steps = 0;

  private reach() {
    if (!this.online) throw new TypeError('Failed to fetch');
  }
  async uploadPhoto(_premiseId: number, _photo: unknown, clientId: string) {
    this.reach();
    this.uploads++;
    const id = this.photoIds.get(clientId) ?? ++this.photos;
    this.photoIds.set(clientId, id);
    if (this.loseNextUploadAnswer) {
      this.loseNextUploadAnswer = false;
      throw new TypeError('network changed');
    }
    return id;
  }
  async recordsSince(_premiseId: number, afterEventId: number) {
    this.reach();
    return this.records.filter((r) => r.id > afterEventId);
  }
  async sendStep(
    _premiseId: number,
    _work: unknown,
    sent: { clientId: string; basedOnEventId?: number; photos: number[] },
  ) {
    this.reach();
    this.steps++;
    if (this.refuse) throw this.refuse;
    let main = this.records.find((r) => r.clientId === sent.clientId);
    const replayed = main !== undefined;
    if (!main) {
      main = record(this.nextId(), { clientId: sent.clientId, actor: 'cunguan', photoIds: sent.photos });
      this.records.push(main, record(this.nextId(), { type: 'ordered', parentEventId: main.id }));
    }
    if (this.loseNextAnswer) {
      this.loseNextAnswer = false;
      throw new TypeError('network changed');
    }
    const mainId = main.id;
    const newer = this.records.filter(
      (r) => r.id > (sent.basedOnEventId ?? Infinity) && r.id !== mainId && r.parentEventId !== mainId,
    );
    return {
      record: main,
      state: { status: 'rectifying' },
      replayed,
      ...(newer.length > 0 ? { conflict: { newer } } : {}),
    } as Awaited<ReturnType<OutboxTransport['sendStep']>>;
  }
  recorded(clientId: string) {
    return this.records.filter((r) => r.clientId === clientId);
  }
  private nextId() {
    return Math.max(...this.records.map((r) => r.id)) + 1;
  }
}

let n = 0;
function inspection(photos = 1, basedOnEventId: number | null = 100): NewOutboxItem {
  n++;
  return {
    clientId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    username: 'cunguan',
    premiseName: '大唐小吃',
    work: {
      kind: 'inspection',
      premiseId: PREMISE,
      basedOnEventId,
      photos: Array.from({ length: photos }, (_, k) => ({
        bytes: new Uint8Array([k, 1, 2]).buffer,
        mime: 'image/jpeg' as const,
        name: `p${k}.jpg`,
        uploadedId: null,
      })),
      body: { date: '2026-12-01', items: [{ code: 'hygiene.clean', passed: false }], problems: [] },
    },
  };
}

function outboxOn(server: FakeServer, store = memoryOutboxStore(), user: string | null = 'cunguan') {
  return new Outbox(store, server, { user: () => user });
}

const unsent = (items: readonly OutboxItem[]) => items.filter((i) => i.state !== 'synced');

describe('Outbox', () => {
  it('keeps a record made offline as pending, and sends it once the network is back', async () => {
    const server = new FakeServer();
    server.online = false;
    const store = memoryOutboxStore();
    const outbox = outboxOn(server, store);
    const kept = await outbox.submit(inspection());
    expect(kept).toMatchObject({ state: 'pending', attempts: 1 });
    expect(kept.lastError).toContain('Failed to fetch');
    expect(outbox.snapshot().offline).toBe(true);
    // the page was closed meanwhile: a new outbox over the same store finds it
    const reopened = outboxOn(server, store);
    await reopened.ready;
    expect(unsent(reopened.items)).toHaveLength(1);
    server.online = true;
    expect(await reopened.flush()).toBe('done');
    expect(unsent(reopened.items)).toEqual([]);
    const [sent] = reopened.items;
    expect(sent.state).toBe('synced');
    expect(server.recorded(sent.clientId)).toHaveLength(1);
    expect(server.recorded(sent.clientId)[0].photoIds).toEqual([1]);
    expect(sent.work.photos[0].bytes.byteLength).toBe(0);
    expect(reopened.snapshot().offline).toBe(false);
  });

  it('records a step once when it is sent again with the same clientId (an answer lost on the way)', async () => {
    const server = new FakeServer();
    const outbox = outboxOn(server);
    const item = inspection(2);
    server.loseNextAnswer = true;
    const first = await outbox.submit(item);
    expect(first.state).toBe('pending');
    // a double tap keeps one item
    await outbox.add(item);
    expect(outbox.items).toHaveLength(1);
    await outbox.flush();
    expect(outbox.items[0]).toMatchObject({ state: 'synced', result: { replayed: true } });
    expect(server.steps).toBe(2);
    expect(server.recorded(item.clientId)).toHaveLength(1);
    // the photos went up once: their ids were kept when the step's answer was lost
    expect(server.uploads).toBe(2);
  });

  it('sends a photo again under the same id when its answer was lost, so the server keeps it once', async () => {
    const server = new FakeServer();
    const outbox = outboxOn(server);
    const item = inspection(2);
    server.loseNextUploadAnswer = true;
    expect((await outbox.submit(item)).state).toBe('pending');
    expect(server.photos).toBe(1);
    await outbox.flush();
    expect(outbox.items[0].state).toBe('synced');
    expect(server.uploads).toBe(3);
    expect([...server.photoIds.keys()]).toEqual([`${item.clientId}.0`, `${item.clientId}.1`]);
    expect(server.photos).toBe(2);
    expect(server.recorded(item.clientId)[0].photoIds).toEqual([1, 2]);
  });

  it('holds a refused record with the reason until the person decides, and goes on with the next', async () => {
    const server = new FakeServer();
    const outbox = outboxOn(server);
    server.refuse = new ApiRequestError(400, 'date: before the survey', undefined, '日期早于建档日期');
    const refused = await outbox.submit(inspection(0));
    expect(refused).toMatchObject({
      state: 'failed',
      refusal: { status: 400, messageZh: '日期早于建档日期' },
    });
    server.refuse = null;
    const next = await outbox.submit(inspection(0));
    expect(next.state).toBe('synced');
    // still held after more flushes: never dropped silently, never sent again on its own
    await outbox.flush();
    expect(outbox.items.find((i) => i.clientId === refused.clientId)?.state).toBe('failed');
    expect(server.recorded(refused.clientId)).toEqual([]);
    await outbox.keep(refused.clientId);
    expect(outbox.items.find((i) => i.clientId === refused.clientId)?.state).toBe('synced');
    expect(server.recorded(refused.clientId)).toHaveLength(1);
  });

  it('holds a record as a conflict when others recorded on the premise since, until kept or discarded', async () => {
    const server = new FakeServer();
    const outbox = outboxOn(server);
    server.records.push(record(101, { type: 'reinspected', actor: 'gongshang' }));
    const kept = await outbox.submit(inspection());
    const dropped = await outbox.submit(inspection());
    for (const c of [kept, dropped]) {
      expect(c.state).toBe('conflict');
      expect(c.conflict?.map((r) => r.id)).toEqual([101]);
      expect(server.recorded(c.clientId)).toEqual([]);
    }
    expect(server.uploads).toBe(0);
    await outbox.discard(dropped.clientId);
    await outbox.keep(kept.clientId);
    expect(outbox.items.map((i) => [i.clientId, i.state])).toEqual([[kept.clientId, 'synced']]);
    // the server names the same record in its answer: the person saw it already, so it is not news again
    expect(outbox.items[0].result?.newer).toEqual([]);
    expect(server.recorded(kept.clientId)).toHaveLength(1);
    expect(server.recorded(dropped.clientId)).toEqual([]);
  });

  it('shows the records others entered between the check and the send, once recorded', async () => {
    const server = new FakeServer();
    const outbox = outboxOn(server);
    const recordsSince = server.recordsSince.bind(server);
    server.recordsSince = async (premiseId, after) => {
      const answer = await recordsSince(premiseId, after);
      server.records.push(record(150, { type: 'closed', actor: 'office' }));
      return answer;
    };
    const sent = await outbox.submit(inspection(0));
    expect(sent.state).toBe('synced');
    expect(sent.result?.newer.map((r) => r.id)).toEqual([150]);
  });

  it('does not count the phone’s own records (and the orders issued with them) as a conflict', async () => {
    const server = new FakeServer();
    const outbox = outboxOn(server);
    server.online = false;
    // two steps on the same premise offline, both based on the same copy of its file
    const first = await outbox.submit(inspection());
    const second = await outbox.submit(inspection());
    server.online = true;
    await outbox.flush();
    expect(outbox.items.map((i) => i.state)).toEqual(['synced', 'synced']);
    expect(server.recorded(first.clientId)).toHaveLength(1);
    expect(server.recorded(second.clientId)).toHaveLength(1);
  });

  it('sends nothing while nobody is signed in, and only the signed-in person’s records', async () => {
    const server = new FakeServer();
    const store = memoryOutboxStore();
    const nobody = outboxOn(server, store, null);
    expect(await (await nobody.submit(inspection())).state).toBe('pending');
    expect(await nobody.flush()).toBe('signed-out');
    const someoneElse = outboxOn(server, store, 'gongshang');
    await someoneElse.ready;
    expect(await someoneElse.flush()).toBe('done');
    expect(unsent(someoneElse.items)).toHaveLength(1);
    expect(server.steps).toBe(0);
  });

  it('waits for the sign-in when the session ended (401) and keeps the record pending', async () => {
    const server = new FakeServer();
    const outbox = outboxOn(server);
    server.refuse = new ApiRequestError(401, 'sign in first');
    const item = await outbox.submit(inspection(0));
    expect(item).toMatchObject({ state: 'pending', attempts: 1 });
    expect(outbox.snapshot().offline).toBe(true);
  });
});
