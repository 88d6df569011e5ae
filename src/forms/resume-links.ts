/**
 * Save and return later for anonymous services: a link with a random token, sent by e-mail, opens the
 * draft again until the draft expires. Only the token's SHA-256 is stored.
 */
import type { Db } from '../db/database.ts';
import { linkTokenHash, newLinkToken } from '../identity/link-tokens.ts';
import { queueMail } from '../jobs/mail.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { formatLongDate } from './display.ts';

export interface ResumeLinkInput {
  tenantArs: string;
  draftId: string;
  email: string;
  expiresAt: Date;
  /** e.g. https://service.musterstadt.de — the link is built on it. */
  publicUrl: string;
  serviceTitle: string;
}

/** Stores the link and queues the e-mail in one transaction: no mail without a working link, and vice versa. */
export async function sendResumeLink(
  deps: { db: Db; jobs: JobQueue },
  input: ResumeLinkInput,
): Promise<void> {
  const { token, hash } = newLinkToken();
  const until = formatLongDate(input.expiresAt);
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('resume_links')
      .values({
        token_hash: hash,
        tenant_ars: input.tenantArs,
        draft_id: input.draftId,
        expires_at: input.expiresAt,
      })
      .execute();
    await queueMail(trx, deps.jobs, {
      tenantArs: input.tenantArs,
      to: input.email,
      subject: `Ihr Antrag „${input.serviceTitle}“: später weitermachen`,
      body: [
        'Guten Tag,',
        '',
        `mit diesem Link machen Sie mit Ihrem Antrag „${input.serviceTitle}“ weiter:`,
        `${input.publicUrl}/weitermachen/${token}`,
        '',
        `Der Link gilt bis zum ${until}. Geben Sie ihn nicht weiter: Wer ihn hat, sieht Ihre Angaben.`,
      ].join('\n'),
    });
  });
}

/** The draft a valid, unexpired token opens: its owner id and service. */
export async function redeemResumeLink(
  db: Db,
  token: string,
  now: Date,
): Promise<{ citizenId: string; serviceId: string } | undefined> {
  const hash = linkTokenHash(token);
  if (!hash) return undefined;
  return db
    .selectFrom('resume_links')
    .innerJoin('drafts', 'drafts.id', 'resume_links.draft_id')
    .select(['drafts.citizen_id as citizenId', 'drafts.service_id as serviceId'])
    .where('resume_links.token_hash', '=', hash)
    .where('resume_links.expires_at', '>', now)
    .executeTakeFirst();
}
