/**
 * Package versions of a tenant in the database. A version is imported as a draft (only when it is valid
 * and all its test cases pass), published (then immutable), and retired (no new applications).
 */
import { stringify } from 'yaml';
import type { Db } from '../db/database.ts';
import type { CompiledPackage } from './compile.ts';
import { PackageError } from './errors.ts';
import { loadPackage, loadPackageDirectory } from './load.ts';
import { notifyPackagesChanged } from './package-changes.ts';
import type { ServicePackage } from './schema.ts';
import { runPackageTests } from './test-runner.ts';

export type PackageStatus = 'draft' | 'published' | 'retired';

export interface StoredPackage {
  id: string;
  version: string;
  status: PackageStatus;
  title: string;
  publishedAt: Date | null;
  retiredAt: Date | null;
}

/** Validates, compiles and tests a package; throws PackageError naming every red test case. */
export function checkPackage(data: unknown, source: string, now = new Date()): CompiledPackage {
  const pkg = loadPackage(data, source);
  const red = runPackageTests(pkg, now).filter((result) => !result.passed);
  if (red.length > 0)
    throw new PackageError(
      source,
      red.map((r) => `test case "${r.name}": ${r.failures.join('; ')}`),
    );
  return pkg;
}

/** Stores a checked package as a draft; a draft of the same version is replaced, a published one never. */
export async function importPackage(
  db: Db,
  tenantArs: string,
  data: unknown,
  source: string,
): Promise<CompiledPackage> {
  const pkg = checkPackage(data, source);
  const { id, version } = pkg.definition;
  const existing = await db
    .selectFrom('service_packages')
    .select('status')
    .where('tenant_ars', '=', tenantArs)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (existing && existing.status !== 'draft') {
    throw new PackageError(source, [
      `${id}@${version} is ${existing.status} and cannot change; give the package a new version`,
    ]);
  }
  const definition = JSON.stringify(pkg.definition);
  await db
    .insertInto('service_packages')
    .values({ tenant_ars: tenantArs, id, version, status: 'draft', definition })
    .onConflict((oc) => oc.constraint('service_packages_pk').doUpdateSet({ definition }))
    .execute();
  return pkg;
}

async function setStatus(
  db: Db,
  tenantArs: string,
  id: string,
  version: string,
  from: PackageStatus,
  to: PackageStatus,
): Promise<void> {
  const now = new Date();
  await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('service_packages')
      .set(to === 'published' ? { status: to, published_at: now } : { status: to, retired_at: now })
      .where('tenant_ars', '=', tenantArs)
      .where('id', '=', id)
      .where('version', '=', version)
      .where('status', '=', from)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n)
      throw new PackageError(`${id}@${version}`, [`no ${from} version ${id}@${version}`]);
    await notifyPackagesChanged(trx, tenantArs);
  });
}

export const publishPackage = (db: Db, tenantArs: string, id: string, version: string) =>
  setStatus(db, tenantArs, id, version, 'draft', 'published');
export const retirePackage = (db: Db, tenantArs: string, id: string, version: string) =>
  setStatus(db, tenantArs, id, version, 'published', 'retired');

export async function listPackages(db: Db, tenantArs: string): Promise<StoredPackage[]> {
  const rows = await db
    .selectFrom('service_packages')
    .select(['id', 'version', 'status', 'definition', 'published_at', 'retired_at'])
    .where('tenant_ars', '=', tenantArs)
    .orderBy('id')
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    status: r.status,
    title: (r.definition as ServicePackage).metadata.title.de,
    publishedAt: r.published_at,
    retiredAt: r.retired_at,
  }));
}

export async function findStoredPackage(
  db: Db,
  tenantArs: string,
  id: string,
  version: string,
): Promise<{ status: PackageStatus; definition: ServicePackage } | undefined> {
  const row = await db
    .selectFrom('service_packages')
    .select(['status', 'definition'])
    .where('tenant_ars', '=', tenantArs)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return row && { status: row.status, definition: row.definition as ServicePackage };
}

/** The package as YAML, ready for another municipality's `amtsweg package import` ("Einer für alle"). */
export async function exportPackage(
  db: Db,
  tenantArs: string,
  id: string,
  version: string,
): Promise<string | undefined> {
  const stored = await findStoredPackage(db, tenantArs, id, version);
  return stored && stringify(stored.definition, { lineWidth: 120 });
}

/** Published and retired versions, compiled: retired ones still show old cases but take no new applications. */
/**
 * The published and retired versions, compiled. `compiled` hands back a version compiled before: published
 * versions never change (a trigger enforces it), so a reload compiles only the versions it has not seen.
 */
export async function loadOfferedPackages(
  db: Db,
  tenantArs: string,
  compiled: (id: string, version: string) => CompiledPackage | undefined = () => undefined,
): Promise<{ pkg: CompiledPackage; status: PackageStatus }[]> {
  const rows = await db
    .selectFrom('service_packages')
    .select(['id', 'version', 'status', 'definition'])
    .where('tenant_ars', '=', tenantArs)
    .where('status', 'in', ['published', 'retired'])
    .orderBy('published_at')
    .execute();
  return rows.map((r) => ({
    pkg: compiled(r.id, r.version) ?? loadPackage(r.definition, `${r.id}@${r.version}`),
    status: r.status,
  }));
}

/** Imports and publishes the shipped sample packages once; versions already stored are left as they are. */
export async function seedShippedPackages(db: Db, tenantArs: string, dir: string): Promise<void> {
  for (const pkg of await loadPackageDirectory(dir)) {
    const { id, version } = pkg.definition;
    if (await findStoredPackage(db, tenantArs, id, version)) continue;
    await importPackage(db, tenantArs, pkg.definition, `${dir}/${id}`);
    await publishPackage(db, tenantArs, id, version);
  }
}
