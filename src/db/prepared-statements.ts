/**
 * Sends the app's statements to PostgreSQL as named prepared statements, so each connection parses and plans
 * a statement once instead of on every request (docs/decisions/005-prepared-statements.md: a draft read
 * cost PostgreSQL 66–71 µs unnamed, 31–32 µs prepared on this machine).
 */
import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type pg from 'pg';

/**
 * Most distinct statements a process names; any further ones run unnamed. Kysely builds the same text for the
 * same query, so the app has a few dozen; the cap only bounds memory if some code builds SQL with a varying
 * shape (e.g. `in (…)` lists of changing length).
 */
export const MAX_PREPARED_STATEMENTS = 500;

const DATA_STATEMENT = /^\s*(select|insert|update|delete|with)\b/i;

/**
 * The name to prepare `sql` under, or undefined to run it unnamed. Left unnamed: anything but data
 * statements (DDL, transaction control), and statements with a `*` anywhere — `select *` and `returning *`
 * change their result columns when a migration adds a column, which a prepared statement refuses ("cached
 * plan must not change result type"), e.g. in an older process during a rolling update.
 */
export class StatementNames {
  private readonly names = new Map<string, string>();

  constructor(private readonly max = MAX_PREPARED_STATEMENTS) {}

  nameOf(sql: string): string | undefined {
    const known = this.names.get(sql);
    if (known !== undefined) return known;
    if (this.names.size >= this.max || !DATA_STATEMENT.test(sql) || sql.includes('*')) return undefined;
    const name = `amtsweg_${this.names.size + 1}`;
    this.names.set(sql, name);
    return name;
  }
}

/** A pooled connection that runs data statements under their names; Kysely's PostgresPoolClient. */
class NamingClient implements PostgresPoolClient {
  constructor(
    private readonly client: pg.PoolClient,
    private readonly names: StatementNames,
  ) {}

  query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
  query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  query<R>(
    sql: string | PostgresCursor<R>,
    parameters: ReadonlyArray<unknown> = [],
  ): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    // Kysely asks for a cursor only to stream, and only when the dialect has a cursor class (ours has none).
    if (typeof sql !== 'string') throw new Error('streaming queries are not supported');
    return this.run(sql, parameters);
  }

  private async run<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> {
    const name = this.names.nameOf(sql);
    const values = [...parameters];
    const result = await (name === undefined
      ? this.client.query(sql, values)
      : this.client.query({ name, text: sql, values }));
    return {
      command: result.command as PostgresQueryResult<R>['command'],
      rowCount: result.rowCount ?? 0,
      rows: result.rows,
    };
  }

  release(destroy?: boolean): void {
    this.client.release(destroy);
  }
}

/**
 * A pg pool as Kysely's PostgresDialect sees it, whose connections name their data statements. One wrapper
 * per pg connection, so Kysely keeps its per-connection state as with the bare pool.
 */
export function preparingPool(pool: pg.Pool, names = new StatementNames()): PostgresPool {
  const wrappers = new WeakMap<pg.PoolClient, NamingClient>();
  return {
    options: pool.options,
    async connect() {
      const client = await pool.connect();
      let wrapper = wrappers.get(client);
      if (!wrapper) {
        wrapper = new NamingClient(client, names);
        wrappers.set(client, wrapper);
      }
      return wrapper;
    },
    end: () => pool.end(),
  };
}
