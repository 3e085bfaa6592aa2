/**
 * Place names as people still write them, mapped to the current ones. The campaign's survey lists
 * predate the 2021 redistricting (江干区 went into 上城区) and the township's conversion to a
 * subdistrict (丁桥镇 → 丁兰街道), so both names must be understood. Short forms of the province and
 * city are here too, so every prefix the geocoder strips is one row a person can edit. Village
 * renames (村改居: 丁桥村 → 丁桥社区) belong here as well: an alias whose target is a village's name
 * makes the old name match that village.
 *
 * These are the rows a new database starts with (migration 3 inserts the same list); after that the
 * table `place_aliases` is the truth and this list only serves code that runs without a database.
 */
export const DEFAULT_ALIASES: readonly { from: string; to: string }[] = [
  { from: '浙江', to: '浙江省' },
  { from: '杭州', to: '杭州市' },
  { from: '江干区', to: '上城区' },
  { from: '江干', to: '上城区' },
  { from: '丁桥镇', to: '丁兰街道' },
  { from: '丁兰街道办事处', to: '丁兰街道' },
];
