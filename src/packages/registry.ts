/**
 * The service packages a tenant offers, compiled once and held in memory; reloaded when a version is
 * published or retired. Citizens start on the newest published version; every version stays findable
 * so old drafts and cases keep the form they were made with.
 */

import { join } from 'node:path';
import type { Db } from '../db/database.ts';
import { localize } from '../forms/display.ts';
import type { Locale } from '../forms/types.ts';
import type { CompiledPackage } from './compile.ts';
import { loadOfferedPackages, type PackageStatus } from './store.ts';

export interface ServiceRegistry {
  /** Newest published version of each service. */
  list(): readonly CompiledPackage[];
  find(id: string): CompiledPackage | undefined;
  /** Any published or retired version. */
  findVersion(id: string, version: string): CompiledPackage | undefined;
  reload(): Promise<void>;
}

export const SHIPPED_SERVICES = join(import.meta.dirname, '..', '..', 'services');

interface Entry {
  pkg: CompiledPackage;
  status: PackageStatus;
}

function index(entries: readonly Entry[]) {
  const offered = new Map<string, CompiledPackage>();
  // Entries come in publishing order, so the last published version of an id wins.
  for (const { pkg, status } of entries) if (status === 'published') offered.set(pkg.definition.id, pkg);
  const versions = new Map(entries.map(({ pkg }) => [`${pkg.definition.id}@${pkg.definition.version}`, pkg]));
  return { offered, versions };
}

export function createServiceRegistry(
  load: () => Promise<readonly Entry[]>,
  initial: readonly Entry[],
): ServiceRegistry {
  let current = index(initial);
  // Reloads may overlap (a publish here and a notification from elsewhere): a load that started earlier
  // never replaces the result of one that started later.
  let started = 0;
  let applied = 0;
  return {
    list: () => [...current.offered.values()],
    find: (id) => current.offered.get(id),
    findVersion: (id, version) => current.versions.get(`${id}@${version}`),
    async reload() {
      const ticket = ++started;
      const entries = await load();
      if (ticket < applied) return;
      applied = ticket;
      current = index(entries);
    },
  };
}

export async function loadServiceRegistry(db: Db, tenantArs: string): Promise<ServiceRegistry> {
  // Reloads (after every publish, and once when a process starts listening) compile only new versions.
  let registry: ServiceRegistry | undefined;
  const load = () => loadOfferedPackages(db, tenantArs, (id, version) => registry?.findVersion(id, version));
  registry = createServiceRegistry(load, await load());
  return registry;
}

/** Service id → title (German, or English where the package has it), for lists of cases. */
export function serviceTitles(registry: ServiceRegistry, locale: Locale = 'de'): Map<string, string> {
  return new Map(
    registry.list().map((p) => [p.definition.id, localize(p.definition.metadata.title, locale)]),
  );
}
