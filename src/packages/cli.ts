/** `amtsweg package …`: test a package folder or file, print the JSON Schema of the format. */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from '../db/database.ts';
import { PackageError } from './errors.ts';
import { loadPackageFile, PACKAGE_FILE, parsePackageText } from './load.ts';
import { ServicePackageSchema } from './schema.ts';
import { exportPackage, importPackage, listPackages, publishPackage, retirePackage } from './store.ts';
import { runPackageTests } from './test-runner.ts';

export const PACKAGE_USAGE = `  package test <folder|file>          validate a service package and run its test cases
  package schema                      print the JSON Schema of the service package format
  package import <file> [--publish]   store a package as a draft (refused unless valid and all tests pass)
  package export <id>@<version>       print a stored package as YAML
  package publish <id>@<version>      publish a draft (then it never changes)
  package retire <id>@<version>       stop new applications for a published version
  package list                        list the stored packages and their versions`;

/** What the database-backed subcommands need: a database and the tenant they act for. */
export interface PackageStore {
  db: Db;
  tenantArs: string;
  close(): Promise<void>;
}

type Print = (line: string) => void;

async function packagePath(path: string): Promise<string> {
  return (await stat(path)).isDirectory() ? join(path, PACKAGE_FILE) : path;
}

/** Runs a package's test cases; returns the exit code (0 all green, 1 red or invalid). */
export async function testPackageCommand(path: string, print: Print): Promise<number> {
  try {
    const pkg = await loadPackageFile(await packagePath(path));
    const results = runPackageTests(pkg);
    print(`${pkg.definition.id}@${pkg.definition.version}: ${results.length} Testfälle`);
    for (const result of results) {
      print(`${result.passed ? '✔' : '✖'} ${result.name}`);
      for (const failure of result.failures) print(`    ${failure}`);
    }
    const failed = results.filter((r) => !r.passed).length;
    print(`${results.length - failed} passed, ${failed} failed`);
    return failed === 0 ? 0 : 1;
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') {
      print(`✖ Nicht gefunden: ${path}`);
      return 1;
    }
    if (!(error instanceof PackageError)) throw error;
    print(`✖ Paket ungültig: ${error.source}`);
    for (const problem of error.problems) print(`    ${problem}`);
    return 1;
  }
}

export function packageSchemaJson(): string {
  const schema = { $schema: 'https://json-schema.org/draft/2020-12/schema', ...ServicePackageSchema };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

function parseRef(ref: string | undefined): { id: string; version: string } | undefined {
  const match = ref?.match(/^([a-z0-9][a-z0-9-]*)@(\d+\.\d+\.\d+)$/);
  return match?.[1] && match[2] ? { id: match[1], version: match[2] } : undefined;
}

async function storeCommand(
  sub: string,
  arg: string | undefined,
  flags: string[],
  store: PackageStore,
  print: Print,
): Promise<number> {
  const { db, tenantArs } = store;
  if (sub === 'list') {
    for (const p of await listPackages(db, tenantArs)) print(`${p.id}@${p.version}\t${p.status}\t${p.title}`);
    return 0;
  }
  if (sub === 'import' && arg) {
    const pkg = await importPackage(db, tenantArs, parsePackageText(await readFile(arg, 'utf8'), arg), arg);
    const { id, version } = pkg.definition;
    if (flags.includes('--publish')) await publishPackage(db, tenantArs, id, version);
    print(`✔ ${id}@${version} ${flags.includes('--publish') ? 'veröffentlicht' : 'als Entwurf gespeichert'}`);
    return 0;
  }
  const ref = parseRef(arg);
  if (!ref) {
    print(`Usage:\n${PACKAGE_USAGE}`);
    return 2;
  }
  if (sub === 'export') {
    const yaml = await exportPackage(db, tenantArs, ref.id, ref.version);
    if (yaml === undefined) {
      print(`✖ Nicht gefunden: ${arg}`);
      return 1;
    }
    print(yaml.trimEnd());
    return 0;
  }
  if (sub === 'publish') await publishPackage(db, tenantArs, ref.id, ref.version);
  else if (sub === 'retire') await retirePackage(db, tenantArs, ref.id, ref.version);
  else {
    print(`Usage:\n${PACKAGE_USAGE}`);
    return 2;
  }
  print(`✔ ${arg}: ${sub === 'publish' ? 'veröffentlicht' : 'zurückgezogen'}`);
  return 0;
}

export async function packageCommand(
  args: string[],
  print: Print,
  openStore: () => Promise<PackageStore>,
): Promise<number> {
  const [sub = '', arg, ...flags] = args;
  if (sub === 'test' && arg) return testPackageCommand(arg, print);
  if (sub === 'schema') {
    print(packageSchemaJson().trimEnd());
    return 0;
  }
  if (!['list', 'import', 'export', 'publish', 'retire'].includes(sub)) {
    print(`Usage:\n${PACKAGE_USAGE}`);
    return 2;
  }
  const store = await openStore();
  try {
    return await storeCommand(sub, arg, flags, store, print);
  } catch (error) {
    if (!(error instanceof PackageError)) throw error;
    print(`✖ ${error.source}`);
    for (const problem of error.problems) print(`    ${problem}`);
    return 1;
  } finally {
    await store.close();
  }
}
