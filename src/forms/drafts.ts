/** Drafts: a citizen's answers saved per page on the server, so leaving and logging in again resumes. */
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Answers } from '../db/schema.ts';

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
