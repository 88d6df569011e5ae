/**
 * Applications become cases; caseworkers decide them. Every change is one transaction: the case row
 * (optimistic `version`), one event row, and the effects enqueued on the same transaction.
 */
import type { Db } from '../db/database.ts';
import type { Answers } from '../db/schema.ts';
import { isUuid } from '../db/uuid.ts';
import type { BlobStore } from '../documents/blob-store.ts';
import { deleteContents, type OnOrphan } from '../documents/delete-contents.ts';
import { isoDateInBerlin } from '../forms/display.ts';
import { findDraft } from '../forms/drafts.ts';
import { evaluationContext } from '../forms/engine.ts';
import { firstIncompletePage, visibleAnswers } from '../forms/journey.ts';
import { recordAudit } from '../identity/audit.ts';
import type { Citizen, StaffMember } from '../identity/types.ts';
import type { JobQueue } from '../jobs/queue.ts';
import type { CompiledPackage } from '../packages/compile.ts';
import { saveDeliveryAddress } from './case-links.ts';
import { forgetMissingFiles, missingUploads, moveUploadsToCase } from './draft-uploads.ts';
import {
  caseChanged,
  caseNotFound,
  deliveryAddressMissing,
  draftIncomplete,
  draftMissing,
  notAllowed,
  uploadsGone,
} from './errors.ts';
import {
  appendEvent,
  ensureReferenceSequence,
  nextReference,
  referenceSequence,
  selectCase,
  selectEvents,
  toCase,
} from './queries.ts';
import type { Case, CaseEvent, Outcome } from './types.ts';

export interface CaseDeps {
  db: Db;
  jobs: JobQueue;
  now: () => Date;
}

/** Submitting also deletes the draft's uploads the application does not keep. */
export interface SubmitDeps extends CaseDeps {
  store: BlobStore;
  /** Told of dropped uploads' contents that could not be deleted once the case was committed. */
  onOrphan?: OnOrphan;
}

export const EFFECTS = {
  notifySubmitted: 'notify-citizen-submitted',
  renderDecisionLetter: 'render-decision-letter',
} as const;

function applicantName(pkg: CompiledPackage, answers: Answers, today: string): string {
  const name = pkg.applicantName(evaluationContext(pkg, answers, today));
  return typeof name === 'string' && name.trim() !== '' ? name.trim() : 'Antragsteller/in';
}

/**
 * Turns the citizen's complete draft into a submitted case; returns it. Fails if the draft is gone or
 * incomplete, or names a file that is gone. An applicant without log-in must give `deliveryEmail`: their
 * messages go there as links.
 */
export async function submitApplication(
  deps: SubmitDeps,
  input: { tenantArs: string; pkg: CompiledPackage; citizen: Citizen; deliveryEmail?: string },
): Promise<Case> {
  const { tenantArs, pkg, citizen, deliveryEmail } = input;
  const service = pkg.definition;
  const anonymous = citizen.trustLevel === 'none';
  if (anonymous && !deliveryEmail) throw deliveryAddressMissing();
  const now = deps.now();
  const year = now.getUTCFullYear();
  const sequence = referenceSequence(tenantArs, service.metadata.referencePrefix, year);
  await ensureReferenceSequence(deps.db, sequence);
  const outcome = await deps.db.transaction().execute(async (trx) => {
    // Locked and read in one query: a double click waits here, then finds no draft; and no page saved
    // in the meantime is missed.
    const draft = await findDraft(trx, { tenantArs, service, citizenId: citizen.id }, { forUpdate: true });
    if (!draft) throw draftMissing();
    const today = isoDateInBerlin(now);
    if (firstIncompletePage(pkg, draft.answers, today)) throw draftIncomplete();
    const answers = visibleAnswers(pkg, draft.answers, today);
    // A file the answers name but the draft no longer has refuses the submission rather than being dropped
    // from it: the authority would get an application saying a proof was given that it does not have, and
    // the citizen would believe it was sent. The draft forgets the file, so its page asks for it again.
    const gone = await missingUploads(trx, draft.id, answers);
    if (gone.length > 0) {
      await forgetMissingFiles(trx, draft.id, gone);
      return { refused: gone.map(({ file }) => file.filename) } as const;
    }
    const reference = await nextReference(trx, sequence, service.metadata.referencePrefix, year);
    const row = await trx
      .insertInto('cases')
      .values({
        tenant_ars: tenantArs,
        reference,
        service_id: service.id,
        service_version: service.version,
        citizen_id: citizen.id,
        applicant_name: applicantName(pkg, answers, today),
        answers: JSON.stringify(answers),
        status: 'submitted',
        outcome: null,
        version: 1,
        submitted_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendEvent(trx, {
      tenantArs,
      caseId: row.id,
      caseVersion: 1,
      type: 'submitted',
      actor: `citizen:${citizen.id}`,
      data: { trustLevel: citizen.trustLevel, ...(anonymous ? { delivery: 'email-link' } : {}) },
      at: now,
    });
    if (anonymous && deliveryEmail)
      await saveDeliveryAddress(trx, { tenantArs, caseId: row.id, email: deliveryEmail });
    const droppedFiles = await moveUploadsToCase(trx, draft.id, row.id, answers);
    await trx.deleteFrom('drafts').where('id', '=', draft.id).execute();
    await deps.jobs.enqueue(trx, { queue: EFFECTS.notifySubmitted, data: { caseId: row.id } });
    return { refused: undefined, created: toCase(row), droppedFiles };
  });
  if (outcome.refused) throw uploadsGone(outcome.refused);
  // Contents go only after the rows are gone, so no record ever points at a missing file; a file that fails
  // to go is left orphaned (see deleteContents), the case stands.
  await deleteContents(deps.store, outcome.droppedFiles, deps.onOrphan);
  return outcome.created;
}

export interface DecisionInput {
  caseId: string;
  expectedVersion: number;
  decision: Outcome['decision'];
  reason: string;
}

const isVersion = (n: number) => Number.isInteger(n) && n >= 1 && n <= 2 ** 31 - 1;

/** Records a caseworker's decision; rejects a stale version (someone else acted first). */
export async function decideCase(deps: CaseDeps, staff: StaffMember, input: DecisionInput): Promise<Case> {
  if (!staff.roles.includes('caseworker')) throw notAllowed();
  // Both come from the request: checked here, as PostgreSQL would fail on a malformed uuid or integer.
  if (!isUuid(input.caseId)) throw caseNotFound();
  if (!isVersion(input.expectedVersion)) throw caseChanged();
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.now();
    const outcome: Outcome = {
      decision: input.decision,
      reason: input.reason,
      decidedBy: staff.id,
      decidedByName: staff.displayName,
      decidedAt: now.toISOString(),
    };
    const row = await trx
      .updateTable('cases')
      .set((eb) => ({
        status: input.decision,
        outcome: JSON.stringify(outcome),
        version: eb('version', '+', 1),
        updated_at: now,
      }))
      .where('id', '=', input.caseId)
      .where('tenant_ars', '=', staff.tenantArs)
      .where('version', '=', input.expectedVersion)
      .where('status', '=', 'submitted')
      .returningAll()
      .executeTakeFirst();
    if (!row) {
      const exists = await selectCase(trx, input.caseId, staff.tenantArs);
      throw exists ? caseChanged() : caseNotFound();
    }
    await appendEvent(trx, {
      tenantArs: staff.tenantArs,
      caseId: row.id,
      caseVersion: row.version,
      type: 'decided',
      actor: `staff:${staff.id}`,
      data: outcome,
      at: now,
    });
    await recordAudit(trx, staff, 'case.decide', { type: 'case', id: row.id });
    await deps.jobs.enqueue(trx, {
      queue: EFFECTS.renderDecisionLetter,
      data: { caseId: row.id, version: row.version },
    });
    return toCase(row);
  });
}

/** The tenant's cases, newest first, for the caseworker inbox (audited: it shows applicants' names). */
export async function listInbox(db: Db, staff: StaffMember, limit = 100): Promise<Case[]> {
  await recordAudit(db, staff, 'inbox.list', { type: 'tenant', id: staff.tenantArs });
  const rows = await db
    .selectFrom('cases')
    .selectAll()
    .where('tenant_ars', '=', staff.tenantArs)
    .orderBy('submitted_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toCase);
}

/** One case with its history for a caseworker of the same tenant; every read is audited. */
export async function readCaseForStaff(
  db: Db,
  staff: StaffMember,
  caseId: string,
): Promise<{ case: Case; events: CaseEvent[] }> {
  const found = await selectCase(db, caseId, staff.tenantArs);
  if (!found) throw caseNotFound();
  await recordAudit(db, staff, 'case.read', { type: 'case', id: found.id });
  return { case: found, events: await selectEvents(db, found.id) };
}

export async function listCitizenCases(db: Db, tenantArs: string, citizenId: string): Promise<Case[]> {
  const rows = await db
    .selectFrom('cases')
    .selectAll()
    .where('tenant_ars', '=', tenantArs)
    .where('citizen_id', '=', citizenId)
    .orderBy('submitted_at', 'desc')
    .execute();
  return rows.map(toCase);
}

export async function readCaseForCitizen(db: Db, citizenId: string, caseId: string): Promise<Case> {
  const found = await selectCase(db, caseId);
  if (!found || found.citizenId !== citizenId) throw caseNotFound();
  return found;
}
