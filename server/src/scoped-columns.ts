import type { AppContext } from './context';
import type { Scope } from './domain/auth/policy';
import { categoryIndex } from './domain/categories';
import type { PremiseColumns } from './domain/premise-columns';
import { subsetColumns } from './domain/subset-columns';

const cache = new WeakMap<AppContext, Map<string, { version: number; cols: PremiseColumns }>>();

const scopeKey = (s: Scope) =>
  `${s.villages ? [...s.villages].sort((a, b) => a - b).join(',') : '*'}|${s.categories ? [...s.categories].sort().join(',') : '*'}`;

/**
 * The premise columns a scope sees: all of them, or only a village officer's villages or an
 * inspector's trades — as columns of their own, so every count, series, layer and key-area query
 * works on them unchanged. Rebuilt when the model changes; kept per scope.
 */
export function columnsFor(ctx: AppContext, scope: Scope): PremiseColumns {
  if (!scope.villages && !scope.categories) return ctx.model.columns;
  const byScope = cache.get(ctx) ?? new Map<string, { version: number; cols: PremiseColumns }>();
  cache.set(ctx, byScope);
  const key = scopeKey(scope);
  const hit = byScope.get(key);
  if (hit && hit.version === ctx.model.version) return hit.cols;
  const cols = ctx.model.columns;
  const categories = scope.categories ? new Set([...scope.categories].map(categoryIndex)) : null;
  const scoped = subsetColumns(
    cols,
    (r) =>
      (!scope.villages || scope.villages.has(cols.villageId[r])) &&
      (!categories || categories.has(cols.category[r])),
  );
  byScope.set(key, { version: ctx.model.version, cols: scoped });
  return scoped;
}
