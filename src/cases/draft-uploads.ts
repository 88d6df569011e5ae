/**
 * A draft's uploads when it is submitted: the files its answers name that are gone (the submission is then
 * refused), the files that move to the case, and the rest, deleted.
 */
import { sql, type Transaction } from 'kysely';
import type { Answers, Database } from '../db/schema.ts';
import { isUuid } from '../db/uuid.ts';
import { documentIdsIn, type FileAt, fileAnswersIn } from '../forms/file-answers.ts';

/**
 * The files of the submitted answers whose upload the draft does not have: a draft saved before pages
 * checked their files (see savePageAnswers) may still name one deleted since.
 */
export async function missingUploads(
  trx: Transaction<Database>,
  draftId: string,
  answers: Answers,
): Promise<FileAt[]> {
  const files = fileAnswersIn(answers);
  const ids = [...new Set(files.map(({ file }) => file.documentId).filter(isUuid))];
  const present =
    ids.length === 0
      ? []
      : await trx
          .selectFrom('documents')
          .select('id')
          .where('draft_id', '=', draftId)
          .where('kind', '=', 'upload')
          .where('id', 'in', ids)
          .execute();
  const found = new Set(present.map((doc) => doc.id));
  return files.filter(({ file }) => !found.has(file.documentId));
}

/**
 * Removes the answers naming files that are gone from the draft, so that its pages ask for them again (a
 * required one: check your answers leads there) instead of showing them as uploaded.
 */
export async function forgetMissingFiles(
  trx: Transaction<Database>,
  draftId: string,
  gone: readonly FileAt[],
) {
  const answers = gone.reduce(
    (expression, { path }) => sql<string>`(${expression} #- ${path.split('.')}::text[])`,
    sql<string>`answers`,
  );
  await trx.updateTable('drafts').set({ answers }).where('id', '=', draftId).execute();
}

/**
 * Moves the draft's uploads that the submitted answers refer to into the case and deletes the others (files
 * of questions that no longer apply, of a page left without saving): the authority gets no personal data
 * the application does not contain. Returns the deleted contents' storage keys, to delete after the commit.
 */
export async function moveUploadsToCase(
  trx: Transaction<Database>,
  draftId: string,
  caseId: string,
  answers: Answers,
): Promise<string[]> {
  const kept = [...documentIdsIn([answers])].filter(isUuid);
  if (kept.length > 0)
    await trx
      .updateTable('documents')
      .set({ case_id: caseId, draft_id: null })
      .where('draft_id', '=', draftId)
      .where('id', 'in', kept)
      .execute();
  // Before the draft goes: deleting it would only unlink the rest (ON DELETE SET NULL) and leave them behind.
  const dropped = await trx
    .deleteFrom('documents')
    .where('draft_id', '=', draftId)
    .returning('storage_key')
    .execute();
  return dropped.map((d) => d.storage_key);
}
