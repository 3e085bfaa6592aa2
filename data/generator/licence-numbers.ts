import type { LicenceType } from '../../server/src/domain/licences';
import type { Rng } from './prng';

/** Issuing-office prefixes as they appear on the permits. */
const PREFIX: Record<Exclude<LicenceType, 'business'>, string> = {
  food_production: '杭食坊登字',
  food_trade: '杭食流字',
  catering: '杭餐证字',
  drug_trade: '浙CB',
  pesticide_trade: '杭农药经字',
  av_publication: '杭新出发字',
  public_hygiene: '杭卫公字',
  road_transport: '浙交运管许可杭字',
  gas_supply: '杭燃经字',
};

/** A licence number issued in `year`: a 15-digit 个体工商户 registration number, or a permit number. */
export function licenceNumber(rng: Rng, licence: LicenceType, year: number): string {
  if (licence === 'business') {
    return `3301046${String(year % 10)}${String(rng.int(0, 9_999_999)).padStart(7, '0')}`;
  }
  return `${PREFIX[licence]}(${year})第${String(rng.int(1, 9999)).padStart(4, '0')}号`;
}
