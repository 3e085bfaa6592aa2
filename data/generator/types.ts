import type { FeatureCollection, LineString, Point, Polygon } from 'geojson';
import type { CategoryCode } from '../../server/src/domain/categories';
import type { PremiseEvent } from '../../server/src/domain/premise-event';
import type { VillageKind } from './village-roster';

/** How a premise's point was found (定位方式). */
export type GeocodeMethod = 'address_point' | 'road_interpolation' | 'village_fallback' | 'manual';

export interface TownshipProperties {
  code: string;
  name: string;
}

export interface VillageProperties {
  code: string;
  name: string;
  kind: VillageKind;
  townshipCode: string;
  fringe?: true;
  pilot?: true;
}

export interface BasemapProperties {
  layer: 'road' | 'water' | 'hill' | 'place';
  class: 'main' | 'village' | 'canal' | 'river' | 'hill' | 'market' | 'village_centre';
  name?: string;
  widthMeters?: number;
}

/** What campaign.json holds. */
export interface DemoCampaign {
  name: string;
  nameEn: string;
  township: string;
  townshipEn: string;
  townshipCode: string;
  /** Names the township's lists also use: it became 丁兰街道 later. */
  townshipOtherNames: string[];
  province: string;
  city: string;
  district: string;
  districtCode: string;
  /** 江干区 went into 上城区 in 2021: later lists write that. */
  districtOtherNames: string[];
  start: string;
  end: string;
  sample: true;
  seed: number;
}

/** One row of the survey list (摸底台账) with its supervision records. */
export interface DemoPremise {
  archiveNo: string;
  name: string;
  operator: string;
  phone: string;
  idNumber: string;
  address: string;
  villageCode: string;
  villageName: string;
  townshipCode: string;
  category: CategoryCode;
  /** WGS-84, rounded to 6 decimals. */
  lngLat: [number, number];
  geocodeMethod: GeocodeMethod;
  keyObject: boolean;
  areaM2?: number;
  staff?: number;
  notes?: string;
  /** Sorted by day; the first is always `surveyed`. */
  events: PremiseEvent[];
}

export interface DemoData {
  campaign: DemoCampaign;
  townships: FeatureCollection<Polygon, TownshipProperties>;
  villages: FeatureCollection<Polygon, VillageProperties>;
  basemap: FeatureCollection<LineString | Polygon | Point, BasemapProperties>;
  premises: DemoPremise[];
}

/** The same demo with premises made on demand, one township at a time (each pass makes them anew). */
export type DemoSource = Omit<DemoData, 'premises'> & { premises: Iterable<DemoPremise> };
