/** Uploaded files of a draft: streamed to the blob store, checked by content, linked to the draft's answers. */
import type { Readable } from 'node:stream';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { type BlobStore, BlobTooLargeError } from '../documents/blob-store.ts';
import { deleteContents, type OnOrphan } from '../documents/delete-contents.ts';
import { insertDocument } from '../documents/service.ts';
import { safeFilename, sniffMediaType } from '../documents/sniff.ts';
import { type ScanResult, type VirusScanner, VirusScanUnavailableError } from '../documents/virus-scan.ts';
import { fileTypeNames, formatFileSize } from './display.ts';
import { type DraftKey, findDraft, saveAnswers } from './drafts.ts';
import { label as fieldLabel } from './fields.ts';
import { isFileAnswer } from './file-answers.ts';
import { messages } from './messages.ts';
import type { FieldError, FileAnswer, FileFieldDef, Locale } from './types.ts';

export interface UploadDeps {
  db: Db;
  store: BlobStore;
  maxBytes: number;
  scanner: VirusScanner;
  /** Told of replaced or removed contents that could not be deleted after their record went. */
  onOrphan?: OnOrphan;
}

/** Scans the stored bytes (read back, so exactly what was stored is scanned); a field error if not clean. */
async function scanStored(
  deps: UploadDeps,
  key: string,
  { field, path }: UploadTarget,
  locale: Locale,
): Promise<FieldError | undefined> {
  let verdict: ScanResult;
  try {
    verdict = await deps.scanner.scan(deps.store.get(key));
  } catch (error) {
    // Without a verdict the file is not kept: an unscanned upload would reach a caseworker's computer.
    if (error instanceof VirusScanUnavailableError) return { field: path, message: error.text[locale] };
    throw error;
  }
  return verdict.clean
    ? undefined
    : { field: path, message: messages.fileInfected(fieldLabel(field, locale))[locale] };
}

export function isFileTooLarge(error: unknown): boolean {
  return error instanceof BlobTooLargeError || (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE';
}

/** Where an upload goes: a file field of the page, or a file field in one item of a repeating group. */
export interface UploadTarget {
  field: FileFieldDef;
  /** The file input's name and id, e.g. "proof" or "dogs.1.certificate": errors link to it. */
  path: string;
  /**
   * A file in a repeating group joins the draft's answers only when its page is saved (its item may not be
   * saved yet); until then the page carries its document id (see repeat-uploads.ts).
   */
  inRepeat: boolean;
}

export type UploadOutcome = { error: FieldError } | { answer: FileAnswer };

/**
 * Stores one uploaded file for `target` in the citizen's draft. A file field of the page replaces an earlier
 * file for the same field in the draft's answers at once. Returns a field error (wrong type, too large,
 * infected) instead of storing; then nothing is kept. The size limit is the field's own, within the platform's.
 */
export async function storeDraftUpload(
  deps: UploadDeps,
  key: DraftKey,
  target: UploadTarget,
  file: { stream: Readable; filename: string | undefined },
  locale: Locale,
): Promise<UploadOutcome> {
  const { field, path } = target;
  const label = fieldLabel(field, locale);
  const maxBytes = Math.min(field.maxBytes ?? deps.maxBytes, deps.maxBytes);
  const refused = (message: string): UploadOutcome => ({ error: { field: path, message } });
  const tooLarge = () => refused(messages.fileTooLarge(label, formatFileSize(maxBytes, locale))[locale]);
  let blob: Awaited<ReturnType<BlobStore['put']>>;
  try {
    blob = await deps.store.put(file.stream, maxBytes);
  } catch (error) {
    if (!isFileTooLarge(error)) throw error;
    file.stream.resume();
    return tooLarge();
  }
  // @fastify/multipart ends a file at its size limit as if it were complete and only marks it `truncated`:
  // storing it would keep the first bytes of a larger file.
  if ('truncated' in file.stream && file.stream.truncated === true) {
    await deps.store.delete(blob.key);
    return tooLarge();
  }
  if (blob.sizeBytes === 0) {
    await deps.store.delete(blob.key);
    return refused(messages.fileMissing(label)[locale]);
  }
  const mediaType = await sniffMediaType(blob.head);
  if (!mediaType || !field.mediaTypes.includes(mediaType)) {
    await deps.store.delete(blob.key);
    return refused(messages.fileType(label, fileTypeNames(field.mediaTypes, locale))[locale]);
  }
  const infected = await scanStored(deps, blob.key, target, locale);
  if (infected) {
    await deps.store.delete(blob.key);
    return { error: infected };
  }
  const filename = safeFilename(file.filename, `${field.name}.${mediaType.split('/')[1]}`);
  const { answer, replaced } = await deps.db.transaction().execute(async (trx) => {
    const draftId = await saveAnswers(trx, key, {}, field.name);
    const previous = target.inRepeat
      ? []
      : await trx
          .deleteFrom('documents')
          .where('draft_id', '=', draftId)
          .where('field', '=', field.name)
          .returning('storage_key')
          .execute();
    const documentId = await insertDocument(trx, {
      tenantArs: key.tenantArs,
      draftId,
      kind: 'upload',
      field: path,
      filename,
      mediaType,
      sizeBytes: blob.sizeBytes,
      sha256: blob.sha256,
      storageKey: blob.key,
    });
    const answer: FileAnswer = { documentId, filename, mediaType, sizeBytes: blob.sizeBytes };
    if (!target.inRepeat)
      await trx
        .updateTable('drafts')
        .set({ answers: sql`answers || ${JSON.stringify({ [field.name]: answer })}::jsonb` })
        .where('id', '=', draftId)
        .execute();
    return { answer, replaced: previous };
  });
  // Old contents go only after the new record has committed, so a crash never leaves a record without its file.
  await deleteContents(
    deps.store,
    replaced.map((old) => old.storage_key),
    deps.onOrphan,
  );
  return { answer };
}

/**
 * Removes the file of a page's file field from the draft (the citizen pressed "Datei entfernen"): its answer
 * and its upload, rows in one transaction with the draft locked, the contents after the commit. Only if the
 * draft's answer is still the file the page showed (`documentId`): a page left open in another tab must not
 * remove a file uploaded since. Returns the removed file, or undefined if nothing was removed.
 */
export async function removeDraftUpload(
  deps: Pick<UploadDeps, 'db' | 'store' | 'onOrphan'>,
  key: DraftKey,
  fieldName: string,
  documentId: string,
): Promise<FileAnswer | undefined> {
  const removed = await deps.db.transaction().execute(async (trx) => {
    const draft = await findDraft(trx, key, { forUpdate: true });
    const answer = draft?.answers[fieldName];
    if (!draft || !isFileAnswer(answer) || answer.documentId !== documentId) return undefined;
    await trx
      .updateTable('drafts')
      .set({ answers: sql`answers - ${fieldName}::text`, updated_at: new Date() })
      .where('id', '=', draft.id)
      .execute();
    const documents = await trx
      .deleteFrom('documents')
      .where('draft_id', '=', draft.id)
      .where('kind', '=', 'upload')
      .where('id', '=', documentId)
      .returning('storage_key')
      .execute();
    return { answer, storageKeys: documents.map((doc) => doc.storage_key) };
  });
  if (!removed) return undefined;
  await deleteContents(deps.store, removed.storageKeys, deps.onOrphan);
  return removed.answer;
}
