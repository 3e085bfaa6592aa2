import type { AreaRow } from '../db/areas';
import type { VillageRow } from '../db/geography';
import type { PremiseRow } from '../db/premises';
import { personalView } from '../domain/auth/personal-data';
import type { Role } from '../domain/auth/roles';
import { CATEGORIES } from '../domain/categories';
import { formatDay, parseDay } from '../domain/dates';
import { geometryInBoxes } from '../domain/ogc/geometry-in-boxes';
import type { FilterValue } from '../domain/ogc/items-query';
import type { Box } from '../domain/ogc/ogc-bbox';
import { type DayInterval, periodMeets } from '../domain/ogc/ogc-datetime';
import type { PremiseColumns } from '../domain/premise-columns';
import { STATUSES } from '../domain/statuses';
import type { IdFeature } from '../pipelines/geography-features';

export type OgcFeature = IdFeature;

/** Whether a village passes the request's box and property filters (villages have no time). */
export function villageMatches(
  v: VillageRow,
  boxes: readonly Box[] | null,
  filters: Map<string, FilterValue>,
) {
  const code = filters.get('code');
  const kind = filters.get('kind');
  const township = filters.get('townshipId');
  return (
    (code === undefined || v.code === code) &&
    (kind === undefined || v.kind === kind) &&
    (township === undefined || v.townshipId === township) &&
    (!boxes || geometryInBoxes(v.geometry, boxes))
  );
}

/** Whether a key area passes the box, the reason, and a period that meets `datetime`. */
export function areaMatches(
  a: AreaRow,
  boxes: readonly Box[] | null,
  datetime: DayInterval | null,
  filters: Map<string, FilterValue>,
) {
  const reason = filters.get('reason');
  const period = {
    fromDay: a.activeFrom === null ? null : parseDay(a.activeFrom),
    toDay: a.activeTo === null ? null : parseDay(a.activeTo),
  };
  return (
    (reason === undefined || a.reason === reason) &&
    (!datetime || periodMeets(period, datetime)) &&
    (!boxes || geometryInBoxes(a.geometry, boxes))
  );
}

/** How a premise feature is made: the village names, the day, and whose eyes the personal data is for. */
export interface PremiseFeatureContext {
  cols: PremiseColumns;
  day: number;
  villages: ReadonlyMap<number, Pick<VillageRow, 'code' | 'name' | 'townshipId'>>;
  /** The role the personal fields are shown to (masked as in the premise file), or null: none at all. */
  personalRole: Role | null;
}

/** A premise as it stands on the day: where, what, its status and licence state, and its file's fields. */
export function premiseFeature(
  premise: PremiseRow,
  hit: { row: number; interval: number },
  f: PremiseFeatureContext,
): OgcFeature {
  const { cols } = f;
  const category = CATEGORIES[cols.category[hit.row]];
  const status = STATUSES[cols.status[hit.interval]];
  const village = f.villages.get(premise.villageId);
  return {
    type: 'Feature',
    id: premise.id,
    geometry: { type: 'Point', coordinates: [cols.lng[hit.row], cols.lat[hit.row]] },
    properties: {
      id: premise.id,
      archiveNo: premise.archiveNo,
      name: premise.name,
      category: category.code,
      categoryName: category.name,
      villageId: premise.villageId,
      villageCode: village?.code ?? null,
      village: village?.name ?? null,
      townshipId: village?.townshipId ?? null,
      status: status.key,
      statusName: status.name,
      unlicensed: cols.unlicensed[hit.interval] === 1,
      at: formatDay(f.day),
      address: premise.address,
      ...(f.personalRole ? personalView(f.personalRole, premise) : {}),
    },
  };
}
