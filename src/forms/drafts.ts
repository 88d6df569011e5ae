/** Drafts: a citizen's answers saved per page on the server, so leaving and logging in again resumes. */
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Answers } from '../db/schema.ts';
import { isUuid } from '../db/uuid.ts';
import { type FileAt, fileAnswersIn, isFileAnswer, type MissingFile } from './file-answers.ts';

export interface DraftKey {
  tenantArs: string;
  service: { id: string; version: string };
  citizenId: string;
}

export interface Draft {
  id: string;
  /** The package version the draft was started with; it is finished with that version. */
  serviceVersion: string;
  answers: Answers;
  lastPage: string | null;
  updatedAt: Date;
}

/** The citizen's draft; `forUpdate` locks it for the rest of the caller's transaction and reads it under the lock. */
export async function findDraft(
  db: Db,
  key: DraftKey,
  options: { forUpdate?: boolean } = {},
): Promise<Draft | undefined> {
  let query = db
    .selectFrom('drafts')
    .select(['id', 'service_version', 'answers', 'last_page', 'updated_at'])
    .where('tenant_ars', '=', key.tenantArs)
    .where('service_id', '=', key.service.id)
    .where('citizen_id', '=', key.citizenId);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return (
    row && {
      id: row.id,
      serviceVersion: row.service_version,
      answers: row.answers,
      lastPage: row.last_page,
      updatedAt: row.updated_at,
    }
  );
}

/**
 * Merges `values` into the draft (creating it on first save), after removing the answers named in `remove`
 * (those of questions the page no longer shows), and returns the draft's id.
 */
export async function saveAnswers(
  db: Db,
  key: DraftKey,
  values: Answers,
  pageId: string,
  remove: readonly string[] = [],
): Promise<string> {
  const row = await db
    .insertInto('drafts')
    .values({
      tenant_ars: key.tenantArs,
      service_id: key.service.id,
      service_version: key.service.version,
      citizen_id: key.citizenId,
      answers: JSON.stringify(values),
      last_page: pageId,
      updated_at: new Date(),
    })
    .onConflict((oc) =>
      oc.constraint('drafts_one_per_citizen').doUpdateSet({
        answers:
          remove.length === 0
            ? sql`drafts.answers || excluded.answers`
            : sql`(drafts.answers - ${sql.val([...remove])}::text[]) || excluded.answers`,
        last_page: pageId,
        updated_at: new Date(),
      }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Saves a page's answers as saveAnswers does, unless a file answer among them refers to an upload the draft
 * no longer has (removed meanwhile, say in another tab): then nothing is saved and those files are returned,
 * so no saved answer ever points at a missing document. The draft is locked first, as by every deletion of
 * its uploads, and the uploads are share-locked until the answers are committed.
 */
export async function savePageAnswers(
  db: Db,
  key: DraftKey,
  values: Answers,
  pageId: string,
  remove: readonly string[] = [],
): Promise<MissingFile[]> {
  const files = fileAnswersIn(values);
  if (files.length === 0) {
    await saveAnswers(db, key, values, pageId, remove);
    return [];
  }
  return db.transaction().execute(async (trx) => {
    const draft = await findDraft(trx, key, { forUpdate: true });
    const { toSave, checked, missing } = withLockedPageFiles(values, files, draft?.answers ?? {});
    const ids = [...new Set(checked.map(({ file }) => file.documentId).filter(isUuid))];
    const present =
      draft && ids.length > 0
        ? await trx
            .selectFrom('documents')
            .select('id')
            .where('draft_id', '=', draft.id)
            .where('kind', '=', 'upload')
            .where('id', 'in', ids)
            .forShare()
            .execute()
        : [];
    const kept = new Set(present.map((doc) => doc.id));
    missing.push(
      ...checked
        .filter(({ file }) => !kept.has(file.documentId))
        .map(({ path, file }) => ({ path, filename: file.filename })),
    );
    if (missing.length === 0) await saveAnswers(trx, key, toSave, pageId, remove);
    return missing;
  });
}

/**
 * A file of the page itself joined the draft when it was uploaded (see storeDraftUpload), so the page's save
 * leaves it out: the page read it before the draft was locked, and another tab may have replaced it since.
 * It must still be in the locked draft, though, or the page is saved without a file it showed. Returns the
 * values to save, the files whose uploads are to be checked and those already known to be missing.
 */
function withLockedPageFiles(values: Answers, files: readonly FileAt[], locked: Answers) {
  const toSave = { ...values };
  const checked: FileAt[] = [];
  const missing: MissingFile[] = [];
  for (const at of files) {
    const inRepeat = at.path.includes('.');
    if (inRepeat) checked.push(at);
    else {
      delete toSave[at.path];
      const current = locked[at.path];
      if (isFileAnswer(current)) checked.push({ path: at.path, file: current });
      else missing.push({ path: at.path, filename: at.file.filename });
    }
  }
  return { toSave, checked, missing };
}
