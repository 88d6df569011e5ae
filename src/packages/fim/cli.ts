/**
 * `amtsweg import-fim <schema.xml> [code-list.xml …]`: a FIM Stammdatenschema as a service package (YAML on stdout).
 * `amtsweg import-codelist <genericode.xml> …`: a genericode code list (FIM, XRepository) as the `codeLists`
 * entry of a package, for a designer who writes the package by hand.
 */
import { readFile } from 'node:fs/promises';
import { stringify } from 'yaml';
import { loadPackage } from '../load.ts';
import { FimImportError } from './errors.ts';
import { type GenericodeColumns, importGenericode } from './genericode.ts';
import { importFim } from './import-fim.ts';

export const IMPORT_FIM_USAGE = `  import-fim <schema.xml> [code-list.xml …]   turn a FIM XDatenfelder 2.0/3.0 schema into a package (YAML)
  import-codelist <genericode.xml> [--code-key K] [--name-key N]
                                              a genericode code list as a package's codeLists entry (YAML)`;

type Print = (line: string) => void;

export async function importFimCommand(paths: string[], out: Print, err: Print): Promise<number> {
  const [schemaPath, ...codeListPaths] = paths;
  if (!schemaPath) {
    err(`Usage:\n${IMPORT_FIM_USAGE}`);
    return 2;
  }
  return reportErrors(err, async () => {
    const codeLists = new Map(
      await Promise.all(codeListPaths.map(async (path) => [path, await readFile(path, 'utf8')] as const)),
    );
    const result = importFim(await readFile(schemaPath, 'utf8'), { codeLists });
    // The import must yield a package our own loader accepts, FEEL included; otherwise it is a bug to report.
    loadPackage(result.package, schemaPath);
    for (const warning of result.warnings) err(`Hinweis: ${warning}`);
    out(stringify(result.package, { lineWidth: 120 }).trimEnd());
    return 0;
  });
}

// A Map, not an object literal: a lookup there would also find `constructor` or `__proto__`.
const COLUMN_OPTIONS = new Map<string, keyof GenericodeColumns>([
  ['--code-key', 'codeKey'],
  ['--name-key', 'nameKey'],
]);

/** `--code-key`/`--name-key` pick the columns, as XDatenfelder 3's codeKey/nameKey do; default: the list's key and a name-like column. */
export async function importCodeListCommand(args: string[], out: Print, err: Print): Promise<number> {
  const [path, ...options] = args;
  const columns: GenericodeColumns = {};
  for (let i = 0; i < options.length; i += 2) {
    const name = COLUMN_OPTIONS.get(options[i] ?? '');
    const value = options[i + 1];
    if (!name || !value) {
      err(`Usage:\n${IMPORT_FIM_USAGE}`);
      return 2;
    }
    columns[name] = value;
  }
  if (!path) {
    err(`Usage:\n${IMPORT_FIM_USAGE}`);
    return 2;
  }
  return reportErrors(err, async () => {
    const { id, codeList } = importGenericode(await readFile(path, 'utf8'), columns);
    out(stringify({ codeLists: { [id]: codeList } }, { lineWidth: 120 }).trimEnd());
    return 0;
  });
}

/** A missing file or a file that is not what it should be: a one-line message and exit code 1. */
async function reportErrors(err: Print, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') {
      err(`✖ Nicht gefunden: ${(error as { path?: string }).path}`);
      return 1;
    }
    if (error instanceof FimImportError) {
      err(`✖ ${error.message}`);
      return 1;
    }
    throw error;
  }
}
