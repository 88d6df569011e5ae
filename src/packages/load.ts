/** Reads a service package from YAML or JSON, checks it against the schema and for consistency, and compiles it. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Value } from 'typebox/value';
import { parse as parseYaml } from 'yaml';
import { type CompiledPackage, compilePackage } from './compile.ts';
import { PackageError } from './errors.ts';
import { type ServicePackage, ServicePackageSchema } from './schema.ts';

export const PACKAGE_FILE = 'package.yaml';

/** Parses YAML (a superset of JSON) into plain data. */
export function parsePackageText(text: string, source: string): unknown {
  try {
    return parseYaml(text, { uniqueKeys: true, maxAliasCount: 100, merge: true });
  } catch (error) {
    throw new PackageError(source, [`not valid YAML or JSON: ${(error as Error).message}`]);
  }
}

function schemaProblems(data: unknown): string[] {
  return [...Value.Errors(ServicePackageSchema, data)]
    .slice(0, 50)
    .map((e) => `${e.instancePath || '/'}: ${e.message}`);
}

function duplicates(values: string[]): string[] {
  return [...new Set(values.filter((value, index) => values.indexOf(value) !== index))];
}

/** What the schema cannot say: unique ids and names, code lists that exist, test cases naming real fields. */
export function consistencyProblems(pkg: ServicePackage): string[] {
  const problems: string[] = [];
  const pageIds = pkg.form.pages.map((p) => p.id);
  for (const id of duplicates(pageIds)) problems.push(`form.pages: page id "${id}" is used twice`);
  const reservedPages = pageIds.filter((id) => ['pruefen', 'erklaerung', 'speichern'].includes(id));
  for (const id of reservedPages) problems.push(`form.pages: page id "${id}" is reserved`);
  const items = pkg.form.pages.flatMap((p) => p.fields);
  const names = [
    ...items.flatMap((i) => ('name' in i ? [i.name] : [])),
    ...(pkg.form.computed ?? []).map((c) => c.name),
  ];
  for (const name of duplicates(names)) problems.push(`form: the name "${name}" is used twice`);
  for (const item of items) {
    if (item.kind === 'repeat') {
      for (const name of duplicates(item.fields.map((f) => f.name)))
        problems.push(`form: "${item.name}" has the field "${name}" twice`);
      if (item.min > item.max) problems.push(`form: "${item.name}" has min greater than max`);
    }
    const fields = item.kind === 'repeat' ? item.fields : [item];
    for (const field of fields) {
      if (field.kind === 'codeList' && !pkg.codeLists?.[field.codeList]) {
        problems.push(
          `form: "${field.name}" refers to the code list "${field.codeList}", which the package does not contain`,
        );
      }
      if (field.kind === 'text' && field.pattern) {
        try {
          new RegExp(field.pattern.regex, 'u');
        } catch {
          problems.push(`form: "${field.name}" has an invalid pattern`);
        }
      }
    }
  }
  if (
    pkg.form.recipientAddress &&
    !items.some((i) => i.kind === 'address' && i.name === pkg.form.recipientAddress)
  ) {
    problems.push(`form.recipientAddress: "${pkg.form.recipientAddress}" is not an address field`);
  }
  for (const [i, testCase] of pkg.tests.entries()) {
    for (const field of testCase.expect.errors ?? []) {
      if (!names.includes(field.split('.')[0] ?? ''))
        problems.push(`tests[${i}] "${testCase.name}": expects an error on unknown field "${field}"`);
    }
    for (const page of testCase.expect.pages ?? []) {
      if (!pageIds.includes(page)) problems.push(`tests[${i}] "${testCase.name}": unknown page "${page}"`);
    }
  }
  return problems;
}

/** Validates `data` as a package and compiles it; throws PackageError listing every problem. */
export function loadPackage(data: unknown, source: string): CompiledPackage {
  const problems = schemaProblems(data);
  if (problems.length > 0) throw new PackageError(source, problems);
  const pkg = data as ServicePackage;
  const consistency = consistencyProblems(pkg);
  if (consistency.length > 0) throw new PackageError(source, consistency);
  return compilePackage(pkg);
}

export async function loadPackageFile(path: string): Promise<CompiledPackage> {
  const text = await readFile(path, 'utf8');
  return loadPackage(parsePackageText(text, path), path);
}

/** Loads every `<dir>/*\/package.yaml`, e.g. the shipped samples in services/. */
export async function loadPackageDirectory(dir: string): Promise<CompiledPackage[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const folders = entries.filter((e) => e.isDirectory()).map((e) => join(dir, e.name, PACKAGE_FILE));
  return Promise.all(folders.sort().map((path) => loadPackageFile(path)));
}
