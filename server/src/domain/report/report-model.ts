import { emptyGroup, type GroupTally, type StatusCounts } from '../tally';

export type Rgb = readonly [number, number, number];
export type Polygonal = GeoJSON.Polygon | GeoJSON.MultiPolygon;

/** The numbers of a village, a trade or the township at the year's end. */
export interface Figures {
  surveyed: number;
  /** 整治完成率, 0–1. */
  progress: number;
  unlicensed: number;
  byStatus: StatusCounts;
  /** Orders to rectify whose deadline has passed without a re-inspection (逾期未整改). */
  overdue: number;
}

/** A row of a table by village or by trade. */
export interface FigureRow extends Figures {
  key: string;
  name: string;
}

/** A village as the map draws it: the report's own strongly, others faintly (or filled by progress). */
export interface MapVillage {
  id: number;
  name: string;
  geometry: Polygonal;
  focus: boolean;
  /** A fill (the township map's progress classes); null for none. */
  fill: Rgb | null;
  /** Where its name goes, [lng, lat]; null for no label. */
  label: [number, number] | null;
  /** A second label line (its progress on the township map). */
  note: string | null;
}

/** A basemap line: a road or a watercourse, with its class for the line style. */
export interface MapLine {
  class: string;
  geometry: GeoJSON.LineString | GeoJSON.MultiLineString;
}

export interface LegendEntry {
  label: string;
  color: Rgb;
  /** A dot (premises), a filled box (areas) or an outlined box (a key area). */
  shape: 'dot' | 'box' | 'line';
}

/** Everything a report's map shows, in WGS-84 longitude/latitude. */
export interface ReportMap {
  /** [west, south, east, north] the map frames. */
  bbox: [number, number, number, number];
  township: Polygonal | null;
  villages: MapVillage[];
  roads: MapLine[];
  water: MapLine[];
  /** Premises as dots coloured by their status on the day (index into STATUSES); absent on the township map. */
  dots: { lng: number[]; lat: number[]; status: number[] } | null;
  /** A key area (重点区域) outlined over everything, with its name; null for none. */
  keyArea: { name: string; geometry: Polygonal } | null;
  legendTitle: string;
  legend: LegendEntry[];
}

/** One line of a village's scorecard as the report prints it. */
export interface ScoreRow {
  item: string;
  target: string;
  actual: string;
  met: boolean;
  weight: number;
  points: number;
}

/** The acceptance verdict on a village for the year (the scorecard pipeline's, printed). */
export interface ScoreSection {
  rows: ScoreRow[];
  computed: number;
  adjusted: number;
  meetsTargets: boolean;
  passed: boolean | null;
  signedOffBy: string | null;
  signedOffOn: string | null;
  remarks: string[];
}

/** What the header of every report says: whose, which year, as of which day, and for whom. */
export interface ReportHeading {
  township: string;
  campaign: string;
  year: number;
  /** The year's end, YYYY-MM-DD. */
  at: string;
  /** Generated on, YYYY-MM-DD (China). */
  madeOn: string;
  sample: boolean;
  /** The part of the record the requester sees, in words; null for all of it. */
  scopeText: string | null;
}

/** A village report (村级年度报告). */
export interface VillageReport {
  kind: 'village';
  heading: ReportHeading;
  village: { id: number; code: string; name: string; kind: 'village' | 'community'; pilot: boolean };
  figures: Figures;
  /** Model sites (示范点) on the day. */
  modelSites: number;
  byTrade: FigureRow[];
  map: ReportMap;
  /** Null until acceptance scorecards exist for the record. */
  scorecard: ScoreSection | null;
}

/** The plan's goal for the year against the record. */
export interface GoalCheck {
  title: string;
  goals: string[];
  targetProgress: number;
  actualProgress: number;
  met: boolean;
  /** Trades with at least one model site, of all ten (year one asks for a model site in every trade). */
  tradesWithModel: number;
  trades: number;
  /** Villages that passed acceptance, of those assessed; null when acceptance is not available. */
  villagesPassed: { passed: number; of: number } | null;
}

/** A village in the township report's ranking, with its acceptance verdict when there is one. */
export interface RankedVillage extends FigureRow {
  rank: number;
  passed: boolean | null;
}

/** The township summary (全镇年度汇总). */
export interface TownshipReport {
  kind: 'township';
  heading: ReportHeading;
  figures: Figures;
  modelSites: number;
  /** A district's summary: its townships ranked by progress (then `villages` is empty); else empty. */
  townships: (FigureRow & { rank: number })[];
  villages: RankedVillage[];
  byTrade: FigureRow[];
  goal: GoalCheck | null;
  map: ReportMap;
}

/** The A3 wall map (整治分布图) of the township or of a key area, on a day. */
export interface WallMap {
  township: string;
  /** What the map covers: the township, or a key area's name. */
  subject: string;
  /** The day the premises are shown on, YYYY-MM-DD. */
  at: string;
  madeOn: string;
  sample: boolean;
  scopeText: string | null;
  /** The numbers of what the map shows (within the key area when there is one). */
  figures: Figures;
  map: ReportMap;
}

/** Figures from a tally group and an overdue count. */
export function figuresOf(g: GroupTally | undefined, overdue: number): Figures {
  const group = g ?? emptyGroup();
  return {
    surveyed: group.surveyed,
    progress: group.progress,
    unlicensed: group.unlicensed,
    byStatus: { ...group.byStatus },
    overdue,
  };
}
