/**
 * Files in repeating groups. An item may not be saved yet when its file arrives (the citizen adds items,
 * uploads, removes items, all without JavaScript), so its file is carried from post to post as a document
 * id, resolved here against the draft's own uploads, and an upload is deleted as soon as neither the saved
 * answers nor the page shown again refer to it: nothing is orphaned, nothing of a remaining item is lost.
 */
import type { Db } from '../db/database.ts';
import { isUuid } from '../db/uuid.ts';
import type { BlobStore } from '../documents/blob-store.ts';
import type { PageItem } from '../packages/compile.ts';
import type { RepeatFieldDef } from '../packages/schema.ts';
import { type DraftKey, findDraft } from './drafts.ts';
import type { RawPage } from './raw-input.ts';
import type { FileAnswer } from './types.ts';

/** Whether a page has file inputs (a file field, or one in its repeating groups' items): it is posted as multipart. */
export function hasUploads(items: readonly PageItem[]): boolean {
  return items.some((item) => item.kind === 'file') || groupsWithFiles(items).length > 0;
}

/** The page's repeating groups that have a file field. */
export function groupsWithFiles(items: readonly PageItem[]): RepeatFieldDef[] {
  return items.filter(
    (item): item is RepeatFieldDef =>
      item.kind === 'repeat' && item.fields.some((field) => field.kind === 'file'),
  );
}

const entriesOf = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value)
    ? value.map((entry) => (entry && typeof entry === 'object' ? (entry as Record<string, unknown>) : {}))
    : [];

/** The document ids of all file answers in `values` (answers or raw pages), at any depth. */
export function documentIdsIn(values: readonly unknown[]): Set<string> {
  const ids = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const { documentId } = value as Partial<FileAnswer>;
      if (typeof documentId === 'string') ids.add(documentId);
      else Object.values(value).forEach(visit);
    }
  };
  values.forEach(visit);
  return ids;
}

/**
 * The raw page with each repeating group's files as file answers: a file uploaded with this post (by
 * input name), else the upload whose id the item carried, if it is this draft's and was made for this
 * group; anything else counts as no file. One upload belongs to one item at most.
 */
export async function resolveRepeatFiles(
  db: Db,
  draftId: string,
  items: readonly PageItem[],
  raw: RawPage,
  uploaded: ReadonlyMap<string, FileAnswer>,
): Promise<RawPage> {
  const groups = groupsWithFiles(items);
  if (groups.length === 0) return raw;
  const posted = groups.flatMap((group) =>
    entriesOf(raw[group.name]).flatMap((entry) =>
      group.fields.filter((f) => f.kind === 'file').map((f) => entry[f.name]),
    ),
  );
  const ids = posted.filter((id): id is string => typeof id === 'string' && isUuid(id));
  const rows =
    ids.length === 0
      ? []
      : await db
          .selectFrom('documents')
          .select(['id', 'field', 'filename', 'media_type', 'size_bytes'])
          .where('draft_id', '=', draftId)
          .where('kind', '=', 'upload')
          .where('id', 'in', ids)
          .execute();
  const known = new Map(rows.map((row) => [row.id, row]));
  const used = new Set<string>();
  const resolved: RawPage = { ...raw };
  for (const group of groups) {
    resolved[group.name] = entriesOf(raw[group.name]).map((entry, index) => {
      const next = { ...entry };
      for (const field of group.fields) {
        if (field.kind !== 'file') continue;
        const id = entry[field.name];
        const row = typeof id === 'string' ? known.get(id) : undefined;
        const carried: FileAnswer | undefined =
          row && !used.has(row.id) && row.field?.startsWith(`${group.name}.`)
            ? {
                documentId: row.id,
                filename: row.filename,
                mediaType: row.media_type,
                sizeBytes: row.size_bytes,
              }
            : undefined;
        const file = uploaded.get(`${group.name}.${index}.${field.name}`) ?? carried;
        if (file) used.add(file.documentId);
        next[field.name] = file;
      }
      return next;
    });
  }
  return resolved;
}

/**
 * Deletes the draft's uploads that neither its saved answers nor `pending` (the page as it is shown again)
 * refer to: the files of removed items, replaced and removed files. Only uploads made for the repeating
 * groups in `items` are considered, or all of the draft's uploads without `items` (before a submission).
 * The draft is locked meanwhile, so an answer saved at the same time is seen; rows go first, the files after
 * the commit, so no record ever points at a missing file.
 */
export async function discardDetachedUploads(
  deps: { db: Db; store: BlobStore },
  key: DraftKey,
  pending: readonly unknown[],
  items?: readonly PageItem[],
): Promise<void> {
  const prefixes = items && groupsWithFiles(items).map((group) => `${group.name}.`);
  if (prefixes?.length === 0) return;
  const deleted = await deps.db.transaction().execute(async (trx) => {
    const draft = await findDraft(trx, key, { forUpdate: true });
    if (!draft) return [];
    const referenced = documentIdsIn([draft.answers, ...pending]);
    const candidates = await trx
      .selectFrom('documents')
      .select(['id', 'field'])
      .where('draft_id', '=', draft.id)
      .where('kind', '=', 'upload')
      .execute();
    const detached = candidates
      .filter((doc) => !referenced.has(doc.id))
      .filter((doc) => !prefixes || prefixes.some((prefix) => doc.field?.startsWith(prefix)))
      .map((doc) => doc.id);
    if (detached.length === 0) return [];
    return trx
      .deleteFrom('documents')
      .where('draft_id', '=', draft.id)
      .where('id', 'in', detached)
      .returning('storage_key')
      .execute();
  });
  for (const { storage_key } of deleted) await deps.store.delete(storage_key);
}
