import { z } from 'zod';
import type { Db } from './open-database';

export const storedCampaignSchema = z.object({
  name: z.string().min(1),
  nameEn: z.string().default(''),
  township: z.string().min(1),
  townshipEn: z.string().default(''),
  start: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  end: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  sample: z.boolean().default(false),
});

export type StoredCampaign = z.infer<typeof storedCampaignSchema>;

export function readCampaign(db: Db): StoredCampaign | null {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'campaign'").pluck().get() as string | undefined;
  return row ? storedCampaignSchema.parse(JSON.parse(row)) : null;
}

export function writeCampaign(db: Db, campaign: StoredCampaign): void {
  db.prepare(
    "INSERT INTO meta (key, value) VALUES ('campaign', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
  ).run(JSON.stringify(storedCampaignSchema.parse(campaign)));
}
