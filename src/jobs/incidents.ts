/**
 * An effect that failed all its retries becomes an incident for a person (e.g. a Bescheid that could not be
 * rendered): listed for staff, resolved by someone, never dropped silently.
 */
import type { Db } from '../db/database.ts';
import { isUuid } from '../db/uuid.ts';
import type { StaffMember } from '../identity/types.ts';

export interface Incident {
  id: string;
  queue: string;
  data: unknown;
  createdAt: Date;
}

/** Records a dead-lettered job once, however often the dead-letter job itself is retried. */
export async function recordIncident(
  db: Db,
  job: { id: string; queue: string; data: unknown },
): Promise<void> {
  await db
    .insertInto('incidents')
    .values({ job_id: job.id, queue: job.queue, data: JSON.stringify(job.data ?? null) })
    .onConflict((oc) => oc.column('job_id').doNothing())
    .execute();
}

export async function listOpenIncidents(db: Db): Promise<Incident[]> {
  const rows = await db
    .selectFrom('incidents')
    .select(['id', 'queue', 'data', 'created_at'])
    .where('resolved_at', 'is', null)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({ id: r.id, queue: r.queue, data: r.data, createdAt: r.created_at }));
}

export async function resolveIncident(db: Db, staff: StaffMember, id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  const result = await db
    .updateTable('incidents')
    .set({ resolved_at: new Date(), resolved_by: staff.id })
    .where('id', '=', id)
    .where('resolved_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
