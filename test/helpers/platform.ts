/**
 * A real platform for tests: its own embedded PostgreSQL in a temporary folder (never the dev data),
 * migrations, the demo tenant, the job worker and the Fastify app, all torn down after the test file.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { caseEffectHandlers } from '../../src/cases/effects.ts';
import { EFFECTS } from '../../src/cases/service.ts';
import { loadShippedCatalog } from '../../src/catalog/import.ts';
import { createDatabase, type Db } from '../../src/db/database.ts';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { type BlobStore, createFileBlobStore } from '../../src/documents/blob-store.ts';
import { createNoopScanner, type VirusScanner } from '../../src/documents/virus-scan.ts';
import { DEMO_TENANT, seedDemoTenant } from '../../src/identity/tenants.ts';
import { recordIncident } from '../../src/jobs/incidents.ts';
import { MAIL_QUEUE } from '../../src/jobs/mail.ts';
import { type JobQueue, startJobQueue } from '../../src/jobs/queue.ts';
import { seedDemoData } from '../../src/main.ts';
import { followPackageChanges } from '../../src/packages/package-changes.ts';
import { loadServiceRegistry, type ServiceRegistry, SHIPPED_SERVICES } from '../../src/packages/registry.ts';
import { seedShippedPackages } from '../../src/packages/store.ts';
import { build } from '../../src/web/app.ts';

export interface TestPlatform {
  app: FastifyInstance;
  db: Db;
  store: BlobStore;
  jobs: JobQueue;
  services: ServiceRegistry;
  dataDir: string;
  /** The database's connection URL, for tests that start more components on it. */
  url: string;
  close(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export async function startTestPlatform(
  options: {
    uploadMaxBytes?: number;
    nodeEnv?: 'test' | 'production';
    scanner?: VirusScanner;
    /** Load the shipped OZG catalogue and, with 'demo', the development demo progress (as `npm start` does). */
    catalog?: 'shipped' | 'demo';
    devLoginLoadPersons?: number;
  } = {},
): Promise<TestPlatform> {
  const dataDir = await mkdtemp(join(tmpdir(), 'amtsweg-test-'));
  const postgres = await startEmbeddedPostgres(dataDir, await freePort());
  const db = createDatabase(postgres.url);
  // If a later step fails, the database must not outlive the test as an orphaned server.
  const abandon = async () => {
    await db.destroy();
    await postgres.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    return await assemble();
  } catch (error) {
    await abandon();
    throw error;
  }

  async function assemble(): Promise<TestPlatform> {
    await migrateToLatest(db);
    await seedDemoTenant(db);
    const store = createFileBlobStore(join(dataDir, 'files'));
    await seedShippedPackages(db, DEMO_TENANT.ars, SHIPPED_SERVICES);
    const services = await loadServiceRegistry(db, DEMO_TENANT.ars);
    if (options.catalog) await loadShippedCatalog(db);
    if (options.catalog === 'demo') await seedDemoData(db, services.list());
    const now = () => new Date();
    const caseLinks = { publicUrl: 'http://localhost:3000', validDays: 90 };
    const jobs = await startJobQueue({
      url: postgres.url,
      queues: [...Object.values(EFFECTS), MAIL_QUEUE],
      handlers: (jobs) => caseEffectHandlers({ db, store, services, jobs, caseLinks, now }),
      onDeadLetter: (job) => recordIncident(db, job),
    });
    const app = await build({
      config: {
        nodeEnv: options.nodeEnv ?? 'test',
        cookieSecure: true,
        uploadMaxBytes: options.uploadMaxBytes ?? 10 * 1024 * 1024,
        logLevel: 'silent',
        draftRetentionDays: 30,
        caseLinkDays: caseLinks.validDays,
        publicUrl: 'http://localhost:3000',
        devLoginLoadPersons: options.devLoginLoadPersons ?? 0,
        sessionSecret: 'test-secret-test-secret-test-secret!',
      },
      db,
      jobs,
      store,
      scanner: options.scanner ?? createNoopScanner(),
      services,
      tenant: DEMO_TENANT,
      now,
    });
    // As in `npm start`: versions published by another process (or the CLI) are offered here too.
    const follower = await followPackageChanges({
      url: postgres.url,
      tenantArs: DEMO_TENANT.ars,
      reload: () => services.reload(),
      onError: (error) => console.error('following package changes', error),
    });
    return {
      app,
      db,
      store,
      jobs,
      services,
      dataDir,
      url: postgres.url,
      async close() {
        await app.close();
        await follower.close();
        await jobs.stop();
        await abandon();
      },
    };
  }
}

/** Waits until `check` returns a value, polling the database-backed state; fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
