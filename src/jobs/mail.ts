/**
 * E-mail: every message is written to the outbox table in the caller's transaction and sent by a job.
 * With SMTP_URL set, nodemailer sends it; without, it stays in the outbox, shown on the development page
 * /entwicklung/postausgang. Sending is at-least-once: a crash between sending and marking resends.
 */
import type { Transaction } from 'kysely';
import nodemailer from 'nodemailer';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import type { JobQueue } from './queue.ts';

export const MAIL_QUEUE = 'send-mail';

export interface MailTransport {
  send(mail: { to: string; subject: string; text: string }): Promise<void>;
}

export function createSmtpTransport(url: string, from: string): MailTransport {
  const transport = nodemailer.createTransport(url);
  return {
    async send(mail) {
      await transport.sendMail({ from, ...mail });
    },
  };
}

export async function queueMail(
  trx: Transaction<Database>,
  jobs: JobQueue,
  mail: { tenantArs: string; to: string; subject: string; body: string },
): Promise<void> {
  const row = await trx
    .insertInto('outbound_mail')
    .values({ tenant_ars: mail.tenantArs, recipient: mail.to, subject: mail.subject, body: mail.body })
    .returning('id')
    .executeTakeFirstOrThrow();
  await jobs.enqueue(trx, { queue: MAIL_QUEUE, data: { mailId: row.id } });
}

export function mailHandler(db: Db, transport: MailTransport | undefined) {
  return async (data: Record<string, unknown>): Promise<void> => {
    const mail = await db
      .selectFrom('outbound_mail')
      .select(['id', 'recipient', 'subject', 'body'])
      .where('id', '=', String(data.mailId))
      .where('sent_at', 'is', null)
      .executeTakeFirst();
    if (!mail || !transport) return;
    await transport.send({ to: mail.recipient, subject: mail.subject, text: mail.body });
    // The body carries link tokens, which open drafts and cases: once sent, only the subject is kept.
    await db
      .updateTable('outbound_mail')
      .set({ sent_at: new Date(), body: '' })
      .where('id', '=', mail.id)
      .execute();
  };
}

/** The latest messages, for the development outbox page. */
export async function listOutbox(db: Db, tenantArs: string, limit = 20) {
  return db
    .selectFrom('outbound_mail')
    .select(['recipient', 'subject', 'body', 'created_at', 'sent_at'])
    .where('tenant_ars', '=', tenantArs)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}
