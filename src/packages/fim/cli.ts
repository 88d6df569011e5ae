/** `amtsweg import-fim <schema.xml> [code-list.xml …]`: a FIM Stammdatenschema as a service package (YAML on stdout). */
import { readFile } from 'node:fs/promises';
import { stringify } from 'yaml';
import { loadPackage } from '../load.ts';
import { FimImportError } from './errors.ts';
import { importFim } from './import-fim.ts';

export const IMPORT_FIM_USAGE =
  '  import-fim <schema.xml> [code-list.xml …]   turn a FIM XDatenfelder 2.0/3.0 schema into a package (YAML)';

type Print = (line: string) => void;

export async function importFimCommand(paths: string[], out: Print, err: Print): Promise<number> {
  const [schemaPath, ...codeListPaths] = paths;
  if (!schemaPath) {
    err(`Usage:\n${IMPORT_FIM_USAGE}`);
    return 2;
  }
  try {
    const codeLists = new Map(
      await Promise.all(codeListPaths.map(async (path) => [path, await readFile(path, 'utf8')] as const)),
    );
    const result = importFim(await readFile(schemaPath, 'utf8'), { codeLists });
    // The import must yield a package our own loader accepts, FEEL included; otherwise it is a bug to report.
    loadPackage(result.package, schemaPath);
    for (const warning of result.warnings) err(`Hinweis: ${warning}`);
    out(stringify(result.package, { lineWidth: 120 }).trimEnd());
    return 0;
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
