/** Shipped sample packages as editable data, and publishing a changed version into a test platform. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEMO_TENANT } from '../../src/identity/tenants.ts';
import { parsePackageText } from '../../src/packages/load.ts';
import type { ServicePackage } from '../../src/packages/schema.ts';
import { importPackage, publishPackage } from '../../src/packages/store.ts';
import type { TestPlatform } from './platform.ts';

/** A fresh, mutable copy of services/<id>/package.yaml. */
export async function readShippedPackage(id: string): Promise<ServicePackage> {
  const text = await readFile(join(import.meta.dirname, '..', '..', 'services', id, 'package.yaml'), 'utf8');
  return parsePackageText(text, id) as ServicePackage;
}

/** Imports and publishes `pkg` for the demo tenant and makes the platform offer it. */
export async function publishInto(platform: TestPlatform, pkg: ServicePackage): Promise<void> {
  await importPackage(platform.db, DEMO_TENANT.ars, pkg, `${pkg.id}@${pkg.version}`);
  await publishPackage(platform.db, DEMO_TENANT.ars, pkg.id, pkg.version);
  await platform.services.reload();
}

/** The library card as a service without log-in (version 1.5.0). */
export async function publishAnonymousLibraryCard(platform: TestPlatform): Promise<void> {
  const pkg = await readShippedPackage('bibliotheksausweis');
  pkg.version = '1.5.0';
  pkg.metadata.requiredTrustLevel = 'none';
  await publishInto(platform, pkg);
}
