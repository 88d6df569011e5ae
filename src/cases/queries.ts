/** SQL of the cases domain: cases, their append-only events and reference numbers. */
import { type Kysely, type Selectable, sql } from 'kysely';
import type { CasesTable, Database } from '../db/schema.ts';
import { isUuid } from '../db/uuid.ts';
import type { Case, CaseEvent, CaseStatus, Outcome } from './types.ts';

export function toCase(row: Selectable<CasesTable>): Case {
  return {
    id: row.id,
    tenantArs: row.tenant_ars,
    reference: row.reference,
    serviceId: row.service_id,
    serviceVersion: row.service_version,
    citizenId: row.citizen_id,
    applicantName: row.applicant_name,
    answers: row.answers,
    status: row.status as CaseStatus,
    outcome: row.outcome as Outcome | null,
    version: row.version,
    submittedAt: row.submitted_at,
    updatedAt: row.updated_at,
  };
}

/** Next reference for a tenant, service prefix and year, e.g. BPA-2026-000042; gap-free within a transaction. */
export async function nextReference(
  trx: Kysely<Database>,
  tenantArs: string,
  prefix: string,
  now: Date,
): Promise<string> {
  const year = now.getUTCFullYear();
  const row = await trx
    .insertInto('reference_counters')
    .values({ tenant_ars: tenantArs, prefix, year, last: 1 })
    .onConflict((oc) =>
      oc
        .columns(['tenant_ars', 'prefix', 'year'])
        .doUpdateSet((eb) => ({ last: eb('reference_counters.last', '+', 1) })),
    )
    .returning('last')
    .executeTakeFirstOrThrow();
  return `${prefix}-${year}-${String(row.last).padStart(6, '0')}`;
}

export async function appendEvent(
  trx: Kysely<Database>,
  event: {
    tenantArs: string;
    caseId: string;
    caseVersion: number;
    type: string;
    actor: string;
    data: unknown;
    at: Date;
  },
): Promise<void> {
  await trx
    .insertInto('case_events')
    .values({
      tenant_ars: event.tenantArs,
      case_id: event.caseId,
      case_version: event.caseVersion,
      type: event.type,
      actor: event.actor,
      data: JSON.stringify(event.data),
      created_at: event.at,
    })
    .execute();
}

export async function selectCase(
  db: Kysely<Database>,
  id: string,
  tenantArs?: string,
): Promise<Case | undefined> {
  if (!isUuid(id)) return undefined;
  let query = db.selectFrom('cases').selectAll().where('id', '=', id);
  if (tenantArs) query = query.where('tenant_ars', '=', tenantArs);
  const row = await query.executeTakeFirst();
  return row && toCase(row);
}

export async function selectEvents(db: Kysely<Database>, caseId: string): Promise<CaseEvent[]> {
  const rows = await db
    .selectFrom('case_events')
    .select(['case_version', 'type', 'actor', 'data', 'created_at'])
    .where('case_id', '=', caseId)
    .orderBy('case_version')
    .execute();
  return rows.map((r) => ({
    caseVersion: r.case_version,
    type: r.type,
    actor: r.actor,
    data: r.data,
    createdAt: r.created_at,
  }));
}

/** Applications submitted per service and month (Europe/Berlin), for the dashboard's digital share. */
export async function countSubmissionsByMonth(
  db: Kysely<Database>,
  tenantArs: string,
): Promise<{ serviceId: string; month: string; count: number }[]> {
  const month = sql<string>`to_char(submitted_at AT TIME ZONE 'Europe/Berlin', 'YYYY-MM')`;
  const rows = await db
    .selectFrom('cases')
    .select(['service_id', month.as('month'), (eb) => eb.fn.countAll<number>().as('count')])
    .where('tenant_ars', '=', tenantArs)
    .groupBy(['service_id', month])
    .execute();
  return rows.map((r) => ({ serviceId: r.service_id, month: r.month, count: Number(r.count) }));
}
