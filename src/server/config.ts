// The one place that reads the environment. Everything else receives a Config.
import path from 'node:path';
import { z } from 'zod';

const boolean = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Set when a TLS-terminating proxy sits in front: enables HSTS and trusts X-Forwarded-*. */
  TRUST_PROXY: boolean.default(false),
  PUBLIC_URL: z.url().optional(),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(300),
  /** Poll interval of the background job worker. */
  JOB_POLL_MS: z.coerce.number().int().min(10).default(1000),
  /** Whether this process runs background jobs (turn off on API-only replicas). */
  JOBS_ENABLED: boolean.default(true),
  /** Serve the built web app (dist/web) from the API server. */
  SERVE_WEB: boolean.default(true),
  /** Master key (base64, 32 bytes) for secrets at rest; or a file holding it. */
  MASTER_KEY: z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'must be 32 bytes in base64 (44 characters)').optional(),
  MASTER_KEY_FILE: z.string().min(1).optional(),
  /** During a key rotation: the older master key(s), comma-separated base64, or a file with one per line. */
  MASTER_KEY_PREVIOUS: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=(,[A-Za-z0-9+/]{43}=)*$/, 'must be 32-byte keys in base64 (44 characters), comma-separated')
    .optional(),
  MASTER_KEY_PREVIOUS_FILE: z.string().min(1).optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(168).default(12),
  REAUTH_MINUTES: z.coerce.number().int().min(1).max(60).default(5),
  /** MFA for every role that asks for it (all seeded roles do). */
  MFA_REQUIRED: boolean.default(true),
  BREAK_GLASS_HOURS: z.coerce.number().min(0.25).max(24).default(2),
  SETUP_LINK_MINUTES: z.coerce.number().int().min(5).max(1440).default(60),
  /** Days after sending before an unanswered letter recipient is flagged overdue. */
  LETTER_RESPONSE_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  /** Largest uploaded file (evidence attachments), in bytes. */
  FILE_MAX_BYTES: z.coerce.number().int().min(1024).max(104_857_600).default(10_485_760),
  /** Largest person-list upload (xlsx/csv), in bytes: 1,000,000 rows of CSV are ~130 MB. */
  IMPORT_MAX_BYTES: z.coerce.number().int().min(1024).max(2_147_483_648).default(268_435_456),
  /** Worker threads that seal imported rows (default: 2, the cores of the reference machine). */
  IMPORT_WORKERS: z.coerce.number().int().min(1).max(64).default(2),
});

export type Config = Readonly<{
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  trustProxy: boolean;
  publicUrl: string | undefined;
  bodyLimitBytes: number;
  rateLimitPerMinute: number;
  jobPollMs: number;
  jobsEnabled: boolean;
  serveWeb: boolean;
  masterKey: string | undefined;
  masterKeyFile: string | undefined;
  masterKeyPrevious: readonly string[];
  masterKeyPreviousFile: string | undefined;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  reauthMinutes: number;
  mfaRequired: boolean;
  breakGlassHours: number;
  setupLinkMinutes: number;
  letterResponseDays: number;
  fileMaxBytes: number;
  importMaxBytes: number;
  importWorkers: number;
}>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and validates configuration; a bad value names its variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const input = Object.fromEntries(
    Object.keys(EnvSchema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]),
  );
  const parsed = EnvSchema.safeParse(input);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const name = String(i.path[0]);
      return `  ${name}=${JSON.stringify(env[name] ?? '')}: ${i.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return Object.freeze({
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    publicUrl: e.PUBLIC_URL,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    jobPollMs: e.JOB_POLL_MS,
    jobsEnabled: e.JOBS_ENABLED,
    serveWeb: e.SERVE_WEB,
    masterKey: e.MASTER_KEY,
    masterKeyFile: e.MASTER_KEY_FILE ? path.resolve(e.MASTER_KEY_FILE) : undefined,
    masterKeyPrevious: Object.freeze(e.MASTER_KEY_PREVIOUS ? e.MASTER_KEY_PREVIOUS.split(',') : []),
    masterKeyPreviousFile: e.MASTER_KEY_PREVIOUS_FILE ? path.resolve(e.MASTER_KEY_PREVIOUS_FILE) : undefined,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: e.SESSION_ABSOLUTE_HOURS,
    reauthMinutes: e.REAUTH_MINUTES,
    mfaRequired: e.MFA_REQUIRED,
    breakGlassHours: e.BREAK_GLASS_HOURS,
    setupLinkMinutes: e.SETUP_LINK_MINUTES,
    letterResponseDays: e.LETTER_RESPONSE_DAYS,
    fileMaxBytes: e.FILE_MAX_BYTES,
    importMaxBytes: e.IMPORT_MAX_BYTES,
    importWorkers: e.IMPORT_WORKERS,
  });
}

/** Database URL with the password hidden, for logs and messages. */
export function describeDatabase(config: Config): string {
  if (!config.databaseUrl) return `PGlite (embedded) in ${config.dataDir}`;
  const url = new URL(config.databaseUrl);
  if (url.password) url.password = '***';
  return `PostgreSQL ${url.toString()}`;
}
