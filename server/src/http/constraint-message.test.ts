import { describe, expect, it } from 'vitest';
import { testBoot } from '../../../tests/helpers/test-app';
import { constraintError } from './constraint-message';

/** A shape both stores take (PostgreSQL reads it into PostGIS as the row is written). */
const SQUARE = JSON.stringify({
  type: 'Polygon',
  coordinates: [
    [
      [120, 30],
      [120.01, 30],
      [120.01, 30.01],
      [120, 30],
    ],
  ],
});

/** The error the real database (either store) throws for `sql`. */
async function failure(sql: string): Promise<unknown> {
  const { db } = await testBoot('empty');
  try {
    db.exec(sql);
  } catch (err) {
    return err;
  }
  throw new Error(`${sql} did not fail`);
}

describe('constraintError', () => {
  it('turns a missing township into what to import first, never the database text', async () => {
    const err = constraintError(
      await failure(
        `INSERT INTO villages (code, name, kind, township_id, area_km2, geometry) VALUES ('1', '五星村', 'village', NULL, 1, '${SQUARE}')`,
      ),
    );
    expect(err?.status).toBe(422);
    expect(err?.message).toMatch(/township the village belongs to \(import the village boundaries/);
    expect(err?.message).not.toMatch(/constraint|villages\.township_id/);
  });

  it('names swapped 经度/纬度 for a latitude out of range', async () => {
    const err = constraintError(
      await failure(
        `INSERT INTO address_points (village, number, lng, lat, source) VALUES ('五星村', 1, 30.3, 120.4, 'import')`,
      ),
      'address_points',
    );
    expect(err?.message).toMatch(/latitude \(纬度\).*swapped/);
  });

  it('says a code is taken, and leaves other errors alone', async () => {
    const err = constraintError(
      await failure(
        `INSERT INTO townships (code, name, geometry) VALUES ('1', 'a', '${SQUARE}'); INSERT INTO townships (code, name, geometry) VALUES ('1', 'b', '${SQUARE}')`,
      ),
    );
    expect(err).toMatchObject({ status: 409, code: 'already_exists' });
    expect(err?.message).toMatch(/township code \(镇街代码\) is already on record/);
    expect(constraintError(new Error('disk full'))).toBeNull();
  });
});
