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

/**
 * Reference numbers (e.g. BPA-2026-000042) come from one PostgreSQL sequence per tenant, prefix and year:
 * unique, and a submit never waits for another one's transaction; a rolled-back submit or a crash leaves a
 * gap (docs/decisions/006-reference-number-sequences.md). Migration 0007 builds the same names.
 */
export function referenceSequence(tenantArs: string, prefix: string, year: number): string {
  if (!/^\d{12}$/.test(tenantArs) || !/^[A-Z]{2,5}$/.test(prefix) || !Number.isInteger(year)) {
    throw new Error(`no reference sequence for ${tenantArs}/${prefix}/${year}`);
  }
  return `reference_${tenantArs}_${prefix.toLowerCase()}_${year}`;
}

/** Sequences this process has seen in each database (tests run several databases in one process). */
const knownSequences = new WeakMap<Kysely<Database>, Set<string>>();

/**
 * Creates the sequence on its first use (a new year, service or tenant). Outside the submit's transaction:
 * two processes creating it at once collide in PostgreSQL's catalog, which would abort the loser's submit.
 */
export async function ensureReferenceSequence(db: Kysely<Database>, name: string): Promise<void> {
  let known = knownSequences.get(db);
  if (!known) {
    known = new Set();
    knownSequences.set(db, known);
  }
  if (known.has(name)) return;
  try {
    await sql`create sequence if not exists ${sql.id(name)}`.execute(db);
  } catch (error) {
    // 23505/42P07: another process created it between our check and our insert into the catalog.
    const code = (error as { code?: string }).code;
    if (code !== '23505' && code !== '42P07') throw error;
  }
  known.add(name);
}

/** The next reference from `sequence` (see ensureReferenceSequence), formatted with its prefix and year. */
export async function nextReference(
  trx: Kysely<Database>,
  sequence: string,
  prefix: string,
  year: number,
): Promise<string> {
  const { rows } = await sql<{ n: number }>`select nextval(${sequence}::regclass) as n`.execute(trx);
  const n = rows[0]?.n;
  if (n === undefined) throw new Error(`sequence ${sequence} returned no value`);
  return `${prefix}-${year}-${String(n).padStart(6, '0')}`;
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
