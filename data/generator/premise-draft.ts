import type { CategoryCode } from '../../server/src/domain/categories';
import { premiseAddress } from './addresses';
import { person } from './people';
import { placeStem } from './place-names';
import type { Placement, PremisePlacer } from './placement';
import type { Rng } from './prng';
import { shopName } from './shop-names';
import type { TownshipLayout } from './township-layout';
import type { DemoPremise, GeocodeMethod } from './types';

/** A survey-list row before it has an archive number and records. */
export type PremiseDraft = Omit<DemoPremise, 'archiveNo' | 'events'> & { placement: Placement };

const KEY_ODDS: Partial<Record<CategoryCode, number>> = {
  lpg_point: 0.35,
  food_workshop: 0.2,
  market: 0.2,
  pharmacy: 0.15,
  passenger_transport: 0.1,
};

/** Typical floor area (m²) and staff for each kind of small premise. */
const SIZE: Record<CategoryCode, { area: [number, number]; staff: [number, number] }> = {
  grocery: { area: [15, 80], staff: [1, 3] },
  restaurant: { area: [20, 160], staff: [2, 10] },
  beauty_salon: { area: [12, 60], staff: [1, 5] },
  food_workshop: { area: [30, 200], staff: [2, 12] },
  agri_supply: { area: [20, 120], staff: [1, 3] },
  pharmacy: { area: [20, 80], staff: [1, 4] },
  passenger_transport: { area: [10, 30], staff: [1, 6] },
  market: { area: [150, 1500], staff: [3, 30] },
  lpg_point: { area: [15, 60], staff: [1, 4] },
  audio_video: { area: [12, 50], staff: [1, 2] },
};

const NOTES = [
  '夫妻店',
  '租用民房',
  '临街门面',
  '兼营烟酒',
  '前店后坊',
  '家庭经营',
  '证照正在办理',
  '经营者外出，电话联系',
];
const FRINGE_NOTES = ['外来人员经营', '城中村出租房', '流动人口集中区域'];

function geocodeMethod(rng: Rng, placement: Placement): GeocodeMethod {
  const x = rng.next();
  if (placement.road?.name && placement.houseNumber !== undefined) {
    return x < 0.8 ? 'road_interpolation' : x < 0.95 ? 'address_point' : 'manual';
  }
  if (placement.anchor === 'market') return x < 0.9 ? 'address_point' : 'manual';
  return x < 0.72 ? 'address_point' : x < 0.88 ? 'village_fallback' : 'manual';
}

/** Places one premise and fills in its survey-list columns. */
export function draftPremise(
  rng: Rng,
  layout: TownshipLayout,
  placer: PremisePlacer,
  category: CategoryCode,
  marketName: string,
): PremiseDraft {
  let placement = placer.place(rng, category);
  const address = premiseAddress(rng, layout.name, marketName, placement);
  const method = geocodeMethod(rng, placement);
  // Geocoding that only recognised the village puts the point at the village seat.
  if (method === 'village_fallback') placement = placer.nearSeat(rng, placement.village, 25);
  const { village } = placement;
  const operator = person(rng, village.fringe ? 0.5 : 0.15);
  const size = SIZE[category];
  const draft: PremiseDraft = {
    name: shopName(rng, {
      category,
      operatorSurname: operator.name[0],
      operatorGiven: operator.given,
      placeStem: placeStem(village.name),
    }),
    operator: operator.name,
    phone: operator.phone,
    idNumber: operator.idNumber,
    address,
    villageCode: village.code,
    villageName: village.name,
    townshipCode: layout.code,
    category,
    lngLat: placement.lngLat,
    geocodeMethod: method,
    keyObject: rng.chance((KEY_ODDS[category] ?? 0.05) + (village.fringe ? 0.03 : 0)),
    placement,
  };
  if (rng.chance(0.7)) draft.areaM2 = rng.int(size.area[0], size.area[1]) + (rng.chance(0.2) ? 0.5 : 0);
  if (rng.chance(0.65)) draft.staff = rng.int(size.staff[0], size.staff[1]);
  if (rng.chance(0.18)) draft.notes = rng.pick(village.fringe && rng.chance(0.5) ? FRINGE_NOTES : NOTES);
  return draft;
}
