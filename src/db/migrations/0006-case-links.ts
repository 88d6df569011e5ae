/**
 * Delivery to applicants without log-in: the e-mail address they gave for their case, and the links
 * (hashed tokens) that open the case's messages without an account.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('case_delivery_addresses')
    // One address per case, kept as long as the case and deleted with it (personal data: no copy elsewhere).
    .addColumn('case_id', 'uuid', (c) => c.primaryKey().references('cases.id').onDelete('cascade'))
    .addColumn('tenant_ars', 'char(12)', (c) => c.notNull().references('tenants.ars'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('case_links')
    // Only the SHA-256 of the token is stored: a database leak must not open anyone's case.
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('tenant_ars', 'char(12)', (c) => c.notNull().references('tenants.ars'))
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('case_links_case').on('case_links').column('case_id').execute();
  // The link page lists one case's messages.
  await db.schema
    .createIndex('postbox_case')
    .on('postbox_messages')
    .columns(['case_id', 'created_at desc'])
    .execute();
}
