import type { AppContext } from '../context';
import { audit } from '../db/audit';
import { listTownships } from '../db/geography';
import type { Db } from '../db/open-database';
import { ApiError } from '../http/api-error';

/** A township named in the set-up whose boundaries are not imported yet. */
export interface TownshipToAdd {
  code: string;
  name: string;
}

const KEY = 'townships_to_add';

/** The townships added in the set-up and still waiting for their boundaries. */
export function townshipsToAdd(db: Db): TownshipToAdd[] {
  const text = db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(KEY) as string | undefined;
  return text ? (JSON.parse(text) as TownshipToAdd[]) : [];
}

function writeTownshipsToAdd(db: Db, list: readonly TownshipToAdd[]): void {
  db.prepare(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(KEY, JSON.stringify(list));
}

const refuse = (en: string, zh: string) => new ApiError(422, 'bad_township', en, undefined, zh);

/**
 * Adds a township to the district's record (setup --add): named and coded now, it comes into being
 * with its boundaries (`import boundaries FILE --township CODE`), its villages' union as its
 * outline until its own is imported. The campaign, its dates and goals stay the district's.
 */
export function addTownship(ctx: AppContext, t: TownshipToAdd, actor: string | null): TownshipToAdd {
  const name = t.name.trim();
  const code = t.code.trim();
  if (!ctx.campaign.configured)
    throw refuse(
      'the record is not set up yet: set its first township up first (数据管理 → 本镇设置, or setup --township NAME without --add)',
      '尚未完成设置：请先设置第一个乡镇（数据管理 → 本镇设置，或命令 setup --township 名称，不加 --add）',
    );
  if (!/^\d{12}$/.test(code))
    throw refuse(
      `code: a township added to the district needs its 12-digit code (got ${JSON.stringify(code)}), e.g. 330114104000`,
      `乡镇代码：新增乡镇须填写12位乡镇代码（现为“${code}”），例如 330114104000`,
    );
  const district = ctx.campaign.districtCode.slice(0, 6);
  if (district && !code.startsWith(district))
    throw refuse(
      `code: ${code} does not start with the district's code ${district}`,
      `乡镇代码：${code} 不在本区（代码 ${district}）之内，请核对`,
    );
  const taken = [...listTownships(ctx.db), ...townshipsToAdd(ctx.db)].find(
    (x) => x.code === code || x.name === name,
  );
  if (taken)
    throw refuse(
      `the record has the township ${taken.name} (${taken.code}) already; a township is added once`,
      `系统中已有乡镇 ${taken.name}（${taken.code}），不能重复新增`,
    );
  ctx.db.transaction(() => {
    writeTownshipsToAdd(ctx.db, [...townshipsToAdd(ctx.db), { code, name }]);
    audit(ctx.db, { actor, action: 'create', entity: 'township', after: { code, name, pending: true } });
  })();
  return { code, name };
}

/** Takes a township waiting for its boundaries off the list (inside the import's transaction). */
export function takeTownshipToAdd(db: Db, code: string): TownshipToAdd | null {
  const list = townshipsToAdd(db);
  const found = list.find((t) => t.code === code) ?? null;
  if (found)
    writeTownshipsToAdd(
      db,
      list.filter((t) => t !== found),
    );
  return found;
}
