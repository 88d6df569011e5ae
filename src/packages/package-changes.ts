/**
 * Every process offers what the database says is published. A version published or retired elsewhere —
 * in the staff area of another server process, or with `amtsweg package publish` — notifies a PostgreSQL
 * channel in the same transaction (delivered on commit), and each process listening reloads its registry.
 * Versions never change once published, so a reload only adds or removes offers; a notification lost
 * while the listening connection was down is made up for by a reload after reconnecting.
 */
import { sql } from 'kysely';
import pg from 'pg';
import type { Db } from '../db/database.ts';

export const PACKAGES_CHANNEL = 'amtsweg_packages';

/** Tells every listening process that `tenantArs`'s offered packages changed (on commit, if in a transaction). */
export async function notifyPackagesChanged(db: Db, tenantArs: string): Promise<void> {
  await sql`SELECT pg_notify(${PACKAGES_CHANNEL}, ${tenantArs})`.execute(db);
}

export interface PackageChangeOptions {
  url: string;
  tenantArs: string;
  reload: () => Promise<void>;
  onError: (error: unknown) => void;
  /** Wait before reconnecting a lost listening connection. */
  retryMs?: number;
}

export interface PackageChangeFollower {
  close(): Promise<void>;
}

/** Listens on its own connection (a pooled one would be handed to queries and lose the LISTEN). */
export async function followPackageChanges(options: PackageChangeOptions): Promise<PackageChangeFollower> {
  const { url, tenantArs, onError, retryMs = 1000 } = options;
  let client: pg.Client | undefined;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  // Reloads run one after another, so an older load never replaces a newer one.
  let reloading = Promise.resolve();
  const reload = () => {
    reloading = reloading.then(options.reload).catch(onError);
    return reloading;
  };

  const connect = async () => {
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (message) => {
      if (message.channel === PACKAGES_CHANNEL && message.payload === tenantArs) void reload();
    });
    next.on('error', onError);
    next.on('end', () => {
      if (client !== next) return;
      client = undefined;
      reconnectLater();
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${PACKAGES_CHANNEL}`);
    } catch (error) {
      await next.end().catch(() => {});
      throw error;
    }
    client = next;
  };

  const reconnectLater = () => {
    if (closed || timer) return;
    timer = setTimeout(async () => {
      timer = undefined;
      try {
        await connect();
        await reload();
      } catch (error) {
        onError(error);
        reconnectLater();
      }
    }, retryMs);
    timer.unref();
  };

  await connect();
  return {
    async close() {
      closed = true;
      clearTimeout(timer);
      const current = client;
      client = undefined;
      await current?.end().catch(() => {});
      await reloading;
    },
  };
}
