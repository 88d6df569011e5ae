/**
 * Delivery to applicants without log-in (services with requiredTrustLevel 'none'): they have no postbox
 * they could open later, so every message about their case is announced by e-mail with a link that opens
 * that one case's messages and documents, without an account, for a limited time.
 * See docs/decisions/004-case-links-for-applicants-without-log-in.md.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { formatLongDate } from '../forms/display.ts';
import { linkTokenHash, newLinkToken } from '../identity/link-tokens.ts';
import { queueMail } from '../jobs/mail.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { selectCase } from './queries.ts';
import type { Case } from './types.ts';

export interface CaseLinkSettings {
  /** e.g. https://service.musterstadt.de — the link is built on it. */
  publicUrl: string;
  /** Days a link opens the case (CASE_LINK_DAYS). */
  validDays: number;
}

export const caseLinkPath = (token: string) => `/nachrichten/${token}`;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Keeps the address for the case's messages; part of the submission's transaction. */
export async function saveDeliveryAddress(
  trx: Kysely<Database>,
  input: { tenantArs: string; caseId: string; email: string },
): Promise<void> {
  await trx
    .insertInto('case_delivery_addresses')
    .values({ case_id: input.caseId, tenant_ars: input.tenantArs, email: input.email })
    .execute();
}

export async function findDeliveryAddress(db: Db, caseId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('case_delivery_addresses')
    .select('email')
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  return row?.email;
}

/**
 * If the case has a delivery address, stores a new link and queues the e-mail announcing `news`, in the
 * caller's transaction (the one that posts the message): no message without its e-mail, and vice versa.
 * Cases of signed-in citizens have no address: their postbox is enough.
 */
export async function mailCaseLink(
  trx: Transaction<Database>,
  deps: { jobs: JobQueue; settings: CaseLinkSettings; now: Date },
  message: { case: Case; serviceTitle: string; news: string },
): Promise<void> {
  const found = message.case;
  const address = await findDeliveryAddress(trx, found.id);
  if (!address) return;
  const { token, hash } = newLinkToken();
  const expiresAt = new Date(deps.now.getTime() + deps.settings.validDays * DAY_MS);
  await trx
    .insertInto('case_links')
    .values({ token_hash: hash, tenant_ars: found.tenantArs, case_id: found.id, expires_at: expiresAt })
    .execute();
  // The mail names no outcome: e-mail is not a confidential channel, the page behind the link is.
  await queueMail(trx, deps.jobs, {
    tenantArs: found.tenantArs,
    to: address,
    subject: `Neue Nachricht zu Ihrem Antrag ${found.reference}`,
    body: [
      'Guten Tag,',
      '',
      message.news,
      '',
      `Mit diesem Link lesen Sie die Nachrichten zu Ihrem Antrag „${message.serviceTitle}“ (Aktenzeichen ${found.reference}) und laden den Bescheid herunter, ohne Anmeldung:`,
      `${deps.settings.publicUrl}${caseLinkPath(token)}`,
      '',
      `Der Link gilt bis zum ${formatLongDate(expiresAt)}. Geben Sie ihn nicht weiter: Wer ihn hat, sieht die Nachrichten zu Ihrem Antrag.`,
    ].join('\n'),
  });
}

export type OpenedCaseLink =
  | { state: 'open'; case: Case; expiresAt: Date }
  | { state: 'expired' }
  | { state: 'unknown' };

/**
 * The case a link's token opens. 'expired' only for a token that was once valid: that tells its holder
 * nothing they did not know, while a wrong token never reveals whether a case exists.
 */
export async function openCaseLink(
  db: Db,
  tenantArs: string,
  token: string,
  now: Date,
): Promise<OpenedCaseLink> {
  const hash = linkTokenHash(token);
  if (!hash) return { state: 'unknown' };
  const link = await db
    .selectFrom('case_links')
    .select(['case_id', 'expires_at'])
    .where('token_hash', '=', hash)
    .where('tenant_ars', '=', tenantArs)
    .executeTakeFirst();
  if (!link) return { state: 'unknown' };
  if (link.expires_at <= now) return { state: 'expired' };
  const found = await selectCase(db, link.case_id, tenantArs);
  return found ? { state: 'open', case: found, expiresAt: link.expires_at } : { state: 'unknown' };
}
