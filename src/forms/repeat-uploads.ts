/**
 * Files in repeating groups. An item may not be saved yet when its file arrives (the citizen adds items,
 * uploads, removes items, all without JavaScript), so its file is carried from post to post as a document
 * id, resolved here against the draft's own uploads, and an upload is deleted as soon as neither the saved
 * answers nor the page shown again refer to it: nothing of a remaining item is lost. Another tab's upload
 * on its way to being saved is not touched; what is left over goes at submission or with the draft.
 */
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { isUuid } from '../db/uuid.ts';
import type { BlobStore } from '../documents/blob-store.ts';
import { deleteContents, type OnOrphan } from '../documents/delete-contents.ts';
import type { PageItem } from '../packages/compile.ts';
import type { RepeatFieldDef } from '../packages/schema.ts';
import { type DraftKey, findDraft } from './drafts.ts';
import { documentIdsIn, type MissingFile } from './file-answers.ts';
import { entriesOf, type RawPage } from './raw-input.ts';
import type { FileAnswer } from './types.ts';

/** How long an upload no answer refers to may wait for the page it was stored for to be saved. */
const GRACE_PERIOD = '1 hour';

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

/** The document ids the items of the page's repeating groups carry in a post (read by readPageBody). */
export function carriedDocumentIds(items: readonly PageItem[], raw: RawPage): string[] {
  const posted = groupsWithFiles(items).flatMap((group) =>
    entriesOf(raw[group.name]).flatMap((entry) =>
      group.fields.filter((f) => f.kind === 'file').map((f) => entry[f.name]),
    ),
  );
  return posted.filter((id): id is string => typeof id === 'string' && isUuid(id));
}

/**
 * The raw page with each repeating group's files as file answers: a file uploaded with this post (by
 * input name), else the upload whose id the item carried, if it is this draft's and was made for this
 * group; anything else counts as no file. One upload belongs to one item at most. `gone` has the inputs
 * whose carried upload the draft does not have (any more): the page showed a file there, so the citizen is
 * told rather than finding it silently missing.
 */
export async function resolveRepeatFiles(
  db: Db,
  draftId: string | undefined,
  items: readonly PageItem[],
  raw: RawPage,
  uploaded: ReadonlyMap<string, FileAnswer>,
): Promise<{ raw: RawPage; gone: MissingFile[] }> {
  const groups = groupsWithFiles(items);
  if (groups.length === 0) return { raw, gone: [] };
  const ids = carriedDocumentIds(items, raw);
  const rows =
    ids.length === 0 || draftId === undefined
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
  const gone: MissingFile[] = [];
  const resolved: RawPage = { ...raw };
  for (const group of groups) {
    resolved[group.name] = entriesOf(raw[group.name]).map((entry, index) => {
      const next = { ...entry };
      for (const field of group.fields) {
        if (field.kind !== 'file') continue;
        const id = entry[field.name];
        const path = `${group.name}.${index}.${field.name}`;
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
        const file = uploaded.get(path) ?? carried;
        if (file) used.add(file.documentId);
        else if (typeof id === 'string' && isUuid(id) && !row) gone.push({ path });
        next[field.name] = file;
      }
      return next;
    });
  }
  return { raw: resolved, gone };
}

/**
 * Deletes the uploads of the page's repeating groups that neither the draft's saved answers nor `pending`
 * (the page as it is shown again) refer to: the files of removed items, replaced and removed files. Only
 * uploads this request knows of (`known`: those it stored, those its page carried, those of the answers it
 * started from) or older than an hour are candidates: any other may just have been stored by a request of
 * the same citizen in another tab, whose page is not saved yet; what is left over goes at submission or with
 * the draft. The draft is locked meanwhile, so an answer saved at the same time is seen; rows go first, the
 * files after the commit, so no record ever points at a missing file (a file that then fails to go is left
 * orphaned and reported, see deleteContents).
 */
export async function discardDetachedUploads(
  deps: { db: Db; store: BlobStore; onOrphan?: OnOrphan },
  key: DraftKey,
  page: { items: readonly PageItem[]; pending: RawPage; known: ReadonlySet<string> },
): Promise<void> {
  const prefixes = groupsWithFiles(page.items).map((group) => `${group.name}.`);
  if (prefixes.length === 0) return;
  const deleted = await deps.db.transaction().execute(async (trx) => {
    const draft = await findDraft(trx, key, { forUpdate: true });
    if (!draft) return [];
    const referenced = documentIdsIn([draft.answers, page.pending]);
    const candidates = await trx
      .selectFrom('documents')
      .select(['id', 'field', sql<boolean>`created_at < now() - ${GRACE_PERIOD}::interval`.as('stale')])
      .where('draft_id', '=', draft.id)
      .where('kind', '=', 'upload')
      .execute();
    const detached = candidates
      .filter((doc) => !referenced.has(doc.id) && (page.known.has(doc.id) || doc.stale))
      .filter((doc) => prefixes.some((prefix) => doc.field?.startsWith(prefix)))
      .map((doc) => doc.id);
    if (detached.length === 0) return [];
    return trx
      .deleteFrom('documents')
      .where('draft_id', '=', draft.id)
      .where('id', 'in', detached)
      .returning('storage_key')
      .execute();
  });
  await deleteContents(
    deps.store,
    deleted.map((doc) => doc.storage_key),
    deps.onOrphan,
  );
}
