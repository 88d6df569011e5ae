/** Handlers for the effects of case changes. Idempotent: a retry after a crash finds its earlier work and reuses it. */
import { Readable } from 'node:stream';
import type { Db } from '../db/database.ts';
import type { Answers } from '../db/schema.ts';
import type { BlobStore } from '../documents/blob-store.ts';
import { findDocumentByIdempotencyKey, insertDocument } from '../documents/service.ts';
import { findTenant } from '../identity/tenants.ts';
import type { EffectHandlers, JobQueue } from '../jobs/queue.ts';
import type { ServiceRegistry } from '../packages/registry.ts';
import { renderDecisionLetter } from '../pdf/decision-letter.ts';
import { type CaseLinkSettings, mailCaseLink } from './case-links.ts';
import { postMessage } from './postbox.ts';
import { selectCase } from './queries.ts';
import { EFFECTS } from './service.ts';
import type { Case } from './types.ts';

export interface EffectDeps {
  db: Db;
  store: BlobStore;
  services: ServiceRegistry;
  /** Queues the e-mails with case links for applicants without log-in. */
  jobs: JobQueue;
  caseLinks: CaseLinkSettings;
  now: () => Date;
}

/** The recipient's address lines from the package's address field, if it names one. */
function addressLines(answers: Answers, field: string | undefined): string[] {
  const address = field ? (answers[field] as Record<string, string> | null | undefined) : undefined;
  if (!address) return [];
  return [`${address.street} ${address.houseNumber}`, `${address.postalCode} ${address.city}`];
}

type Message = Omit<Parameters<typeof postMessage>[1], 'tenantArs' | 'citizenId' | 'caseId'>;

/**
 * Posts the message about `found` and, for an applicant without log-in, the e-mail with a link to it, in
 * one transaction; a retry finds the message posted and sends no second e-mail.
 */
async function deliver(deps: EffectDeps, found: Case, message: Message, news: string): Promise<void> {
  const serviceTitle =
    deps.services.findVersion(found.serviceId, found.serviceVersion)?.definition.metadata.title.de ??
    found.serviceId;
  await deps.db.transaction().execute(async (trx) => {
    const posted = await postMessage(trx, {
      tenantArs: found.tenantArs,
      citizenId: found.citizenId,
      caseId: found.id,
      ...message,
    });
    if (posted)
      await mailCaseLink(
        trx,
        { jobs: deps.jobs, settings: deps.caseLinks, now: deps.now() },
        { case: found, serviceTitle, news },
      );
  });
}

async function notifySubmitted(deps: EffectDeps, data: Record<string, unknown>): Promise<void> {
  const found = await selectCase(deps.db, String(data.caseId));
  if (!found) return;
  await deliver(
    deps,
    found,
    {
      subject: `Ihr Antrag ist eingegangen (${found.reference})`,
      body: 'Wir haben Ihren Antrag erhalten und bearbeiten ihn. Sie bekommen den Bescheid in dieses Postfach.',
      idempotencyKey: `submitted:${found.id}`,
    },
    'Ihr Antrag ist bei uns eingegangen. Wir bearbeiten ihn und schicken Ihnen eine E-Mail, sobald der Bescheid vorliegt.',
  );
}

async function deliverDecisionLetter(deps: EffectDeps, data: Record<string, unknown>): Promise<void> {
  const caseId = String(data.caseId);
  const version = Number(data.version);
  const found = await selectCase(deps.db, caseId);
  const outcome = found?.outcome;
  if (!found || !outcome) return;
  const service = deps.services.findVersion(found.serviceId, found.serviceVersion)?.definition;
  const tenant = await findTenant(deps.db, found.tenantArs);
  if (!service || !tenant) throw new Error(`service or tenant of case ${caseId} is missing`);
  const key = `decision-letter:${caseId}:${version}`;
  let letter = await findDocumentByIdempotencyKey(deps.db, key);
  if (!letter) {
    const authority = `${tenant.letterhead.name}, ${tenant.letterhead.street}, ${tenant.letterhead.postalCode} ${tenant.letterhead.city}`;
    const bytes = await renderDecisionLetter({
      letterhead: tenant.letterhead,
      recipient: {
        name: found.applicantName,
        addressLines: addressLines(found.answers, service.form.recipientAddress),
      },
      reference: found.reference,
      serviceTitle: service.metadata.title.de,
      decidedAt: new Date(outcome.decidedAt),
      outcome: outcome.decision,
      tenor:
        outcome.decision === 'approved' ? service.letters.approvedTenor.de : service.letters.rejectedTenor.de,
      reason: outcome.reason,
      legalRemedy: service.letters.legalRemedy.de.replace('{authority}', authority),
      caseworkerName: outcome.decidedByName,
    });
    const blob = await deps.store.put(Readable.from([Buffer.from(bytes)]), Number.MAX_SAFE_INTEGER);
    await insertDocument(deps.db, {
      tenantArs: found.tenantArs,
      caseId,
      kind: 'decision_letter',
      filename: `Bescheid-${found.reference}.pdf`,
      mediaType: 'application/pdf',
      sizeBytes: blob.sizeBytes,
      sha256: blob.sha256,
      storageKey: blob.key,
      idempotencyKey: key,
    });
    letter = await findDocumentByIdempotencyKey(deps.db, key);
  }
  if (!letter) throw new Error(`decision letter ${key} was not stored`);
  const approved = outcome.decision === 'approved';
  await deliver(
    deps,
    found,
    {
      subject: `Bescheid zu Ihrem Antrag ${found.reference}: ${approved ? 'genehmigt' : 'abgelehnt'}`,
      body: approved
        ? 'Ihr Antrag wurde genehmigt. Den Bescheid finden Sie im Anhang.'
        : 'Ihr Antrag wurde abgelehnt. Die Begründung steht im Bescheid im Anhang.',
      documentId: letter.id,
      idempotencyKey: `decided:${caseId}:${version}`,
    },
    'Über Ihren Antrag ist entschieden: Der Bescheid liegt für Sie bereit.',
  );
}

export function caseEffectHandlers(deps: EffectDeps): EffectHandlers {
  return {
    [EFFECTS.notifySubmitted]: (data) => notifySubmitted(deps, data),
    [EFFECTS.renderDecisionLetter]: (data) => deliverDecisionLetter(deps, data),
  };
}
