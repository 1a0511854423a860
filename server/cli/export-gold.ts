/**
 * `npm run export-gold -- [--out DIR]`: writes the fully reviewed letters of the configured
 * database as a gold corpus (DIR/letters/*.txt, DIR/gold/*.json; default ./gold-export), ready for
 * `node ../shared/tools/score-extraction.mjs --corpus DIR`. Files of an earlier export with the
 * same names are replaced; others in DIR are left alone.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openDatabase } from '../../db/connect';
import { migrateToLatest } from '../../db/migrate';
import { readEnv } from '../env';
import { goldCorpus } from '../services/gold-export';

function outDir(args: readonly string[]): string {
  const i = args.indexOf('--out');
  if (i < 0) return path.resolve('gold-export');
  const dir = args[i + 1];
  if (!dir || dir.startsWith('--')) {
    console.error('用法 usage: npm run export-gold -- [--out DIR]');
    process.exit(2);
  }
  return path.resolve(dir);
}

async function main() {
  const out = outDir(process.argv.slice(2).filter((a) => a !== '--'));
  const env = readEnv();
  const { db } = openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: path.resolve(env.DATA_DIR) });
  try {
    await migrateToLatest(db);
    const files = await goldCorpus(db);
    await mkdir(path.join(out, 'letters'), { recursive: true });
    await mkdir(path.join(out, 'gold'), { recursive: true });
    for (const file of files) {
      await writeFile(path.join(out, 'letters', `${file.name}.txt`), file.letter);
      await writeFile(path.join(out, 'gold', `${file.name}.json`), `${JSON.stringify(file.gold, null, 2)}\n`);
    }
    const items = files.reduce((n, f) => n + f.gold.commitments.length, 0);
    console.log(
      `完成 done: ${files.length} 封已核实完毕的答复函 fully reviewed letters, ${items} 项承诺 commitments → ${out}`,
    );
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
