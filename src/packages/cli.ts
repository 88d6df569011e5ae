/** `amtsweg package …`: test a package folder or file, print the JSON Schema of the format. */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { PackageError } from './errors.ts';
import { loadPackageFile, PACKAGE_FILE } from './load.ts';
import { ServicePackageSchema } from './schema.ts';
import { runPackageTests } from './test-runner.ts';

export const PACKAGE_USAGE = `  package test <folder|file>   validate a service package and run its test cases
  package schema               print the JSON Schema of the service package format`;

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

export async function packageCommand(args: string[], print: Print): Promise<number> {
  const [sub, path] = args;
  if (sub === 'test' && path) return testPackageCommand(path, print);
  if (sub === 'schema') {
    print(packageSchemaJson().trimEnd());
    return 0;
  }
  print(`Usage:\n${PACKAGE_USAGE}`);
  return 2;
}
