/** The parts of an address, as written (after normalisation and prefix stripping). */
export interface ParsedAddress {
  /** 大唐村, or 大唐 when the 村 was left off before a 组. */
  village?: string;
  /** 丁桥社区. */
  community?: string;
  /** 村民小组: the 3 of 3组. */
  group?: number;
  /** 长睦路, 丁桥大道; with a lane it is 长睦路3弄. */
  road?: string;
  /** The door number: the 58 of 58号. */
  number?: number;
  /** A residential estate, market or other named place: 丁桥花园, 丁桥农贸市场. */
  estate?: string;
  /** 3幢 / 3栋 / 3号楼. */
  building?: number;
  unit?: number;
  room?: number;
  /** Whatever was not understood (商铺, 旁, 对面 …). */
  rest: string;
}

/** Bare 道 is left out: it ends 街道 and 知道 far more often than a road name. */
const ROAD_SUFFIX = '(?:大道|大街|公路|路|街|巷|弄)';
const ROAD_CHARS = '路街巷弄';

interface Rule {
  re: RegExp;
  apply(m: RegExpExecArray, out: ParsedAddress, after: string): boolean;
}

/** Rules tried in order at each position; the first whose pattern matches and accepts wins. */
const RULES: Rule[] = [
  {
    // 丁桥社区 (or 丁桥居委会).
    re: /^(\D{1,10}?)(社区|居委会|社区居委会)/u,
    apply: (m, out) => {
      if (out.community || out.village) return false;
      out.community = `${m[1]}社区`;
      return true;
    },
  },
  {
    // 大唐村 — but not 丁桥新村8幢 (an estate) nor 新村路 (a road).
    re: /^(\D{1,10}?村)(?:村?委会|民委员会)?/u,
    apply: (m, out, after) => {
      if (out.village || out.road || out.estate) return false;
      const next = after[0];
      if (next && ROAD_CHARS.includes(next)) return false;
      if (/^\d+(?:幢|栋|号楼|座|单元)/u.test(after)) return false;
      out.village = m[1];
      return true;
    },
  },
  {
    // 大唐3组: a village written without its 村, right before a group number.
    re: /^(\D{2,8}?)(?=\d+(?:组|队))/u,
    apply: (m, out) => {
      if (out.village || out.community || out.road || out.estate) return false;
      out.village = m[1];
      return true;
    },
  },
  {
    re: /^(\d+)(?:组|队|村民小组)/u,
    apply: (m, out) => {
      if (out.group !== undefined) return false;
      out.group = Number(m[1]);
      return true;
    },
  },
  {
    // 长睦路 before a number or at the end; 长睦路3弄 takes the lane with it.
    re: new RegExp(`^(\\D{1,14}?${ROAD_SUFFIX})(?=\\d|$)(?:(\\d+)弄)?`, 'u'),
    apply: (m, out) => {
      if (out.road || out.estate) return false;
      out.road = m[2] ? `${m[1]}${m[2]}弄` : m[1];
      return true;
    },
  },
  {
    // 丁桥花园3幢 / 3栋 / 3号楼 / 3座: an estate and a building.
    re: /^(\D{2,14}?)(\d+)(?:幢|栋|号楼|座)/u,
    apply: (m, out) => {
      if (out.estate || out.road) return false;
      out.estate = m[1];
      out.building = Number(m[2]);
      return true;
    },
  },
  {
    // A building without an estate name (3幢12号 after a community).
    re: /^(\d+)(?:幢|栋|号楼|座)/u,
    apply: (m, out) => {
      if (out.building !== undefined) return false;
      out.building = Number(m[1]);
      return true;
    },
  },
  {
    re: /^(\d+)单元/u,
    apply: (m, out) => {
      out.unit = Number(m[1]);
      return true;
    },
  },
  {
    re: /^(\d+)室/u,
    apply: (m, out) => {
      out.room = Number(m[1]);
      return true;
    },
  },
  {
    // 丁桥农贸市场23号: a named place and a number (no road suffix).
    re: /^(\D{2,14}?)(?=\d+(?:-\d+)?号)/u,
    apply: (m, out) => {
      if (out.estate || out.road || out.number !== undefined) return false;
      out.estate = m[1];
      return true;
    },
  },
  {
    // 58号, 23-1号 (the main number counts), or a bare number at the very end.
    re: /^(\d+)(?:-\d+)?(?:号|$)/u,
    apply: (m, out) => {
      if (out.number !== undefined) return false;
      out.number = Number(m[1]);
      return true;
    },
  },
];

/**
 * A village or community the gazetteer knows, written in full at the start of `tail` (新村村 and
 * 五星村 whole, where the shape rules would stop at the first 村) — unless a road or building
 * number makes it part of a longer name (新村路, 丁桥新村8幢).
 */
function knownPlace(tail: string, known: readonly string[], out: ParsedAddress): number {
  if (out.village || out.community || out.road || out.estate) return 0;
  for (const name of known) {
    if (!tail.startsWith(name)) continue;
    const after = tail.slice(name.length);
    if (after[0] && ROAD_CHARS.includes(after[0])) continue;
    if (/^\d+(?:幢|栋|号楼|座|单元)/u.test(after)) continue;
    const m = /^(?:村?委会|民委员会|居委会)?/u.exec(after);
    if (/(?:社区|居委会)$/u.test(name)) out.community = name;
    else out.village = name;
    return name.length + (m ? m[0].length : 0);
  }
  return 0;
}

/**
 * Splits a normalised, prefix-stripped address into village or community, 组, road, estate,
 * building and door number — by its shape: 大唐村1组23号, 长睦路356号, 丁桥社区丁桥新村8幢18号,
 * 丁桥花园3幢78号商铺, 丁桥农贸市场23号, 大唐村大唐路12号. Names in `known` (the gazetteer's
 * villages and communities, longest first) are taken whole where they stand. What no rule takes
 * goes to `rest`.
 */
export function parseAddress(text: string, known: readonly string[] = []): ParsedAddress {
  const out: ParsedAddress = { rest: '' };
  let i = 0;
  while (i < text.length) {
    const tail = text.slice(i);
    let taken = knownPlace(tail, known, out);
    for (const rule of taken > 0 ? [] : RULES) {
      const m = rule.re.exec(tail);
      if (m && m[0].length > 0 && rule.apply(m, out, tail.slice(m[0].length))) {
        taken = m[0].length;
        break;
      }
    }
    if (taken === 0) {
      out.rest += text[i];
      i++;
    } else {
      i += taken;
    }
  }
  return out;
}
