/**
 * An e-mail that failed its last retry is marked as failed, its body (with the link token) blanked like
 * after sending; sent and failed e-mails are deleted after MAIL_RETENTION_DAYS (see src/jobs/mail.ts).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('outbound_mail').addColumn('failed_at', 'timestamptz').execute();
}
