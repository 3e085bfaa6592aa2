import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext } from '../context';
import { searchAudit } from '../db/audit';
import { type AppEnv, actorOf } from '../http/auth';
import { auditValuesAs } from '../http/premise-views';
import { idParam, isoDate, validate } from '../http/validate';

const auditQuery = z.object({
  premise: idParam.optional(),
  actor: z.string().trim().min(1).max(40).optional(),
  action: z.string().trim().min(1).max(40).optional(),
  entity: z.string().trim().min(1).max(40).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

/**
 * The audit log (append-only), searched by premise, user, action and date: who did what, before and
 * after — a premise's personal data in it masked as the reader's role sees it in the file.
 */
export function auditRoutes(ctx: AppContext) {
  return new Hono<AppEnv>().get('/', validate('query', auditQuery), (c) => {
    const { role } = actorOf(c);
    const { total, items } = searchAudit(ctx.db, c.req.valid('query'));
    return c.json({
      total,
      items: items.map((i) => ({
        ...i,
        before: auditValuesAs(role, i.before),
        after: auditValuesAs(role, i.after),
      })),
    });
  });
}
