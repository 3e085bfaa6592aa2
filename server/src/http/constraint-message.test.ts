import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open-database';
import { constraintError } from './constraint-message';

/** The error the real database throws for `sql`. */
function failure(sql: string): unknown {
  const db = openDatabase(':memory:');
  try {
    db.exec(sql);
  } catch (err) {
    return err;
  } finally {
    db.close();
  }
  throw new Error(`${sql} did not fail`);
}

describe('constraintError', () => {
  it('turns a missing township into what to import first, never the database text', () => {
    const err = constraintError(
      failure(
        `INSERT INTO villages (code, name, kind, township_id, area_km2, geometry) VALUES ('1', '五星村', 'village', NULL, 1, '{}')`,
      ),
    );
    expect(err?.status).toBe(422);
    expect(err?.message).toMatch(/township the village belongs to \(import the village boundaries/);
    expect(err?.message).not.toMatch(/constraint|villages\.township_id/);
  });

  it('names swapped 经度/纬度 for a latitude out of range', () => {
    const err = constraintError(
      failure(
        `INSERT INTO address_points (village, number, lng, lat, source) VALUES ('五星村', 1, 30.3, 120.4, 'import')`,
      ),
      'address_points',
    );
    expect(err?.message).toMatch(/latitude \(纬度\).*swapped/);
  });

  it('says a code is taken, and leaves other errors alone', () => {
    const err = constraintError(
      failure(
        `INSERT INTO townships (code, name, geometry) VALUES ('1', 'a', '{}'); INSERT INTO townships (code, name, geometry) VALUES ('1', 'b', '{}')`,
      ),
    );
    expect(err).toMatchObject({ status: 409, code: 'already_exists' });
    expect(err?.message).toMatch(/township code \(镇街代码\) is already on record/);
    expect(constraintError(new Error('disk full'))).toBeNull();
  });
});
