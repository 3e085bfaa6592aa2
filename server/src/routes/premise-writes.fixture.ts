import { pointOnFeature } from '@turf/turf';
import { expect } from 'vitest';
import type { demoApp } from '../../../tests/helpers/test-app';
import { listVillages, type VillageRow } from '../db/geography';
import type { Db } from '../db/open-database';
import { formatDay, todayInChina } from '../domain/dates';
import type { PremiseFile } from '../http/premise-file';

/** Helpers for the tests that write premise files through the API (shared, stateless). */

export type App = Awaited<ReturnType<typeof demoApp>>['app'];

export const today = () => formatDay(todayInChina());
export const daysAgo = (n: number) => formatDay(todayInChina() - n);

export function send(app: App, method: string, path: string, body?: unknown) {
  return app.request(path, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
}

/** Sends and expects `status`, answering the JSON (with the body in the failure message). */
export async function sendOk<T = Record<string, unknown>>(
  app: App,
  method: string,
  path: string,
  body: unknown,
  status: number,
): Promise<T> {
  const res = await send(app, method, path, body);
  const text = await res.text();
  expect(res.status, `${method} ${path}: ${text}`).toBe(status);
  return JSON.parse(text) as T;
}

/** A point well inside a village (not on its edge). */
export function pointIn(v: VillageRow): [number, number] {
  const p = pointOnFeature({ type: 'Feature', properties: {}, geometry: v.geometry }).geometry.coordinates;
  return [p[0], p[1]];
}

export function villages(db: Db): VillageRow[] {
  return listVillages(db);
}

/** Opens a premise file by clicking a point (surveyed `surveyDaysAgo` days ago), as the admin unless `as` is given. */
export function newPremise(
  app: App,
  lngLat: [number, number],
  fields: Record<string, unknown> = {},
  surveyDaysAgo = 30,
): Promise<PremiseFile> {
  return sendOk<PremiseFile>(
    app,
    'POST',
    '/api/premises',
    {
      name: '测试小吃店',
      category: 'restaurant',
      address: '丁桥镇测试路1号',
      operator: '王测试',
      phone: '13800001111',
      lngLat,
      surveyDate: daysAgo(surveyDaysAgo),
      ...fields,
    },
    201,
  );
}

export interface Stats {
  surveyed: number;
  unlicensed: number;
  progress: number;
  byStatus: Record<string, number>;
}

export function stats(app: App, query = ''): Promise<Stats> {
  return sendOk<Stats>(app, 'GET', `/api/stats?at=${today()}${query}`, undefined, 200);
}
