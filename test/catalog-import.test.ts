/** The OZG catalogue import against real PostgreSQL: the shipped 2019 file, round trips, updates, bad files. */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { parseCatalogCsv, serializeCatalogCsv } from '../src/catalog/catalog-csv.ts';
import { type CatalogStore, catalogCommand } from '../src/catalog/cli.ts';
import {
  catalogIsEmpty,
  exportCatalog,
  importCatalog,
  loadShippedCatalog,
  SHIPPED_CATALOG,
} from '../src/catalog/import.ts';
import { createDatabase, type Db } from '../src/db/database.ts';
import { type EmbeddedPostgres, startEmbeddedPostgres } from '../src/db/embedded-postgres.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { DEMO_TENANT, seedDemoTenant } from '../src/identity/tenants.ts';
import { freePort } from './helpers/platform.ts';

// Only the database is needed here, and it must start with an empty catalogue, whatever the app seeds.
let dir: string;
let postgres: EmbeddedPostgres;
let db: Db;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'amtsweg-catalog-'));
  postgres = await startEmbeddedPostgres(dir, await freePort());
  db = createDatabase(postgres.url);
  await migrateToLatest(db);
  await seedDemoTenant(db);
});
after(async () => {
  await db.destroy();
  await postgres.stop();
  await rm(dir, { recursive: true, force: true });
});

const openStore = async (): Promise<CatalogStore> => ({ db, close: async () => {} });
const leistungCount = async () =>
  Number(
    (await db.selectFrom('catalog_leistungen').select(db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n,
  );
const importCount = async () =>
  Number(
    (await db.selectFrom('catalog_imports').select(db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n,
  );

async function runCli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await catalogCommand(
    args,
    (line) => out.push(line),
    (line) => err.push(line),
    openStore,
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

test('the shipped 2019 catalogue loads into an empty database, once', async () => {
  const fileRows = parseCatalogCsv(await readFile(SHIPPED_CATALOG, 'utf8'), SHIPPED_CATALOG);
  const fileBundles = new Set(fileRows.map((row) => row.bundle?.ozgId)).size;
  assert.equal(await catalogIsEmpty(db), true);

  const started = performance.now();
  const counts = await loadShippedCatalog(db);
  const milliseconds = Math.round(performance.now() - started);
  console.log(`shipped catalogue (${fileRows.length} rows) loaded in ${milliseconds} ms`);

  assert.deepEqual(counts, {
    leistungen: fileRows.length,
    bundles: fileBundles,
    inserted: fileRows.length,
    updated: 0,
  });
  assert.ok(fileRows.length > 4000 && fileBundles > 400, `${fileRows.length} rows, ${fileBundles} bundles`);
  assert.equal(await leistungCount(), fileRows.length);
  assert.equal(await loadShippedCatalog(db), undefined, 'a filled catalogue is left alone');
  assert.equal(await importCount(), 1);
});

test('known Leistungen sit in the right bundle, Lage and Themenfeld', async () => {
  const rows = await exportCatalog(db);
  const parking = rows.find((row) => row.leikaKey === '99108001001000');
  assert.equal(parking?.leikaName, 'Bewohnerparkausweis Erteilung');
  assert.equal(parking?.municipal, true);
  assert.deepEqual(parking?.bundle, {
    ozgId: '10173',
    name: 'Parkausweise und Zufahrtsberechtigungen',
    lage: 'Kfz-Besitz',
    lageKind: 'lebenslage',
    themenfeld: 'Mobilität & Reisen',
  });
  assert.equal(
    rows.find((row) => row.leikaKey === '99077020040000')?.leikaName,
    'Bibliotheksausweis Ausgabe',
  );
  assert.deepEqual(
    rows.map((row) => row.leikaKey),
    rows.map((row) => row.leikaKey).toSorted(),
  );
});

test('export → CSV → import yields identical rows and changes nothing', async () => {
  const before = await exportCatalog(db);
  const csv = await runCli(['export']);
  assert.equal(csv.code, 0);
  const reparsed = parseCatalogCsv(csv.out, 'export.csv');
  assert.deepEqual(reparsed, before);
  const counts = await importCatalog(db, reparsed, { source: 'export.csv', format: 'csv' });
  assert.deepEqual(counts, { leistungen: before.length, bundles: counts.bundles, inserted: 0, updated: 0 });
  assert.deepEqual(await exportCatalog(db), before);
  const json = await runCli(['export', '--format', 'json']);
  assert.deepEqual(JSON.parse(json.out), before);
});

test('a newer file updates names and adds rows instead of duplicating; missing or used rows stay', async () => {
  const [first, second, third] = await exportCatalog(db);
  assert.ok(first?.bundle && second && third);
  await db
    .insertInto('leistung_statuses')
    .values({ tenant_ars: DEMO_TENANT.ars, leika_key: third.leikaKey, status: 'planned', updated_by: 'test' })
    .execute();
  const total = await leistungCount();
  // A bundle is renamed on every line it appears on; the file must describe it the same way throughout.
  const renamed = { ...first.bundle, name: 'Umbenannt' };
  const newer = [
    { ...first, leikaName: `${first.leikaName} (neu)`, bundle: renamed },
    { ...second, bundle: renamed },
    { ...second, leikaKey: '99999999999999', leikaName: 'Neue Leistung', bundle: renamed },
  ];
  const path = join(dir, 'newer.csv');
  await writeFile(path, serializeCatalogCsv(newer));
  const result = await runCli(['import', path]);
  assert.equal(result.code, 0, result.err);
  assert.match(result.out, /3 Leistungen .* neu 1, geändert 1, unverändert 1/);
  assert.equal(await leistungCount(), total + 1);
  const rows = await exportCatalog(db);
  assert.equal(rows.find((row) => row.leikaKey === first.leikaKey)?.leikaName, `${first.leikaName} (neu)`);
  assert.equal(rows.find((row) => row.leikaKey === first.leikaKey)?.bundle?.name, 'Umbenannt');
  assert.ok(
    rows.some((row) => row.leikaKey === third.leikaKey),
    'a Leistung in use is never deleted',
  );
});

test('a bad file imports nothing and names line and column', async () => {
  const [row] = await exportCatalog(db);
  assert.ok(row);
  const good = serializeCatalogCsv([row]).trimEnd();
  const path = join(dir, 'bad.csv');
  await writeFile(path, `${good}\n12345,Kaputt,2,,,,,,,,\n`);
  const imports = await importCount();
  const result = await runCli(['import', path]);
  assert.equal(result.code, 1);
  assert.match(result.err, /1 Fehler, nichts importiert/);
  assert.match(result.err, /Zeile 3, Spalte leika_key: „12345“ muss 14 Ziffern haben/);
  assert.equal(await importCount(), imports);
});

test('a failing import rolls back as a whole', async () => {
  const rows = await exportCatalog(db);
  const [row] = rows;
  assert.ok(row);
  const total = await leistungCount();
  const imports = await importCount();
  // The same key twice makes PostgreSQL refuse the last batch, after a new row went in with the first.
  const broken = [
    { ...row, leikaKey: '99888888888888' },
    ...rows.slice(1),
    { ...row, leikaName: 'einmal' },
    { ...row, leikaName: 'zweimal' },
  ];
  await assert.rejects(importCatalog(db, broken, { source: 'broken', format: 'csv' }));
  assert.equal(await leistungCount(), total);
  assert.equal(await importCount(), imports);
});

test('the CLI refuses files it cannot read, in German', async () => {
  const excel = await runCli(['import', 'katalog.xlsx']);
  assert.equal(excel.code, 1);
  assert.match(excel.err, /Dieses Format kann Amtsweg nicht lesen/);
  const missing = await runCli(['import', join(dir, 'fehlt.csv')]);
  assert.equal(missing.code, 1);
  assert.match(missing.err, /Nicht gefunden/);
  assert.equal((await runCli(['export', '--format', 'xml'])).code, 2);
  assert.equal((await runCli([])).code, 2);
});
