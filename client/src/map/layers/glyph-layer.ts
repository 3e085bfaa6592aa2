import type { DataFilterExtensionProps } from '@deck.gl/extensions';
import { TextLayer } from '@deck.gl/layers';
import { CATEGORIES } from '@domain/categories';
import type { PremiseSelection } from '../../lib/premise-selection';
import { GLYPH_MIN_ZOOM, type LayerState, MAP_FONT_FAMILY } from './layer-state';
import { TIME_FILTER_EXTENSIONS, timeFilterRange } from './time-filter';

export { GLYPH_MIN_ZOOM };

/** The one-character glyphs of the categories: the whole character set of this layer. */
export const GLYPH_CHARACTERS = CATEGORIES.map((c) => c.glyph).join('');

const empty = { length: 0 };
const lengthOf = new WeakMap<PremiseSelection, { length: number }>();

/** A stable `{ length }` per selection, so the text attributes rebuild only when the filters change. */
function indexData(sel: PremiseSelection): { length: number } {
  let d = lengthOf.get(sel);
  if (!d) {
    d = { length: sel.length };
    lengthOf.set(sel, d);
  }
  return d;
}

/** The category glyph (坊, 杂, 餐 …) on each point when zoomed in; same GPU date filter as the points. */
export function glyphLayer(s: LayerState) {
  const sel = s.points;
  return new TextLayer<unknown, DataFilterExtensionProps<unknown>>({
    id: 'premise-glyphs',
    data: sel ? indexData(sel) : empty,
    visible: s.layers.includes('premises') && s.showGlyphs && s.fontsReady,
    pickable: false,
    characterSet: GLYPH_CHARACTERS,
    fontFamily: MAP_FONT_FAMILY,
    fontWeight: 700,
    getText: (_, { index }) => (sel ? CATEGORIES[sel.category[index]].glyph : ''),
    getPosition: (_, { index }) => (sel ? [sel.positions[index * 2], sel.positions[index * 2 + 1]] : [0, 0]),
    getSize: 13 * s.pixelScale,
    getPixelOffset: [0, -13 * s.pixelScale],
    getColor: [20, 30, 40, 255],
    fontSettings: { sdf: true },
    outlineWidth: 3,
    outlineColor: [255, 255, 255, 230],
    getFilterValue: (_, { index }) =>
      sel ? [sel.filterValues[index * 2], sel.filterValues[index * 2 + 1]] : [0, 0],
    extensions: TIME_FILTER_EXTENSIONS,
    filterRange: timeFilterRange(s.day),
  });
}
