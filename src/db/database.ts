/** The Kysely instance over a pg pool; one per process, passed to every module. */
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { preparingPool } from './prepared-statements.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;

// Return int8 (bigint) as number: our counters and sizes stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
// Calendar dates stay 'YYYY-MM-DD' strings: a JS Date would shift them with the server's time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

export function createDatabase(
  url: string,
  maxConnections = 10,
  onError: (error: Error) => void = () => {},
): Db {
  const pool = new pg.Pool({ connectionString: url, max: maxConnections });
  // An idle connection the server closes (restart, failover, shutdown) must not crash the process:
  // the pool drops it and opens a new one on the next query.
  pool.on('error', onError);
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
}
