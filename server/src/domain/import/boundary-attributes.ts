/** Attribute names that hold a village's name or code in the files offices get (三调 land data, QGIS, KML). */
const NAME_KEYS = [
  'name',
  '名称',
  '村名',
  '村名称',
  '社区名称',
  '村社区',
  '村社区名称',
  'xzqmc',
  'zldwmc',
  'cunming',
  'mc',
  'village',
  'title',
];
const CODE_KEYS = [
  'code',
  '代码',
  '编码',
  '村代码',
  '区划代码',
  '行政区划代码',
  '村社区代码',
  'xzqdm',
  'zldwdm',
  'dm',
  'adcode',
  'village_code',
];

function pick(properties: Record<string, unknown>, keys: readonly string[]): string | null {
  const lower = new Map(Object.entries(properties).map(([k, v]) => [k.trim().toLowerCase(), v]));
  for (const k of keys) {
    const v = lower.get(k);
    if (v !== undefined && v !== null && String(v).trim() !== '') return String(v).trim();
  }
  return null;
}

/** The name of a boundary feature, from the usual attribute names. */
export function featureName(properties: Record<string, unknown>): string | null {
  return pick(properties, NAME_KEYS);
}

/**
 * The 12-digit code of a boundary feature. Land-survey data writes 坐落单位代码 (ZLDWDM) as 19
 * digits: the 12-digit village code padded with zeros, which is cut back to 12.
 */
export function featureCode(properties: Record<string, unknown>): string | null {
  const code = pick(properties, CODE_KEYS);
  if (!code) return null;
  const digits = code.replace(/\.0+$/, '');
  if (/^\d{13,19}$/.test(digits) && /^0+$/.test(digits.slice(12))) return digits.slice(0, 12);
  return digits;
}
