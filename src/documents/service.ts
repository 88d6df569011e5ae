/** Document records (uploads, receipts, decision letters) and their contents in the blob store. */
import type { Readable } from 'node:stream';
import type { Kysely, Selectable } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Database, DocumentsTable } from '../db/schema.ts';
import { isUuid } from '../db/uuid.ts';
import { recordAudit } from '../identity/audit.ts';
import type { StaffMember } from '../identity/types.ts';
import type { BlobStore } from './blob-store.ts';

export interface DocumentRecord {
  id: string;
  tenantArs: string;
  caseId: string | null;
  draftId: string | null;
  kind: 'upload' | 'decision_letter';
  field: string | null;
  filename: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  createdAt: Date;
}

export interface NewDocument {
  tenantArs: string;
  caseId?: string;
  draftId?: string;
  kind: DocumentRecord['kind'];
  field?: string;
  filename: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  idempotencyKey?: string;
}

/**
 * Records `doc` as the upload for its draft field, replacing any earlier one, in one statement; returns the
 * storage keys of the replaced documents, whose contents the caller deletes after its commit.
 */
export async function replaceDraftUpload(
  db: Kysely<Database>,
  doc: NewDocument & { id: string; draftId: string; field: string },
): Promise<string[]> {
  // Data-modifying CTEs run exactly once and see the snapshot from before the statement: the delete
  // cannot see (or remove) the row the insert adds.
  const rows = await db
    .with('replaced', (qb) =>
      qb
        .deleteFrom('documents')
        .where('draft_id', '=', doc.draftId)
        .where('field', '=', doc.field)
        .returning('storage_key'),
    )
    .with('added', (qb) =>
      qb
        .insertInto('documents')
        .values({
          id: doc.id,
          tenant_ars: doc.tenantArs,
          draft_id: doc.draftId,
          kind: doc.kind,
          field: doc.field,
          filename: doc.filename,
          media_type: doc.mediaType,
          size_bytes: doc.sizeBytes,
          sha256: doc.sha256,
          storage_key: doc.storageKey,
        })
        .returning('id'),
    )
    .selectFrom('replaced')
    .select('storage_key')
    .execute();
  return rows.map((row) => row.storage_key);
}

export async function insertDocument(db: Kysely<Database>, doc: NewDocument): Promise<string> {
  const row = await db
    .insertInto('documents')
    .values({
      tenant_ars: doc.tenantArs,
      case_id: doc.caseId ?? null,
      draft_id: doc.draftId ?? null,
      kind: doc.kind,
      field: doc.field ?? null,
      filename: doc.filename,
      media_type: doc.mediaType,
      size_bytes: doc.sizeBytes,
      sha256: doc.sha256,
      storage_key: doc.storageKey,
      idempotency_key: doc.idempotencyKey ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const columns = [
  'id',
  'tenant_ars',
  'case_id',
  'draft_id',
  'kind',
  'field',
  'filename',
  'media_type',
  'size_bytes',
  'sha256',
  'storage_key',
  'created_at',
] as const;

type Row = Pick<Selectable<DocumentsTable>, (typeof columns)[number]>;

function toRecord(r: Row): DocumentRecord {
  return {
    id: r.id,
    tenantArs: r.tenant_ars,
    caseId: r.case_id,
    draftId: r.draft_id,
    kind: r.kind as DocumentRecord['kind'],
    field: r.field,
    filename: r.filename,
    mediaType: r.media_type,
    sizeBytes: r.size_bytes,
    sha256: r.sha256,
    storageKey: r.storage_key,
    createdAt: r.created_at,
  };
}

export async function findDocument(db: Db, id: string): Promise<DocumentRecord | undefined> {
  if (!isUuid(id)) return undefined;
  const row = await db.selectFrom('documents').select(columns).where('id', '=', id).executeTakeFirst();
  return row && toRecord(row);
}

export async function listCaseDocuments(db: Db, caseId: string): Promise<DocumentRecord[]> {
  const rows = await db
    .selectFrom('documents')
    .select(columns)
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .execute();
  return rows.map(toRecord);
}

export async function findDocumentByIdempotencyKey(
  db: Kysely<Database>,
  key: string,
): Promise<DocumentRecord | undefined> {
  const row = await db
    .selectFrom('documents')
    .select(columns)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
  return row && toRecord(row);
}

export function openDocument(store: BlobStore, doc: DocumentRecord): Readable {
  return store.get(doc.storageKey);
}

/** A case document for a caseworker of the same tenant; the read is audited. */
export async function readDocumentForStaff(
  db: Db,
  staff: StaffMember,
  id: string,
): Promise<DocumentRecord | undefined> {
  const doc = await findDocument(db, id);
  if (!doc || doc.tenantArs !== staff.tenantArs || !doc.caseId) return undefined;
  await recordAudit(db, staff, 'document.read', { type: 'document', id: doc.id });
  return doc;
}
