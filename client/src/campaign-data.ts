import { day, formatDay, todayInChina } from '@domain/dates';
import { createContext, useContext } from 'react';
import type { CampaignInfo } from './api';
import { metricCeilings } from './lib/choropleth';
import { emptyPremises, type PremisesData } from './lib/premises-binary';
import { villageLabels } from './lib/village-labels';
import type { VillageCollection, VillageFeature, VillageLabel } from './lib/village-types';

/** What the page loads once: the campaign, the villages and the premises layer, plus what follows from them. */
export interface CampaignData {
  campaign: CampaignInfo;
  villages: VillageCollection;
  /** The premises layer; empty (no premises) until it has arrived, see `premisesReady`. */
  premises: PremisesData;
  /**
   * The layer has arrived and `premises` holds it. Before that the page shows the server's counts
   * (numbers first) and the map draws no premises.
   */
  premisesReady: boolean;
  /**
   * The page takes the whole layer (a record up to the server's limit). Above it `premises` stays
   * empty: the numbers come from the server and the map draws cells zoomed out, points by box zoomed in.
   */
  wholeLayer: boolean;
  /** Campaign start as an epoch day. */
  startDay: number;
  /** The campaign's last day, in days since its start. */
  lastDay: number;
  /** The date the page opens on without ?at=: today, kept inside the campaign. */
  defaultAt: string;
  villageById: ReadonlyMap<number, VillageFeature>;
  labels: VillageLabel[];
  ceilings: ReturnType<typeof metricCeilings>;
  /** The ceilings are of the record (from the layer, or the server's for a big one), not of an empty layer. */
  ceilingsKnown: boolean;
}

export function buildCampaignData(
  campaign: CampaignInfo,
  villages: VillageCollection,
  layer: PremisesData | null,
  wholeLayer = true,
  /** A record too big to take whole: the server's choropleth ceilings (`/api/layers/premises/info`). */
  serverCeilings: { density: number; unlicensed: number } | null = null,
): CampaignData {
  const startDay = day(campaign.start);
  const premises = layer ?? emptyPremises(startDay);
  const endDay = day(campaign.end);
  const villageById = new Map(villages.features.map((f) => [f.properties.id, f]));
  const areas = new Map(villages.features.map((f) => [f.properties.id, f.properties.areaKm2]));
  return {
    campaign,
    villages,
    premises,
    premisesReady: layer !== null,
    wholeLayer,
    startDay,
    lastDay: endDay - startDay,
    defaultAt: formatDay(Math.min(Math.max(todayInChina(), startDay), endDay)),
    villageById,
    labels: villageLabels(villages),
    ceilings: layer || !serverCeilings ? metricCeilings(premises, areas) : { ...serverCeilings, progress: 1 },
    ceilingsKnown: layer !== null || serverCeilings !== null,
  };
}

export const CampaignDataContext = createContext<CampaignData | null>(null);

/** The loaded campaign data (only used below the provider, which renders once everything loaded). */
export function useCampaignData(): CampaignData {
  const data = useContext(CampaignDataContext);
  if (!data) throw new Error('useCampaignData outside CampaignDataContext');
  return data;
}
