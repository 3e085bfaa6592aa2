import type { AppContext } from './context';
import type { Scope } from './domain/auth/policy';
import { categoryIndex } from './domain/categories';
import type { PremiseColumns } from './domain/premise-columns';
import { subsetColumns } from './domain/subset-columns';

/** Scoped columns kept at once (each a copy of its premises' columns: tens of MB at a million). */
const MAX_SCOPES = 24;

const cache = new WeakMap<AppContext, Map<string, { version: number; cols: PremiseColumns }>>();

const scopeKey = (s: Scope) =>
  `${s.villages ? [...s.villages].sort((a, b) => a - b).join(',') : '*'}|${s.categories ? [...s.categories].sort().join(',') : '*'}`;

/**
 * The premise columns a scope sees: all of them, or only a village officer's villages or an
 * inspector's trades — as columns of their own, so every count, series, layer and key-area query
 * works on them unchanged. Rebuilt when the model changes; the last MAX_SCOPES used are kept.
 */
export function columnsFor(ctx: AppContext, scope: Scope): PremiseColumns {
  if (!scope.villages && !scope.categories) return ctx.model.columns;
  const byScope = cache.get(ctx) ?? new Map<string, { version: number; cols: PremiseColumns }>();
  cache.set(ctx, byScope);
  const key = scopeKey(scope);
  const hit = byScope.get(key);
  if (hit && hit.version === ctx.model.version) {
    // Most recently used last: the first entry is the one to let go.
    byScope.delete(key);
    byScope.set(key, hit);
    return hit.cols;
  }
  const cols = ctx.model.columns;
  const categories = scope.categories ? new Set([...scope.categories].map(categoryIndex)) : null;
  const scoped = subsetColumns(
    cols,
    (r) =>
      (!scope.villages || scope.villages.has(cols.villageId[r])) &&
      (!categories || categories.has(cols.category[r])),
  );
  byScope.delete(key);
  byScope.set(key, { version: ctx.model.version, cols: scoped });
  // Scopes come from accounts, townships, villages and ticked categories: keep the latest few only.
  for (const [k, v] of byScope)
    if (byScope.size > MAX_SCOPES || v.version !== ctx.model.version) byScope.delete(k);
  return scoped;
}
