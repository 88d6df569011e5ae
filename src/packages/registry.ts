/** The service packages this installation offers, loaded and compiled once at start-up. */
import { join } from 'node:path';
import type { CompiledPackage } from './compile.ts';
import { loadPackageDirectory } from './load.ts';

export interface ServiceRegistry {
  list(): readonly CompiledPackage[];
  find(id: string): CompiledPackage | undefined;
  findVersion(id: string, version: string): CompiledPackage | undefined;
}

export const SHIPPED_SERVICES = join(import.meta.dirname, '..', '..', 'services');

export function createServiceRegistry(packages: readonly CompiledPackage[]): ServiceRegistry {
  const latest = new Map<string, CompiledPackage>();
  for (const pkg of packages) latest.set(pkg.definition.id, pkg);
  return {
    list: () => [...latest.values()],
    find: (id) => latest.get(id),
    findVersion: (id, version) =>
      packages.find((p) => p.definition.id === id && p.definition.version === version),
  };
}

export async function loadShippedServices(): Promise<ServiceRegistry> {
  return createServiceRegistry(await loadPackageDirectory(SHIPPED_SERVICES));
}

/** Service id → German title, for lists of cases. */
export function serviceTitles(registry: ServiceRegistry): Map<string, string> {
  return new Map(registry.list().map((p) => [p.definition.id, p.definition.metadata.title.de]));
}
