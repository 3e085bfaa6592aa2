import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext } from '../context';
import { audit } from '../db/audit';
import { addStandardVersion, currentStandards, standardVersions } from '../db/standards';
import { CATEGORY_CODES, type CategoryCode, categoryByCode } from '../domain/categories';
import { standardItemsSchema } from '../domain/inspection/standard';
import { ApiError } from '../http/api-error';
import { type AppEnv, actorName } from '../http/auth';
import { validate } from '../http/validate';

const categoryParam = z.object({ category: z.string() });

function categoryOr404(code: string): CategoryCode {
  if (!categoryByCode(code))
    throw new ApiError(
      404,
      'not_found',
      `category ${code} not found (expected one of ${CATEGORY_CODES.join(', ')})`,
      undefined,
      `未找到行业：${code}（应为 ${CATEGORY_CODES.join('、')} 之一）`,
    );
  return code as CategoryCode;
}

/**
 * The standards per trade (生产经营规范和服务标准): a checklist per category, each item with the
 * problem it raises when failed. The admin writes a new version; old versions stay, and each
 * inspection keeps the version it was made against.
 */
export function standardRoutes(ctx: AppContext) {
  return new Hono<AppEnv>()
    .get('/', (c) => c.json({ standards: currentStandards(ctx.db) }))
    .get('/:category', validate('param', categoryParam), (c) => {
      const category = categoryOr404(c.req.valid('param').category);
      return c.json({ category, versions: standardVersions(ctx.db, category) });
    })
    .put(
      '/:category',
      validate('param', categoryParam),
      validate(
        'json',
        z.object({ items: standardItemsSchema, note: z.string().trim().max(2000).default('') }).strict(),
      ),
      (c) => {
        const category = categoryOr404(c.req.valid('param').category);
        const { items, note } = c.req.valid('json');
        const standard = ctx.db.transaction(() => {
          const added = addStandardVersion(ctx.db, { category, items, note, createdBy: actorName(c) });
          audit(ctx.db, {
            actor: actorName(c),
            action: 'create',
            entity: 'standard',
            after: { category, version: added.version, items, note },
          });
          return added;
        })();
        return c.json(standard, 201);
      },
    );
}
