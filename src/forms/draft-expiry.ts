/**
 * Drafts are kept for a configurable number of days after the last change, then deleted with their
 * uploads (data minimisation). Citizens see the date on every question page.
 */
import type { Db } from '../db/database.ts';
import type { BlobStore } from '../documents/blob-store.ts';
import { deleteContents, type OnOrphan } from '../documents/delete-contents.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export function draftExpiresAt(updatedAt: Date, retentionDays: number): Date {
  return new Date(updatedAt.getTime() + retentionDays * DAY_MS);
}

/**
 * Deletes drafts untouched for `retentionDays` and their uploaded files; returns how many went. Contents that
 * fail to go are left orphaned and reported to `onOrphan` (see deleteContents): the drafts are gone either way.
 */
export async function deleteExpiredDrafts(
  db: Db,
  store: BlobStore,
  now: Date,
  retentionDays: number,
  onOrphan?: OnOrphan,
): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
  const { drafts, keys } = await db.transaction().execute(async (trx) => {
    const expired = await trx
      .selectFrom('drafts')
      .select('id')
      .where('updated_at', '<', cutoff)
      .forUpdate()
      .execute();
    const ids = expired.map((d) => d.id);
    if (ids.length === 0) return { drafts: 0, keys: [] };
    // Documents first: deleting a draft would only unlink them (ON DELETE SET NULL) and leave them behind.
    const documents = await trx
      .deleteFrom('documents')
      .where('draft_id', 'in', ids)
      .returning('storage_key')
      .execute();
    await trx.deleteFrom('drafts').where('id', 'in', ids).execute();
    return { drafts: ids.length, keys: documents.map((d) => d.storage_key) };
  });
  // Files go only after the rows are gone, so no record ever points at a missing file.
  await deleteContents(store, keys, onOrphan);
  return drafts;
}
