/** The citizen's postbox: messages about their cases, optionally with a document (e.g. the Bescheid). */
import type { Kysely, Selectable } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Database, PostboxMessagesTable } from '../db/schema.ts';
import { type DocumentRecord, findDocument } from '../documents/service.ts';

export interface PostboxMessage {
  id: string;
  caseId: string | null;
  subject: string;
  body: string;
  documentId: string | null;
  createdAt: Date;
}

/** Adds a message once per idempotency key, so a retried job never posts twice; true if it was new. */
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
): Promise<boolean> {
  const inserted = await db
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
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

const messageColumns = ['id', 'case_id', 'subject', 'body', 'document_id', 'created_at'] as const;

function toMessage(row: Pick<Selectable<PostboxMessagesTable>, (typeof messageColumns)[number]>) {
  return {
    id: row.id,
    caseId: row.case_id,
    subject: row.subject,
    body: row.body,
    documentId: row.document_id,
    createdAt: row.created_at,
  };
}

export async function listMessages(db: Db, tenantArs: string, citizenId: string): Promise<PostboxMessage[]> {
  const rows = await db
    .selectFrom('postbox_messages')
    .select(messageColumns)
    .where('tenant_ars', '=', tenantArs)
    .where('citizen_id', '=', citizenId)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(toMessage);
}

/** The messages about one case, newest first (for the link page of applicants without log-in). */
export async function listCaseMessages(db: Db, caseId: string): Promise<PostboxMessage[]> {
  const rows = await db
    .selectFrom('postbox_messages')
    .select(messageColumns)
    .where('case_id', '=', caseId)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(toMessage);
}

/** A document delivered in a message to `recipient`: the citizen's postbox, or one case (its link page). */
async function findDocumentDeliveredTo(
  db: Db,
  recipient: { column: 'citizen_id' | 'case_id'; value: string },
  documentId: string,
): Promise<DocumentRecord | undefined> {
  const doc = await findDocument(db, documentId);
  if (!doc) return undefined;
  const delivered = await db
    .selectFrom('postbox_messages')
    .select('id')
    .where(recipient.column, '=', recipient.value)
    .where('document_id', '=', doc.id)
    .executeTakeFirst();
  return delivered ? doc : undefined;
}

/** A document the citizen may open: only one delivered to their own postbox. */
export const findDeliveredDocument = (db: Db, citizenId: string, documentId: string) =>
  findDocumentDeliveredTo(db, { column: 'citizen_id', value: citizenId }, documentId);

/** A document delivered in a message about the case: all that a case link opens. */
export const findCaseDocument = (db: Db, caseId: string, documentId: string) =>
  findDocumentDeliveredTo(db, { column: 'case_id', value: caseId }, documentId);
