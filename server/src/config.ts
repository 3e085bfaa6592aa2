import { resolve } from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./var'),
  DATABASE_URL: z
    .string()
    .regex(
      /^postgres(?:ql)?:\/\//u,
      'must be a postgres:// URL (leave it unset for the SQLite file in DATA_DIR)',
    )
    .optional(),
  DEMO: z.enum(['0', '1']).default('1'),
  DEMO_DIR: z.string().default('data/demo'),
  ADMIN_PASSWORD: z.string().optional(),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(120),
  SESSION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  dbFile: string;
  /** What the server runs on: `DATABASE_URL` (PostgreSQL/PostGIS) when set, else the SQLite file. */
  store: string;
  photosDir: string;
  seedDemo: boolean;
  demoDir: string;
  /** The first admin's password when the record is created (else one is generated and printed once). */
  adminPassword: string | undefined;
  sessions: { idleMs: number; absoluteMs: number };
}

/** Reads the configuration from the environment; throws a message naming the bad variable. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`bad environment variable ${issue.path.join('.')}: ${issue.message}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    dbFile: resolve(dataDir, 'shixiao.sqlite'),
    store: e.DATABASE_URL ?? resolve(dataDir, 'shixiao.sqlite'),
    photosDir: resolve(dataDir, 'photos'),
    seedDemo: e.DEMO === '1',
    demoDir: resolve(e.DEMO_DIR),
    adminPassword: e.ADMIN_PASSWORD,
    sessions: { idleMs: e.SESSION_IDLE_MINUTES * 60_000, absoluteMs: e.SESSION_HOURS * 3_600_000 },
  };
}
