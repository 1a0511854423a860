/**
 * Issue 12 item 10, docs/decisions/0008: exceljs is fenced. Only the bounded reader
 * (read-xlsx.ts, behind checkXlsxArchive) and the two writers of the product's own data import it,
 * and the ADR's list of production dependencies is the one package.json installs, so a reviewer
 * who cannot run `npm audit` here checks the real versions.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ADR = 'docs/decisions/0008-exceljs-kept-behind-xlsx-bounds.md';

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(path.join(root, dir), { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && /\.(ts|tsx|mjs)$/.test(e.name))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

test('exceljs is imported only by the bounded reader and the two writers', async () => {
  const files = (await Promise.all(['server', 'client', 'shared', 'db', 'scripts'].map(sourceFiles))).flat();
  const importing: string[] = [];
  for (const file of files) {
    const source = await readFile(path.join(root, file), 'utf8');
    if (/from ['"]exceljs['"]|import\(['"]exceljs['"]\)|require\(['"]exceljs['"]\)/.test(source))
      importing.push(file);
  }
  expect(importing.sort()).toEqual([
    'server/services/report-files.ts',
    'server/spreadsheets/export.ts',
    'server/spreadsheets/read-xlsx.ts',
  ]);
  // exceljs reads in one place: a WorkbookReader built by one function, which only readXlsxRows
  // calls, after the archive check; no module loads a whole workbook (xlsx.load / xlsx.read)
  const reader = await readFile(path.join(root, 'server/spreadsheets/read-xlsx.ts'), 'utf8');
  const constructions = [...reader.matchAll(/new ExcelJS\.stream\.xlsx\.WorkbookReader\(/g)];
  expect(constructions).toHaveLength(1);
  const at = constructions[0]?.index ?? 0;
  const builder = reader.slice(reader.lastIndexOf('function ', at)).match(/^function (\w+)/)?.[1] ?? '';
  expect(builder).not.toBe('');
  const calls = [...reader.matchAll(new RegExp(`\\b${builder}\\(`, 'g'))].map((m) => m.index ?? 0);
  expect(calls).toHaveLength(2); // the definition and the one call
  const body = reader.slice(reader.indexOf('export async function* readXlsxRows'));
  expect(body.indexOf('await checkXlsxArchive(')).toBeGreaterThan(-1);
  expect(body.indexOf('await checkXlsxArchive(')).toBeLessThan(body.indexOf(`${builder}(`));
  for (const file of importing)
    expect(await readFile(path.join(root, file), 'utf8'), file).not.toMatch(/\.xlsx\.(load|read)\(/);
});

test("the ADR lists exactly package.json's production dependencies, with their versions", async () => {
  const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  const lock = JSON.parse(await readFile(path.join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { version: string }>;
  };
  const adr = await readFile(path.join(root, ADR), 'utf8');
  const section = adr.slice(adr.indexOf('Production dependencies ('));
  const listed = Object.fromEntries(
    [...section.matchAll(/^\|\s*`([^`]+)`\s*\|\s*([^\s|]+)\s*\|/gm)].map((m) => [
      m[1] as string,
      m[2] as string,
    ]),
  );
  expect(listed).toEqual(pkg.dependencies);
  for (const [name, version] of Object.entries(pkg.dependencies))
    expect(lock.packages[`node_modules/${name}`]?.version, name).toBe(version);
});
