import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { newClientId } from './client-id';

describe('newClientId', () => {
  it('makes a version-4 UUID the server accepts, different each time', () => {
    const ids = Array.from({ length: 50 }, () => newClientId());
    for (const id of ids) expect(z.uuid().safeParse(id).success, id).toBe(true);
    expect(new Set(ids).size).toBe(50);
    expect(newClientId((b) => b.fill(0xff))).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
  });
});
