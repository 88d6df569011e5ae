/** Uploaded files of a draft: streamed to the blob store, checked by content, linked to the draft's answers. */

import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Db } from '../db/database.ts';
import { type BlobStore, BlobTooLargeError } from '../documents/blob-store.ts';
import { replaceDraftUpload } from '../documents/service.ts';
import { safeFilename, sniffMediaType } from '../documents/sniff.ts';
import { type ScanResult, type VirusScanner, VirusScanUnavailableError } from '../documents/virus-scan.ts';
import { fileTypeNames, formatFileSize } from './display.ts';
import { type DraftKey, saveAnswers } from './drafts.ts';
import { label as fieldLabel } from './fields.ts';
import { messages } from './messages.ts';
import type { FieldError, FileAnswer, FileFieldDef, Locale } from './types.ts';

export interface UploadDeps {
  db: Db;
  store: BlobStore;
  maxBytes: number;
  scanner: VirusScanner;
}

/** Scans the stored bytes (read back, so exactly what was stored is scanned); a field error if not clean. */
async function scanStored(
  deps: UploadDeps,
  key: string,
  field: FileFieldDef,
  locale: Locale,
): Promise<FieldError | undefined> {
  let verdict: ScanResult;
  try {
    verdict = await deps.scanner.scan(deps.store.get(key));
  } catch (error) {
    // Without a verdict the file is not kept: an unscanned upload would reach a caseworker's computer.
    if (error instanceof VirusScanUnavailableError) return { field: field.name, message: error.text[locale] };
    throw error;
  }
  return verdict.clean
    ? undefined
    : { field: field.name, message: messages.fileInfected(fieldLabel(field, locale))[locale] };
}

export function isFileTooLarge(error: unknown): boolean {
  return error instanceof BlobTooLargeError || (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE';
}

/**
 * Stores one uploaded file for `field` in the citizen's draft, replacing an earlier file for the same field,
 * and returns the draft's new answer for the field. Returns a field error (wrong type, too large) instead
 * of storing; then nothing is kept.
 */
export async function storeDraftUpload(
  deps: UploadDeps,
  key: DraftKey,
  field: FileFieldDef,
  file: { stream: Readable; filename: string | undefined },
  locale: Locale,
): Promise<{ error: FieldError } | { answer: FileAnswer }> {
  const label = fieldLabel(field, locale);
  const tooLarge = (): FieldError => ({
    field: field.name,
    message: messages.fileTooLarge(label, formatFileSize(deps.maxBytes))[locale],
  });
  let blob: Awaited<ReturnType<BlobStore['put']>>;
  try {
    blob = await deps.store.put(file.stream, deps.maxBytes);
  } catch (error) {
    if (!isFileTooLarge(error)) throw error;
    file.stream.resume();
    return { error: tooLarge() };
  }
  // @fastify/multipart ends a file at its size limit as if it were complete and only marks it `truncated`:
  // storing it would keep the first bytes of a larger file.
  if ('truncated' in file.stream && file.stream.truncated === true) {
    await deps.store.delete(blob.key);
    return { error: tooLarge() };
  }
  if (blob.sizeBytes === 0) {
    await deps.store.delete(blob.key);
    return { error: { field: field.name, message: messages.fileMissing(label)[locale] } };
  }
  const mediaType = await sniffMediaType(blob.head);
  if (!mediaType || !field.mediaTypes.includes(mediaType)) {
    await deps.store.delete(blob.key);
    const message = messages.fileType(label, fileTypeNames(field.mediaTypes, locale))[locale];
    return { error: { field: field.name, message } };
  }
  const infected = await scanStored(deps, blob.key, field, locale);
  if (infected) {
    await deps.store.delete(blob.key);
    return { error: infected };
  }
  const filename = safeFilename(file.filename, `${field.name}.${mediaType.split('/')[1]}`);
  // The document's id is chosen here, so the draft's answer and the document record are written in two
  // statements of one transaction (the record needs the draft's id, the answer the record's).
  const answer: FileAnswer = { documentId: randomUUID(), filename, mediaType, sizeBytes: blob.sizeBytes };
  const replaced = await deps.db.transaction().execute(async (trx) => {
    const draftId = await saveAnswers(trx, key, { [field.name]: answer }, field.name);
    return replaceDraftUpload(trx, {
      id: answer.documentId,
      tenantArs: key.tenantArs,
      draftId,
      kind: 'upload',
      field: field.name,
      filename,
      mediaType,
      sizeBytes: blob.sizeBytes,
      sha256: blob.sha256,
      storageKey: blob.key,
    });
  });
  // Old contents go only after the new record has committed, so a crash never leaves a record without its file.
  for (const storageKey of replaced) await deps.store.delete(storageKey);
  return { answer };
}
