/** Composition root: configuration → database → modules → HTTP server, and an orderly shutdown. */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { caseEffectHandlers } from './cases/effects.ts';
import { EFFECTS } from './cases/service.ts';
import { seedDemoProgress } from './catalog/demo.ts';
import { loadShippedCatalog } from './catalog/import.ts';
import type { LoadedConfig } from './config.ts';
import { createDatabase, type Db } from './db/database.ts';
import { type EmbeddedPostgres, startEmbeddedPostgres } from './db/embedded-postgres.ts';
import { migrateToLatest } from './db/migrate.ts';
import { type BlobStore, createFileBlobStore } from './documents/blob-store.ts';
import { createClamdScanner } from './documents/clamd.ts';
import { logOrphans, type OnOrphan } from './documents/delete-contents.ts';
import { createNoopScanner } from './documents/virus-scan.ts';
import { deleteExpiredDrafts } from './forms/draft-expiry.ts';
import { DEMO_TENANT, listStaff, seedDemoTenant } from './identity/tenants.ts';
import { recordIncident } from './jobs/incidents.ts';
import {
  createSmtpTransport,
  deleteExpiredMails,
  MAIL_QUEUE,
  mailHandler,
  markMailFailed,
} from './jobs/mail.ts';
import { type JobQueue, type JobQueueOptions, startJobQueue } from './jobs/queue.ts';
import { followPackageChanges } from './packages/package-changes.ts';
import { loadServiceRegistry, SHIPPED_SERVICES } from './packages/registry.ts';
import { seedShippedPackages } from './packages/store.ts';
import { build } from './web/app.ts';

export interface Database {
  db: Db;
  url: string;
  close(): Promise<void>;
}

/** Connects to DATABASE_URL or starts the embedded PostgreSQL, then applies migrations. */
export async function openDatabase(
  config: Pick<LoadedConfig, 'dataDir' | 'databaseUrl' | 'embeddedPostgresPort'>,
): Promise<Database> {
  await mkdir(config.dataDir, { recursive: true });
  const embedded: EmbeddedPostgres | undefined = config.databaseUrl
    ? undefined
    : await startEmbeddedPostgres(config.dataDir, config.embeddedPostgresPort);
  const url = config.databaseUrl ?? embedded?.url ?? '';
  const db = createDatabase(url, 10, (error) => console.warn(`database connection lost: ${error.message}`));
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    await embedded?.stop();
    throw error;
  }
  return {
    db,
    url,
    async close() {
      await db.destroy();
      await embedded?.stop();
    },
  };
}

/** In development the session key is generated once and kept, so a restart does not log everyone out. */
async function sessionSecret(config: LoadedConfig): Promise<string> {
  if (config.sessionSecret) return config.sessionSecret;
  const file = join(config.dataDir, 'session-secret');
  const existing = await readFile(file, 'utf8').catch(() => undefined);
  if (existing && existing.length >= 32) return existing.trim();
  const secret = randomBytes(32).toString('hex');
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

/** A development start shows a living OZG dashboard: the situation Mainz reported in 2024 (catalog/demo.ts). */
export async function seedDemoData(db: Db, offered: Parameters<typeof seedDemoProgress>[2]): Promise<void> {
  const coordinator = (await listStaff(db, DEMO_TENANT.ars)).find((s) => s.roles.includes('coordinator'));
  if (coordinator) await seedDemoProgress(db, coordinator, offered, new Date());
}

/** Retention periods, enforced each night (cron, UTC): drafts with their uploads; sent and failed e-mails. */
export function nightlyJobs(
  db: Db,
  store: BlobStore,
  config: Pick<LoadedConfig, 'draftRetentionDays' | 'mailRetentionDays'>,
  onOrphan?: OnOrphan,
) {
  return [
    {
      queue: 'expire-drafts',
      cron: '17 3 * * *',
      run: async () => {
        await deleteExpiredDrafts(db, store, new Date(), config.draftRetentionDays, onOrphan);
      },
    },
    {
      queue: 'expire-mails',
      cron: '27 3 * * *',
      run: async () => {
        await deleteExpiredMails(db, new Date(), config.mailRetentionDays);
      },
    },
  ];
}

type DeadJob = Parameters<NonNullable<JobQueueOptions['onDeadLetter']>>[0];

/** After a job's last retry: a failed e-mail gives up its link (it will not be sent), and a person is told. */
export function onDeadLetter(db: Db, log: (job: DeadJob) => void) {
  return async (job: DeadJob): Promise<void> => {
    log(job);
    if (job.queue === MAIL_QUEUE) await markMailFailed(db, job.data);
    await recordIncident(db, job);
  };
}

export interface Running {
  url: string;
  stop(): Promise<void>;
}

export async function serve(config: LoadedConfig): Promise<Running> {
  const database = await openDatabase(config);
  const { db } = database;
  await seedDemoTenant(db);
  const store = createFileBlobStore(join(config.dataDir, 'files'));
  await seedShippedPackages(db, DEMO_TENANT.ars, SHIPPED_SERVICES);
  const services = await loadServiceRegistry(db, DEMO_TENANT.ars);
  await loadShippedCatalog(db);
  if (config.nodeEnv !== 'production') await seedDemoData(db, services.list());
  const scanner = config.clamavHost
    ? createClamdScanner({
        host: config.clamavHost,
        port: config.clamavPort,
        timeoutMs: config.clamavTimeoutMs,
      })
    : createNoopScanner();
  const now = () => new Date();
  const caseLinks = {
    publicUrl: config.publicUrl,
    validDays: config.caseLinkDays,
  };
  // The jobs run long after start-up, when `app` (declared below) exists.
  const nightly = nightlyJobs(db, store, config, (error, key) => logOrphans(app.log)(error, key));
  const handlers = config.worker
    ? (jobs: JobQueue) => ({
        ...caseEffectHandlers({ db, store, services, jobs, caseLinks, now }),
        [MAIL_QUEUE]: mailHandler(
          db,
          config.smtpUrl ? createSmtpTransport(config.smtpUrl, config.mailFrom) : undefined,
        ),
        ...Object.fromEntries(nightly.map((job) => [job.queue, job.run])),
      })
    : undefined;
  const jobs = await startJobQueue({
    url: database.url,
    queues: [...Object.values(EFFECTS), MAIL_QUEUE],
    handlers,
    schedules: nightly.map(({ queue, cron }) => ({ queue, cron })),
    onDeadLetter: onDeadLetter(db, (job) =>
      app.log.error({ jobId: job.id, queue: job.queue }, 'effect failed all retries; incident opened'),
    ),
    onError: (error) => app.log.error({ err: error }, 'job queue error'),
  });
  const app = await build({
    config: { ...config, sessionSecret: await sessionSecret(config) },
    db,
    jobs,
    store,
    scanner,
    services,
    tenant: DEMO_TENANT,
    now,
  });
  const follower = await followPackageChanges({
    url: database.url,
    tenantArs: DEMO_TENANT.ars,
    reload: () => services.reload(),
    onError: (error) => app.log.warn({ err: error }, 'following package changes'),
  });
  const address = await app.listen({ host: config.host, port: config.port });
  return {
    url: address,
    async stop() {
      // Order matters: stop taking requests, let running jobs finish, then close the database.
      await app.close();
      await follower.close();
      await jobs.stop();
      await database.close();
    },
  };
}
