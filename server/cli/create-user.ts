/**
 * Creates an account from the command line — the way to make the first office account on a
 * server nobody can sign into yet, or to recover when every office account is disabled.
 *
 *   npm run create-user -- --username office --role office --password-stdin
 *   printf '%s' "$PW" | npm run create-user -- --username mzj --role agency --agency 厦门市民政局 --name 张三
 *
 * The password is read from stdin (a hidden prompt on a terminal), never from the arguments, where
 * it would land in shell history and the process list. Works on the database the server uses
 * (DATABASE_URL or DATA_DIR); an agency or deputy named here is created when not yet known.
 */
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { openDatabase } from '../../db/connect';
import { migrateToLatest } from '../../db/migrate';
import { ROLES } from '../../shared/auth';
import { zonedClock } from '../../shared/clock';
import { CreateUserSchema } from '../../shared/schemas/auth';
import { DomainError } from '../domain/errors';
import { readEnv } from '../env';
import { ensureAgency, ensureDeputy } from '../repositories/parties';
import { createUserAccount } from '../services/user-accounts';

const USAGE = `usage: npm run create-user -- --username NAME --role ${ROLES.join('|')} [--name 显示名]
                              [--agency 承办单位名称] [--deputy 代表姓名] [--password-stdin]`;

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
    return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  }
  // Typed characters go to a sink instead of the screen.
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const prompt = createInterface({ input: process.stdin, output: silent, terminal: true });
  process.stdout.write('密码 / password (至少 10 位): ');
  const password = await prompt.question('');
  prompt.close();
  process.stdout.write('\n');
  return password;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      username: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      agency: { type: 'string' },
      deputy: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || !values.username || !values.role) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }

  const env = readEnv();
  const { db } = openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: path.resolve(env.DATA_DIR) });
  try {
    await migrateToLatest(db);
    const now = zonedClock(env.APP_TIME_ZONE).now();
    const at = now.toISOString();
    const agencyId = values.agency ? await ensureAgency(db, values.agency.trim(), at) : undefined;
    const deputyId = values.deputy ? await ensureDeputy(db, values.deputy.trim(), at) : undefined;
    const parsed = CreateUserSchema.safeParse({
      username: values.username,
      role: values.role,
      displayName: values.name ?? values.deputy ?? values.username,
      agencyId,
      deputyId,
      password: await readPassword(),
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        console.error(`✗ ${issue.path.join('.') || 'input'}: ${issue.message}`);
      return 1;
    }
    const user = await createUserAccount(db, parsed.data, { userId: null, name: 'cli' }, now);
    const where = user.agencyName ?? user.deputyName;
    console.log(
      `已创建用户 (user created) #${user.id} ${user.username} · ${user.role}${where ? ` · ${where}` : ''}`,
    );
    return 0;
  } catch (error) {
    if (error instanceof DomainError) {
      console.error(`✗ ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await db.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
