import { type QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CampaignInfo, SavedArea } from './api';
import { ApiRequestError, onSignedOut } from './api-errors';
import { townshipsQuery } from './district/district-api';
import { campaignQuery, premiseQuery, queryKeys, seriesQuery, setupQuery, villagesQuery } from './queries';
import { createQueryClient, shouldRetry } from './query-client';
import {
  areaDeleted,
  areaSaved,
  campaignSaved,
  drawMade,
  importWritten,
  photosWritten,
  pinPlaced,
  premiseWritten,
  tasksWritten,
} from './writes';

/**
 * The page's real queries against a fake server: `fetch` is replaced by one that answers by path
 * and counts what it was asked, so no request leaves the process. `fetchQuery` reads as a
 * component's next render would: from the cache while it is fresh, else from the server.
 */
let asked: string[];
let answer: (path: string) => Response | Promise<Response>;
let qc: QueryClient;

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const times = (path: string) => asked.filter((p) => p === path).length;

beforeEach(() => {
  asked = [];
  answer = (path) => json({ path, n: asked.length });
  qc = createQueryClient();
  vi.stubGlobal('fetch', async (input: RequestInfo | URL) => {
    const url = new URL(input instanceof Request ? input.url : String(input), 'http://page');
    asked.push(url.pathname);
    return answer(url.pathname);
  });
});

afterEach(() => {
  qc.clear();
  vi.unstubAllGlobals();
});

describe('the query keys', () => {
  it('keep a year’s results and a village’s scorecard apart whatever their ids', () => {
    const keys = [
      queryKeys.acceptanceYear(2009, 1),
      queryKeys.scorecard(2009, 1),
      queryKeys.accountability(2009, 1, 1),
    ].map((k) => JSON.stringify(k));
    expect(new Set(keys).size).toBe(3);
  });
});

describe('the cache and the writes that invalidate it', () => {
  it('answers a second read from the cache, and asks the server again after a write that changed it', async () => {
    await qc.fetchQuery(setupQuery);
    await qc.fetchQuery(setupQuery);
    expect(times('/api/setup')).toBe(1);

    await importWritten(qc, 'addresses');
    await qc.fetchQuery(setupQuery);
    expect(times('/api/setup')).toBe(2);
  });

  it('asks again at once for what is on screen, and keeps showing the last answer meanwhile', async () => {
    const observer = new QueryObserver(qc, setupQuery);
    const shown: unknown[] = [];
    const stop = observer.subscribe((r) => shown.push(r.data));
    await vi.waitFor(() => expect(observer.getCurrentResult().isSuccess).toBe(true));
    const first = observer.getCurrentResult().data;
    shown.length = 0;

    await importWritten(qc, 'premises');
    expect(times('/api/setup')).toBe(2);
    expect(observer.getCurrentResult().data).not.toEqual(first);
    // Never blank between the two answers: the map stays up while a new version loads.
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.filter((d) => d === undefined)).toEqual([]);
    stop();
  });

  it('a premises import invalidates the layer, the files, the series and the counts, not the villages', async () => {
    await qc.fetchQuery(villagesQuery);
    await qc.fetchQuery({ ...premiseQuery(7), staleTime: Number.POSITIVE_INFINITY });
    await qc.fetchQuery(seriesQuery({ village: 3, categories: null }));
    await qc.fetchQuery({ ...townshipsQuery('2009-06-30'), staleTime: Number.POSITIVE_INFINITY });

    await importWritten(qc, 'premises');
    await qc.fetchQuery(villagesQuery);
    await qc.fetchQuery({ ...premiseQuery(7), staleTime: Number.POSITIVE_INFINITY });
    await qc.fetchQuery(seriesQuery({ village: 3, categories: null }));
    await qc.fetchQuery({ ...townshipsQuery('2009-06-30'), staleTime: Number.POSITIVE_INFINITY });
    expect(times('/api/villages')).toBe(1);
    expect(times('/api/premises/7')).toBe(2);
    expect(times('/api/stats/series')).toBe(2);
    // A district's ranking of townships counts them too.
    expect(times('/api/townships')).toBe(2);
  });

  it('a boundary import invalidates the villages and the campaign (its bbox), not the premise files', async () => {
    await qc.fetchQuery(villagesQuery);
    await qc.fetchQuery(campaignQuery);
    await qc.fetchQuery({ ...premiseQuery(7), staleTime: Number.POSITIVE_INFINITY });

    await importWritten(qc, 'boundaries');
    await qc.fetchQuery(villagesQuery);
    await qc.fetchQuery(campaignQuery);
    await qc.fetchQuery({ ...premiseQuery(7), staleTime: Number.POSITIVE_INFINITY });
    expect(times('/api/villages')).toBe(2);
    expect(times('/api/campaign')).toBe(2);
    expect(times('/api/premises/7')).toBe(1);
  });

  it('a pin placed invalidates the layer and that premise, not the other premises nor the series', async () => {
    for (const key of [
      queryKeys.premisesLayer,
      queryKeys.premise(7),
      queryKeys.premise(8),
      queryKeys.seriesFor({ village: null, categories: null }),
    ])
      qc.setQueryData(key, {});

    await pinPlaced(qc, 7);
    const invalidated = (key: readonly unknown[]) => qc.getQueryState(key)?.isInvalidated;
    expect(invalidated(queryKeys.premisesLayer)).toBe(true);
    expect(invalidated(queryKeys.premise(7))).toBe(true);
    expect(invalidated(queryKeys.premise(8))).toBe(false);
    expect(invalidated(queryKeys.seriesFor({ village: null, categories: null }))).toBe(false);
  });

  it('a saved set-up puts the campaign in place; only new dates invalidate the layer', async () => {
    const before = { start: '2008-01-01', end: '2010-12-31', name: '十小整治' } as CampaignInfo;
    qc.setQueryData(queryKeys.premisesLayer, {});
    qc.setQueryData(queryKeys.setup, {});

    await campaignSaved(qc, before, { ...before, name: '十小行业整治' });
    expect(qc.getQueryData<CampaignInfo>(queryKeys.campaign)?.name).toBe('十小行业整治');
    expect(qc.getQueryState(queryKeys.setup)?.isInvalidated).toBe(true);
    expect(qc.getQueryState(queryKeys.premisesLayer)?.isInvalidated).toBe(false);

    await campaignSaved(qc, before, { ...before, start: '2008-03-01' });
    expect(qc.getQueryState(queryKeys.premisesLayer)?.isInvalidated).toBe(true);
  });

  it('a key area saved or deleted is in the list at once, and every dated list is asked again', async () => {
    const area = (id: number, name: string) => ({ id, name }) as SavedArea;
    qc.setQueryData(queryKeys.areasAt(null), [area(1, 'a')]);
    qc.setQueryData(queryKeys.areasAt('2009-06-30'), [area(1, 'a')]);

    await areaSaved(qc, area(2, 'b'));
    expect(qc.getQueryData<SavedArea[]>(queryKeys.areasAt(null))?.map((a) => a.id)).toEqual([1, 2]);
    await areaSaved(qc, area(1, 'a2'));
    expect(qc.getQueryData<SavedArea[]>(queryKeys.areasAt(null))?.map((a) => a.name)).toEqual(['a2', 'b']);
    await areaDeleted(qc, 1);
    expect(qc.getQueryData<SavedArea[]>(queryKeys.areasAt(null))?.map((a) => a.id)).toEqual([2]);
    expect(qc.getQueryState(queryKeys.areasAt('2009-06-30'))?.isInvalidated).toBe(true);
  });

  it('a premise written (edit, step, licence) invalidates its file, the layer, counts, work lists and tasks; a photo only its file', async () => {
    const keys = {
      file: queryKeys.premise(7),
      other: queryKeys.premise(8),
      layer: queryKeys.premisesLayer,
      series: queryKeys.seriesFor({ village: null, categories: null }),
      overdue: queryKeys.worklist('overdue', { at: '2010-12-31' }),
      mine: queryKeys.myTasks,
      draws: queryKeys.draws,
    };
    const invalidated = () =>
      Object.fromEntries(
        Object.entries(keys).map(([name, key]) => [name, qc.getQueryState(key)?.isInvalidated]),
      );
    const reset = () => {
      for (const key of Object.values(keys)) qc.setQueryData(key, {});
    };

    reset();
    await photosWritten(qc, 7);
    expect(invalidated()).toEqual({
      file: true,
      other: false,
      layer: false,
      series: false,
      overdue: false,
      mine: false,
      draws: false,
    });

    reset();
    await premiseWritten(qc, 7);
    expect(invalidated()).toEqual({
      file: true,
      other: false,
      layer: true,
      series: true,
      overdue: true,
      mine: true,
      draws: false,
    });

    reset();
    await tasksWritten(qc);
    expect(qc.getQueryState(keys.mine)?.isInvalidated).toBe(true);
    expect(qc.getQueryState(keys.overdue)?.isInvalidated).toBe(false);
    await drawMade(qc);
    expect(qc.getQueryState(keys.draws)?.isInvalidated).toBe(true);
  });

  it('two readers of one key at once make one request (as StrictMode effects do)', async () => {
    await Promise.all([qc.fetchQuery(setupQuery), qc.fetchQuery(setupQuery), qc.fetchQuery(setupQuery)]);
    expect(times('/api/setup')).toBe(1);
  });
});

describe('retries', () => {
  /** Waits until an observed read has settled, well or badly. */
  async function observe(options: typeof setupQuery) {
    const observer = new QueryObserver(qc, { ...options, retryDelay: 0 });
    const stop = observer.subscribe(() => undefined);
    await vi.waitFor(() => expect(observer.getCurrentResult().isPending).toBe(false));
    stop();
    return observer.getCurrentResult();
  }

  it('asks once when the server refused (401, 403, 404), and a 401 sends the page to the sign-in', async () => {
    let signedOut = 0;
    const stopListening = onSignedOut(() => signedOut++);
    for (const status of [401, 403, 404]) {
      qc.clear();
      asked = [];
      answer = () => json({ error: { message: `refused ${status}` } }, status);
      const result = await observe(setupQuery);
      expect(result.error).toBeInstanceOf(ApiRequestError);
      expect(times('/api/setup')).toBe(1);
    }
    expect(signedOut).toBe(1);
    stopListening();
  });

  it('asks again, twice, when the server could not be reached', async () => {
    answer = () => {
      throw new TypeError('Failed to fetch');
    };
    const result = await observe(setupQuery);
    expect(result.error).toBeInstanceOf(TypeError);
    expect(times('/api/setup')).toBe(3);
  });

  it('recovers when a second try reaches the server', async () => {
    answer = () => {
      if (asked.length === 1) throw new TypeError('Failed to fetch');
      return json({ configured: true });
    };
    const result = await observe(setupQuery);
    expect(result.data).toEqual({ configured: true });
    expect(times('/api/setup')).toBe(2);
  });

  it('retries a gateway hiccup, not a server error that would only repeat', () => {
    expect(shouldRetry(0, new ApiRequestError(503, 'unavailable'))).toBe(true);
    expect(shouldRetry(0, new ApiRequestError(500, 'bug'))).toBe(false);
    expect(shouldRetry(2, new TypeError('Failed to fetch'))).toBe(false);
  });
});
