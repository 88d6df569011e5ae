/**
 * The test platform's file store seen from outside: the contents it holds, a draft's upload stored directly,
 * and deletions made to fail.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.ts';
import type { BlobStore } from '../../src/documents/blob-store.ts';
import { insertDocument } from '../../src/documents/service.ts';
import type { FileAnswer } from '../../src/forms/types.ts';
import { DEMO_TENANT } from '../../src/identity/tenants.ts';
import { SAMPLE_PDF } from './client.ts';
import type { TestPlatform } from './platform.ts';

/** The storage keys of all contents in the platform's file store (files/<shard>/<key>). */
export async function storedFiles(platform: Pick<TestPlatform, 'dataDir'>): Promise<string[]> {
  const root = join(platform.dataDir, 'files');
  const folders = await readdir(root).catch(() => []);
  return (await Promise.all(folders.map((folder) => readdir(join(root, folder))))).flat();
}

/**
 * Makes every deletion by `store` fail, as a store that is down would, until `restore` is called; the keys
 * it was asked to delete are kept in `attempted`. The platform's app holds the same store object.
 */
export function failDeletes(store: BlobStore): { attempted: string[]; restore(): void } {
  const original = store.delete;
  const attempted: string[] = [];
  store.delete = async (key) => {
    attempted.push(key);
    throw new Error('the store refuses to delete');
  };
  return {
    attempted,
    restore: () => {
      store.delete = original;
    },
  };
}

/**
 * Stores a small PDF as the draft's upload for `field` (its contents, then its record through `db`, which may
 * be a transaction) and returns its file answer; the draft's answers are left to the caller.
 */
export async function storeUpload(
  db: Kysely<Database>,
  store: BlobStore,
  upload: { draftId: string; field: string; filename: string },
): Promise<FileAnswer> {
  const blob = await store.put(Readable.from([SAMPLE_PDF]), 10_000);
  const file = { filename: upload.filename, mediaType: 'application/pdf', sizeBytes: blob.sizeBytes };
  const documentId = await insertDocument(db, {
    ...file,
    tenantArs: DEMO_TENANT.ars,
    draftId: upload.draftId,
    kind: 'upload',
    field: upload.field,
    sha256: blob.sha256,
    storageKey: blob.key,
  });
  return { documentId, ...file };
}
