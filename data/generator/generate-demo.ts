import { CAMPAIGN_END_DATE, CAMPAIGN_START_DATE } from './calendar';
import { basemapCollection, townshipCollection, villageCollection } from './demo-geojson';
import { townshipLayouts } from './township-layout';
import { townshipPremises } from './township-premises';
import type { DemoCampaign, DemoData, DemoSource } from './types';

export interface DemoOptions {
  /** Same seed, same township, to the byte. Default 2008. */
  seed?: number;
  /** Premises in all, split evenly over the townships. Default 1,200. */
  premises?: number;
  /** Townships laid side by side, each with its own villages. Default 1. */
  townships?: number;
}

function demoCampaign(seed: number): DemoCampaign {
  return {
    name: '十小整治三年行动',
    nameEn: 'Ten Small Industries Campaign',
    township: '丁桥镇',
    townshipEn: 'Dingqiao',
    townshipCode: '330104010000',
    townshipOtherNames: ['丁兰街道', '丁兰街道办事处'],
    province: '浙江省',
    city: '杭州市',
    district: '江干区',
    districtCode: '330104',
    districtOtherNames: ['上城区'],
    start: CAMPAIGN_START_DATE,
    end: CAMPAIGN_END_DATE,
    sample: true,
    seed,
  };
}

function checkOptions(options: DemoOptions): Required<DemoOptions> {
  const seed = options.seed ?? 2008;
  const premises = options.premises ?? 1200;
  const townships = options.townships ?? 1;
  if (!Number.isInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
  if (!Number.isInteger(premises) || premises < 0) {
    throw new Error(`premises must be a whole number, got ${premises}`);
  }
  if (!Number.isInteger(townships) || townships < 1 || townships > 99) {
    throw new Error(`townships must be 1–99, got ${townships}`);
  }
  return { seed, premises, townships };
}

/**
 * The demo with its premises as a lazy iterable that makes one township's premises at a time:
 * what a writer of a million premises wants, so they never all sit in memory.
 */
export function demoSource(options: DemoOptions = {}): DemoSource {
  const { seed, premises: total, townships: count } = checkOptions(options);
  const layouts = townshipLayouts(seed, count);
  return {
    campaign: demoCampaign(seed),
    townships: townshipCollection(layouts),
    villages: villageCollection(layouts),
    basemap: basemapCollection(layouts),
    premises: {
      *[Symbol.iterator]() {
        for (const layout of layouts) {
          const k = layout.index;
          yield* townshipPremises(seed, layout, Math.floor(total / count) + (k < total % count ? 1 : 0));
        }
      },
    },
  };
}

/** The demo township (or townships): boundaries, villages, basemap and premises with their histories. */
export function generateDemo(options: DemoOptions = {}): DemoData {
  const source = demoSource(options);
  return { ...source, premises: [...source.premises] };
}
