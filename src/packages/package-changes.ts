/**
 * Every process offers what the database says is published. A version published or retired elsewhere —
 * in the staff area of another server process, or with `amtsweg package publish` — notifies a PostgreSQL
 * channel in the same transaction (delivered on commit), and each process listening reloads its registry.
 * Versions never change once published, so a reload only adds or removes offers; whatever was published
 * while nobody listened (before the first LISTEN, or while the connection was down) is made up for by a
 * reload right after each LISTEN.
 */
import { sql } from 'kysely';
import pg from 'pg';
import type { Db } from '../db/database.ts';

export const PACKAGES_CHANNEL = 'amtsweg_packages';
/** How the listening connection shows in pg_stat_activity. */
export const LISTENER_NAME = 'amtsweg-package-changes';

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

/**
 * Runs `task` one run after another, so an older load never replaces a newer one. A request made while a
 * run waits to start shares that run: a burst of N notifications costs one more reload, not N.
 */
export function reloadsInTurn(task: () => Promise<void>, onError: (error: unknown) => void) {
  let last = Promise.resolve();
  let waiting: Promise<void> | undefined;
  return {
    /** Resolves when a run that started after this request has finished. */
    request(): Promise<void> {
      waiting ??= last
        .then(() => {
          waiting = undefined;
          return task();
        })
        .catch(onError);
      last = waiting;
      return waiting;
    },
    /** Resolves when the runs requested so far have finished. */
    settled: () => last,
  };
}

/**
 * Listens on its own connection (a pooled one would be handed to queries and lose the LISTEN). Resolves
 * once listening and reloaded, so nothing published before the call is missed.
 */
export async function followPackageChanges(options: PackageChangeOptions): Promise<PackageChangeFollower> {
  const { url, tenantArs, onError, retryMs = 1000 } = options;
  let client: pg.Client | undefined;
  let connecting: Promise<void> | undefined;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  const reloads = reloadsInTurn(async () => {
    // After close() the pool the reload queries through may be gone.
    if (!closed) await options.reload();
  }, onError);

  const connect = async () => {
    const next = new pg.Client({
      connectionString: url,
      application_name: LISTENER_NAME,
      // An idle connection dropped by a firewall or NAT never ends otherwise, and nothing would reconnect.
      keepAlive: true,
      // close() waits for a connection attempt under way; an unreachable server must not hold it for minutes.
      connectionTimeoutMillis: 10_000,
    });
    next.on('notification', (message) => {
      if (message.channel === PACKAGES_CHANNEL && message.payload === tenantArs) void reloads.request();
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
    // close() came while connecting: it could not end this connection, so it is ended here.
    if (closed) {
      await next.end().catch(() => {});
      return;
    }
    client = next;
    await reloads.request();
  };

  const reconnectLater = () => {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      connecting = connect().catch((error) => {
        onError(error);
        reconnectLater();
      });
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
      await connecting;
      await reloads.settled();
    },
  };
}
