/**
 * E-mail: every message is written to the outbox table in the caller's transaction and sent by a job.
 * With SMTP_URL set, nodemailer sends it; without (development only, see config.ts), it stays in the
 * outbox, shown on the development page /entwicklung/postausgang. Sending is at-least-once: a crash
 * between sending and marking resends.
 *
 * Bodies carry link tokens that open drafts and cases, so a body is kept only while the mail may still be
 * sent: once it is sent or has failed its last retry, only recipient and subject remain, and those go
 * after MAIL_RETENTION_DAYS (the recipient is personal data). A mail still pending after that long counts as
 * failed (see deleteExpiredMails).
 */
import type { Transaction } from 'kysely';
import nodemailer from 'nodemailer';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { isUuid } from '../db/uuid.ts';
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
      // A failed mail has lost its body: sending it again (a dead job retried by hand) would send nothing.
      .where('failed_at', 'is', null)
      .executeTakeFirst();
    if (!mail || !transport) return;
    await transport.send({ to: mail.recipient, subject: mail.subject, text: mail.body });
    await db
      .updateTable('outbound_mail')
      .set({ sent_at: new Date(), body: '' })
      .where('id', '=', mail.id)
      .execute();
  };
}

/**
 * For the mail queue's dead letters: the mail will not be sent, so its link goes as after sending, and
 * the row says it failed (the incident for a person is recorded beside it, see main.ts).
 */
export async function markMailFailed(db: Db, data: unknown, now = new Date()): Promise<void> {
  const mailId = typeof data === 'object' && data !== null && 'mailId' in data ? data.mailId : undefined;
  if (typeof mailId !== 'string' || !isUuid(mailId)) return;
  await giveUpPending(db, now).where('id', '=', mailId).execute();
}

/** Pending mails given up on: marked failed, their body (with any link token) emptied. */
const giveUpPending = (db: Db, now: Date) =>
  db
    .updateTable('outbound_mail')
    .set({ failed_at: now, body: '' })
    .where('sent_at', 'is', null)
    .where('failed_at', 'is', null);

/**
 * The nightly retention run. A mail still pending after `retentionDays` will never be sent — the mail job's
 * retries end within hours — yet it would keep its link forever: one dead-lettered before failures were
 * recorded (migration 0008), or whose dead-letter handling failed. It is marked failed and loses its body
 * now, and goes a retention period later like any failed mail. Then mails sent or failed more than
 * `retentionDays` ago are deleted. Returns how many were deleted.
 */
export async function deleteExpiredMails(db: Db, now: Date, retentionDays: number): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * 24 * 60 * 60 * 1000);
  await giveUpPending(db, now).where('created_at', '<', cutoff).execute();
  const result = await db
    .deleteFrom('outbound_mail')
    .where((eb) => eb.or([eb('sent_at', '<', cutoff), eb('failed_at', '<', cutoff)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export type MailStatus = 'pending' | 'sent' | 'failed';

const mailStatus = (row: { sent_at: Date | null; failed_at: Date | null }): MailStatus =>
  row.sent_at ? 'sent' : row.failed_at ? 'failed' : 'pending';

/** The latest messages, for the development outbox page. */
export async function listOutbox(db: Db, tenantArs: string, limit = 20) {
  const rows = await db
    .selectFrom('outbound_mail')
    .select(['recipient', 'subject', 'body', 'created_at', 'sent_at', 'failed_at'])
    .where('tenant_ars', '=', tenantArs)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ ...row, status: mailStatus(row) }));
}
