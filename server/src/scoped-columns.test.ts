import { describe, expect, it } from 'vitest';
import { demoApp } from '../../tests/helpers/test-app';
import { CATEGORY_CODES } from './domain/categories';
import { columnsFor } from './scoped-columns';

describe('the columns of a scope', () => {
  it('are made once per scope and kept for the latest scopes only, so ticking trades cannot fill the memory', async () => {
    const { ctx } = await demoApp();
    const scopeOf = (codes: string[]) => ({ villages: null, categories: new Set(codes) }) as never;
    const first = columnsFor(ctx, scopeOf(['grocery']));
    expect(columnsFor(ctx, scopeOf(['grocery']))).toBe(first);
    expect(first.count).toBeLessThan(ctx.model.columns.count);
    // Thirty other choices of trades: the first is let go, and made again when asked for.
    for (let i = 1; i <= 30; i++)
      columnsFor(ctx, scopeOf(CATEGORY_CODES.filter((_, c) => (i >> c) & 1 || c === i % 10)));
    const again = columnsFor(ctx, scopeOf(['grocery']));
    expect(again).not.toBe(first);
    expect(again.count).toBe(first.count);
  });
});
