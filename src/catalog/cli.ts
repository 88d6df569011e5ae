/** `amtsweg catalog …`: import an OZG catalogue file (Amtsweg CSV or the KDN SQL dump), export the catalogue. */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Db } from '../db/database.ts';
import { CatalogFileError, type CatalogRow, parseCatalogCsv, serializeCatalogCsv } from './catalog-csv.ts';
import { exportCatalog, importCatalog } from './import.ts';
import { type KdnDropped, parseKdnDump } from './kdn-dump.ts';

export const CATALOG_USAGE = `  catalog import <file.csv|file.sql>   import the OZG catalogue: Amtsweg CSV (docs/catalog-format.md)
                                      or the SQL dump of KDN's OZG-Datenbank NRW; nothing on any error
  catalog export [--format csv|json]  print the stored catalogue (default CSV)`;

/** The database the import and export subcommands work on. */
export interface CatalogStore {
  db: Db;
  close(): Promise<void>;
}

type Print = (line: string) => void;

// A person fixing a file needs the first problems, not thousands of lines about a wrong delimiter.
const SHOWN_PROBLEMS = 20;

interface ReadFile {
  rows: CatalogRow[];
  format: 'csv' | 'kdn-sql';
  dropped?: KdnDropped;
}

async function readCatalogFile(path: string): Promise<ReadFile> {
  const extension = extname(path).toLowerCase();
  if (extension === '.csv')
    return { rows: parseCatalogCsv(await readFile(path, 'utf8'), path), format: 'csv' };
  const { rows, dropped } = parseKdnDump(await readFile(path, 'utf8'), path);
  return { rows, format: 'kdn-sql', dropped };
}

function droppedLine({ notInLeika, withoutBundle, junkLage, duplicateKey }: KdnDropped): string {
  return (
    `Ausgelassen: ${notInLeika} ohne gültigen LeiKa-Schlüssel, ${withoutBundle} ohne OZG-Leistung, ` +
    `${junkLage} unter Test-Lagen, ${duplicateKey} doppelt`
  );
}

async function importCommand(path: string, out: Print, err: Print, openStore: () => Promise<CatalogStore>) {
  const extension = extname(path).toLowerCase();
  if (extension !== '.csv' && extension !== '.sql') {
    err(
      `✖ ${path}: Dieses Format kann Amtsweg nicht lesen. Erlaubt sind eine Katalog-CSV (.csv, siehe ` +
        'docs/catalog-format.md) und der SQL-Dump der OZG-Datenbank NRW (.sql). ' +
        'Eine Excel-Datei bitte erst in das CSV-Format von Amtsweg umwandeln.',
    );
    return 1;
  }
  let file: ReadFile;
  try {
    file = await readCatalogFile(path);
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') {
      err(`✖ Nicht gefunden: ${path}`);
      return 1;
    }
    if (!(error instanceof CatalogFileError)) throw error;
    err(`✖ ${path}: ${error.problems.length} Fehler, nichts importiert.`);
    for (const problem of error.problems.slice(0, SHOWN_PROBLEMS)) err(`    ${problem}`);
    if (error.problems.length > SHOWN_PROBLEMS)
      err(`    … und ${error.problems.length - SHOWN_PROBLEMS} weitere`);
    return 1;
  }
  const store = await openStore();
  try {
    const counts = await importCatalog(store.db, file.rows, { source: path, format: file.format });
    const municipal = file.rows.filter((row) => row.municipal).length;
    out(
      `✔ Katalog importiert: ${counts.leistungen} Leistungen (${municipal} kommunal) in ${counts.bundles} OZG-Leistungen; ` +
        `neu ${counts.inserted}, geändert ${counts.updated}, unverändert ${counts.leistungen - counts.inserted - counts.updated}`,
    );
    if (file.dropped) out(droppedLine(file.dropped));
    return 0;
  } finally {
    await store.close();
  }
}

async function exportCommand(
  flags: string[],
  out: Print,
  err: Print,
  openStore: () => Promise<CatalogStore>,
) {
  const format = flags[0] === '--format' ? flags[1] : flags.length === 0 ? 'csv' : undefined;
  if (format !== 'csv' && format !== 'json') {
    err(`Usage:\n${CATALOG_USAGE}`);
    return 2;
  }
  const store = await openStore();
  try {
    const rows = await exportCatalog(store.db);
    out(format === 'csv' ? serializeCatalogCsv(rows).trimEnd() : JSON.stringify(rows, null, 2));
    return 0;
  } finally {
    await store.close();
  }
}

/** Runs `catalog <sub> …`; returns the exit code (0 done, 1 refused file, 2 wrong usage). */
export async function catalogCommand(
  args: string[],
  out: Print,
  err: Print,
  openStore: () => Promise<CatalogStore>,
): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'import' && rest.length === 1 && rest[0]) return importCommand(rest[0], out, err, openStore);
  if (sub === 'export') return exportCommand(rest, out, err, openStore);
  err(`Usage:\n${CATALOG_USAGE}`);
  return 2;
}
