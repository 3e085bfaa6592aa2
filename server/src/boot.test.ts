import { describe, expect, it } from 'vitest';
import { accountToken, actingAs } from '../../tests/helpers/test-app';
import { createApp } from './app';
import { boot } from './boot';

describe('boot without the demo (DEMO=0)', () => {
  it('starts empty with a three-year campaign from this January, and every endpoint answers', async () => {
    const { ctx, db } = await boot(':memory:', null);
    const app = actingAs(createApp(ctx), accountToken(db, 'admin', 'admin'));
    const campaign = (await (await app.request('/api/campaign')).json()) as {
      start: string;
      end: string;
      sample: boolean;
    };
    const year = new Date().getUTCFullYear();
    expect(campaign).toMatchObject({ start: `${year}-01-01`, end: `${year + 2}-12-31`, sample: false });
    const stats = (await (await app.request(`/api/stats?at=${year}-06-30`)).json()) as {
      surveyed: number;
      progress: number;
    };
    expect(stats).toMatchObject({ surveyed: 0, progress: 0 });
    const villages = (await (await app.request('/api/villages')).json()) as { features: unknown[] };
    expect(villages.features).toEqual([]);
    expect((await app.request('/api/layers/premises')).status).toBe(200);
  });
});
