import type { AppContext } from './context';
import { listTownships, listVillages, type VillageRow } from './db/geography';
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

/** An account's scope narrowed to the township a query names (a 404 naming an unknown one); as it is without one. */
export function scopeOfTownship(ctx: AppContext, scope: Scope, townshipId: number | undefined): Scope {
  return townshipId === undefined ? scope : scopeInTownship(scope, villagesOfTownship(ctx, townshipId));
}

/** The record's name: the district's once it holds several townships (and names its district), else the township's. */
export function recordName(ctx: AppContext): string {
  const several = listTownships(ctx.db).length > 1;
  return several && ctx.campaign.district ? ctx.campaign.district : ctx.campaign.township;
}

/** What a report, a wall map or a file is of: one township of the district, or the whole record. */
export interface Place {
  /** The township's id; null for the whole record. */
  townshipId: number | null;
  /** The township's name, or the record's (recordName). */
  name: string;
  /** The outline drawn around it: the township's, or every township's side by side; null before any. */
  outline: GeoJSON.Polygon | GeoJSON.MultiPolygon | null;
  /** Its villages. */
  villages: VillageRow[];
}

/** The place of `townshipId` (a 404 naming it when there is none), or of the whole record when null. */
export function placeOf(ctx: AppContext, townshipId: number | null): Place {
  const townships = listTownships(ctx.db);
  const villages = listVillages(ctx.db);
  if (townshipId !== null) {
    const township = townships.find((t) => t.id === townshipId);
    if (!township) throw notFound(`township ${townshipId}`);
    return {
      townshipId,
      name: township.name,
      outline: township.geometry,
      villages: villages.filter((v) => v.townshipId === townshipId),
    };
  }
  const outline: Place['outline'] =
    townships.length <= 1
      ? (townships[0]?.geometry ?? null)
      : {
          type: 'MultiPolygon',
          coordinates: townships.flatMap((t) =>
            t.geometry.type === 'Polygon' ? [t.geometry.coordinates] : t.geometry.coordinates,
          ),
        };
  return { townshipId: null, name: recordName(ctx), outline, villages };
}

/** A scope narrowed to a place: to its villages when it is one township, as it is for the whole record. */
export function scopeInPlace(scope: Scope, place: Place): Scope {
  return place.townshipId === null ? scope : scopeInTownship(scope, new Set(place.villages.map((v) => v.id)));
}
