import { isAdminName } from './strip-prefixes';

/** A province, city, county, district or township name at the start of a text: 海宁市, 余杭区, 仁和街道. */
const ADMIN_TOKEN = /^[\u4e00-\u9fff]{2,6}?(?:自治区|自治州|自治县|街道办事处|街道|省|市|县|区|镇|乡)/u;

/** Words that end like an administrative name but are places inside a township: 江景小区, 农贸市场. */
const NOT_ADMIN = /(?:社区|小区|园区|景区|厂区|校区|街区|商区|超市|门市|集市)$/u;

function adminToken(text: string): string | null {
  const m = ADMIN_TOKEN.exec(text);
  if (!m) return null;
  const token = m[0];
  if (NOT_ADMIN.test(token)) return null;
  if (token.endsWith('市') && text[token.length] === '场') return null;
  return isAdminName(token) || token.endsWith('自治州') ? token : null;
}

/**
 * The administrative name that puts an address somewhere else: what is left after the township's
 * own prefixes were stripped starts with a county or township that is not ours — 海宁市丁桥镇… when
 * ours is 江干区丁桥镇, or 仁和街道五星村… A same-named village there is not our village. Null when
 * the address starts with no administrative name, or one of ours (`own`).
 */
export function foreignPrefix(rest: string, own: ReadonlySet<string>): string | null {
  const token = adminToken(rest);
  if (!token || own.has(token)) return null;
  return token;
}
