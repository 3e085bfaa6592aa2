import type { AppContext } from './context';
import { listTownships, listVillages } from './db/geography';
import type { Scope } from './domain/auth/policy';
import { notFound } from './http/api-error';

/** Each village's township, by village id (from the cached geography). */
export function townshipOfVillage(ctx: AppContext): Map<number, number> {
  return new Map(listVillages(ctx.db).map((v) => [v.id, v.townshipId]));
}

/** The ids of one township's villages, or a 404 naming the township when there is none with that id. */
export function villagesOfTownship(ctx: AppContext, townshipId: number): Set<number> {
  if (!listTownships(ctx.db).some((t) => t.id === townshipId)) throw notFound(`township ${townshipId}`);
  return new Set(
    listVillages(ctx.db)
      .filter((v) => v.townshipId === townshipId)
      .map((v) => v.id),
  );
}

/**
 * A scope narrowed to one township's villages (villagesOfTownship), keeping of those only the ones the
 * scope already sees. Without a township the scope as it is.
 */
export function scopeInTownship(scope: Scope, inTownship: Set<number> | null): Scope {
  if (!inTownship) return scope;
  const villages = scope.villages
    ? new Set([...inTownship].filter((v) => scope.villages?.has(v)))
    : inTownship;
  return { villages, categories: scope.categories };
}
