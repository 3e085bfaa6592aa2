import { z } from 'zod';
import type { Db } from './open-database';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** One year of the plan: its due date, the progress it aims at, and what it asks for. */
export const annualGoalSchema = z.object({
  year: z.number().int(),
  due: isoDay,
  targetProgress: z.number().min(0).max(1),
  title: z.string(),
  titleEn: z.string().default(''),
  goals: z.array(z.string()),
  goalsEn: z.array(z.string()).default([]),
});

/**
 * The campaign as the record keeps it: what it is called, where (province → township, with the
 * names people still write for each level), when, and the plan's goals per year. `configured` is
 * false only for a record started empty that nobody has set up yet.
 */
export const storedCampaignSchema = z.object({
  name: z.string().min(1),
  nameEn: z.string().default(''),
  township: z.string().min(1),
  townshipEn: z.string().default(''),
  townshipCode: z.string().default(''),
  townshipOtherNames: z.array(z.string()).default([]),
  province: z.string().default(''),
  city: z.string().default(''),
  district: z.string().default(''),
  districtCode: z.string().default(''),
  districtOtherNames: z.array(z.string()).default([]),
  start: isoDay,
  end: isoDay,
  /** null: the plan's three sets of goals placed on the campaign's years (planGoals). */
  goals: z.array(annualGoalSchema).nullable().default(null),
  sample: z.boolean().default(false),
  configured: z.boolean().default(true),
});

export type StoredCampaign = z.infer<typeof storedCampaignSchema>;
export type StoredCampaignInput = z.input<typeof storedCampaignSchema>;

export function readCampaign(db: Db): StoredCampaign | null {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'campaign'").pluck().get() as string | undefined;
  return row ? storedCampaignSchema.parse(JSON.parse(row)) : null;
}

export function writeCampaign(db: Db, campaign: StoredCampaignInput): StoredCampaign {
  const parsed = storedCampaignSchema.parse(campaign);
  db.prepare(
    "INSERT INTO meta (key, value) VALUES ('campaign', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
  ).run(JSON.stringify(parsed));
  return parsed;
}
