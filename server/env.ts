/**
 * Configuration from the environment, validated once at boot so a typo fails fast with a
 * readable message instead of a half-working server.
 */
import { z } from 'zod';
import { DEFAULT_TIME_ZONE, isTimeZone } from '../shared/clock';
import { bundled } from './app-paths';

const flag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const EnvSchema = z.object({
  /** the bundle (npm run build) is the production build: `node dist/server/main.js` needs no NODE_ENV */
  NODE_ENV: z.enum(['development', 'production', 'test']).default(bundled ? 'production' : 'development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.url().optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  /** load the seed letter on an empty database */
  SEED: flag.default(true),
  /** add demo progress (演示数据) to the seed letter's commitments */
  DEMO_DATA: flag.default(true),
  /** anonymous read access; replies are published documents, so it is on unless PUBLIC_READ=0 */
  PUBLIC_READ: flag.default(true),
  /** pino level of the request and error logs */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** the first supervision-office account, created on start when no office account exists */
  OFFICE_USERNAME: z.string().optional(),
  OFFICE_PASSWORD: z.string().optional(),
  /**
   * reverse proxies in front of the server (1 = one nginx): their X-Forwarded-For/Proto/Host are
   * trusted, so the client's address, https and the host are seen. A count, not yes/no: trusting
   * everything lets any client choose its address with X-Forwarded-For.
   */
  TRUST_PROXY: z
    .string()
    .regex(/^\d{1,2}$/, '应为反向代理的层数 (number of proxy hops), 如 TRUST_PROXY=1;不接受 true')
    .transform(Number)
    .default(0),
  /**
   * the IANA zone "today" is taken in (today's date, overdue, the running year): the agencies are in
   * China, so Asia/Shanghai unless the product runs elsewhere. Not TZ itself, which would move the
   * whole process's logs and the database driver's dates too.
   */
  APP_TIME_ZONE: z
    .string()
    .refine(isTimeZone, '未知的时区名称 (unknown IANA time zone), 如 APP_TIME_ZONE=Asia/Shanghai')
    .default(DEFAULT_TIME_ZONE),
});

export type Env = z.infer<typeof EnvSchema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(Object.fromEntries(Object.entries(source).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`❌ Invalid environment variables:\n${problems}`);
  }
  return parsed.data;
}
