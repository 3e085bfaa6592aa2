import type { CampaignDay } from '../../lib/campaign-days';
import type { CellPoints } from '../../lib/cell-points';
import type { Rgba } from '../../lib/choropleth';
import type { KeyAreaCollection, KeyAreaLabel } from '../../lib/key-areas';
import type { PremiseSelection } from '../../lib/premise-selection';
import type { LayerId } from '../../lib/url-state';
import type { VillageCollection, VillageLabel } from '../../lib/village-types';
import type { WorklistRing } from '../../lib/worklist-ring';

/** Everything the deck.gl layers are built from. Identity matters: unchanged inputs keep their objects. */
export interface LayerState {
  /** Slider date, days since the campaign start: the only input that changes on every scrub step. */
  day: CampaignDay;
  layers: readonly LayerId[];
  /** Filtered interval points (one per interval), or null until the layer has loaded. */
  points: PremiseSelection | null;
  /** A big record zoomed out: its premises summed into cells (null when points are drawn). */
  cells: CellPoints | null;
  /** The subset of `points` that are model sites. */
  modelPoints: PremiseSelection | null;
  /** Unlicensed premises on `day` (lng/lat interleaved), filtered on the CPU. */
  heatPositions: Float32Array | null;
  /** A weight per heat position (a big record's cells: their unlicensed premises), or null for 1 each. */
  heatWeights: Float32Array | null;
  villages: VillageCollection | null;
  labels: readonly VillageLabel[];
  /** Choropleth fill per village id; a new object whenever a colour changes. */
  villageColors: ReadonlyMap<number, Rgba>;
  selectedVillage: number | null;
  /** Saved key areas (without the one being edited, which the drawing tool shows). */
  keyAreas: KeyAreaCollection | null;
  keyAreaLabels: readonly KeyAreaLabel[];
  /** The key area whose panel is open. */
  selectedArea: number | null;
  /** The font can draw every character of the area names. */
  keyAreaFontsReady: boolean;
  /** The premises of the work list shown on the map (toggled from the list), or null. */
  worklistRing: WorklistRing | null;
  /** Position of the premise whose file is open. */
  selectedPosition: [number, number] | null;
  /** Whether the map is zoomed in far enough to draw each point's category glyph. */
  showGlyphs: boolean;
  /** The UI font has loaded, so text layers can draw their atlas from it. */
  fontsReady: boolean;
  /** Multiplier for every on-screen size, following the page's type scale (1 at 14 px, more on 4K screens). */
  pixelScale: number;
}

/** Font of every label the map draws (shipped with the app, loaded before text layers draw). */
export const MAP_FONT_FAMILY = '"Noto Sans SC", sans-serif';

/** Zoom from which the category glyph is drawn on each point. */
export const GLYPH_MIN_ZOOM = 15;
