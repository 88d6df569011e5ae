/** The citizen's postbox: messages about their cases, optionally with a document (e.g. the Bescheid). */
import type { Kysely } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { type DocumentRecord, findDocument } from '../documents/service.ts';

export interface PostboxMessage {
  id: string;
  caseId: string | null;
  subject: string;
  body: string;
  documentId: string | null;
  createdAt: Date;
}

/** Adds a message once per idempotency key, so a retried job never posts twice. */
export async function postMessage(
  db: Kysely<Database>,
  message: {
    tenantArs: string;
    citizenId: string;
    caseId: string;
    subject: string;
    body: string;
    documentId?: string;
    idempotencyKey: string;
  },
): Promise<void> {
  await db
    .insertInto('postbox_messages')
    .values({
      tenant_ars: message.tenantArs,
      citizen_id: message.citizenId,
      case_id: message.caseId,
      subject: message.subject,
      body: message.body,
      document_id: message.documentId ?? null,
      idempotency_key: message.idempotencyKey,
    })
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .execute();
}

export async function listMessages(db: Db, tenantArs: string, citizenId: string): Promise<PostboxMessage[]> {
  const rows = await db
    .selectFrom('postbox_messages')
    .select(['id', 'case_id', 'subject', 'body', 'document_id', 'created_at'])
    .where('tenant_ars', '=', tenantArs)
    .where('citizen_id', '=', citizenId)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    subject: r.subject,
    body: r.body,
    documentId: r.document_id,
    createdAt: r.created_at,
  }));
}

/** A document the citizen may open: only one delivered to their own postbox. */
export async function findDeliveredDocument(
  db: Db,
  citizenId: string,
  documentId: string,
): Promise<DocumentRecord | undefined> {
  const doc = await findDocument(db, documentId);
  if (!doc) return undefined;
  const delivered = await db
    .selectFrom('postbox_messages')
    .select('id')
    .where('citizen_id', '=', citizenId)
    .where('document_id', '=', doc.id)
    .executeTakeFirst();
  return delivered ? doc : undefined;
}
