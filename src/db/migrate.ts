/** Applies the migrations in src/db/migrations in order; listed statically so no file-system scan is needed. */
import { type Migration, type MigrationProvider, Migrator } from 'kysely/migration';
import type { Db } from './database.ts';
import * as initial from './migrations/0001-initial.ts';
import * as servicePackages from './migrations/0002-service-packages.ts';
import * as resumeLinks from './migrations/0003-resume-links-and-mail.ts';
import * as incidents from './migrations/0004-incidents.ts';
import * as catalog from './migrations/0005-catalog.ts';
import * as caseLinks from './migrations/0006-case-links.ts';
import * as referenceSequences from './migrations/0007-reference-sequences.ts';
import * as mailFailures from './migrations/0008-mail-failures.ts';

const migrations: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-service-packages': servicePackages,
  '0003-resume-links-and-mail': resumeLinks,
  '0004-incidents': incidents,
  '0005-catalog': catalog,
  '0006-case-links': caseLinks,
  '0007-reference-sequences': referenceSequences,
  '0008-mail-failures': mailFailures,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Db): Promise<string[]> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Applies the migrations up to and including `name`: a migration's test starts from the schema before it. */
export async function migrateTo(db: Db, name: string): Promise<void> {
  const { error } = await new Migrator({ db, provider }).migrateTo(name);
  if (error) throw error;
}
