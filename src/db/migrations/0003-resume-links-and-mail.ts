/** Resume links for anonymous drafts, and the outbox of e-mails the platform sends. */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('resume_links')
    // Only the SHA-256 of the token is stored: a database leak must not open anyone's draft.
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('tenant_ars', 'char(12)', (c) => c.notNull().references('tenants.ars'))
    .addColumn('draft_id', 'uuid', (c) => c.notNull().references('drafts.id').onDelete('cascade'))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('outbound_mail')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_ars', 'char(12)', (c) => c.notNull().references('tenants.ars'))
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('sent_at', 'timestamptz')
    .execute();
}
