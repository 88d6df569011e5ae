/** Handlers for the effects of case changes. Idempotent: a retry after a crash finds its earlier work and reuses it. */
import { Readable } from 'node:stream';
import type { Db } from '../db/database.ts';
import type { Answers } from '../db/schema.ts';
import type { BlobStore } from '../documents/blob-store.ts';
import { findDocumentByIdempotencyKey, insertDocument } from '../documents/service.ts';
import { findTenant } from '../identity/tenants.ts';
import type { EffectHandlers } from '../jobs/queue.ts';
import type { ServiceRegistry } from '../packages/registry.ts';
import { renderDecisionLetter } from '../pdf/decision-letter.ts';
import { postMessage } from './postbox.ts';
import { selectCase } from './queries.ts';
import { EFFECTS } from './service.ts';

export interface EffectDeps {
  db: Db;
  store: BlobStore;
  services: ServiceRegistry;
}

/** The recipient's address lines from the package's address field, if it names one. */
function addressLines(answers: Answers, field: string | undefined): string[] {
  const address = field ? (answers[field] as Record<string, string> | null | undefined) : undefined;
  if (!address) return [];
  return [`${address.street} ${address.houseNumber}`, `${address.postalCode} ${address.city}`];
}

async function notifySubmitted(deps: EffectDeps, data: Record<string, unknown>): Promise<void> {
  const found = await selectCase(deps.db, String(data.caseId));
  if (!found) return;
  await postMessage(deps.db, {
    tenantArs: found.tenantArs,
    citizenId: found.citizenId,
    caseId: found.id,
    subject: `Ihr Antrag ist eingegangen (${found.reference})`,
    body: 'Wir haben Ihren Antrag erhalten und bearbeiten ihn. Sie bekommen den Bescheid in dieses Postfach.',
    idempotencyKey: `submitted:${found.id}`,
  });
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
  await postMessage(deps.db, {
    tenantArs: found.tenantArs,
    citizenId: found.citizenId,
    caseId,
    subject: `Bescheid zu Ihrem Antrag ${found.reference}: ${approved ? 'genehmigt' : 'abgelehnt'}`,
    body: approved
      ? 'Ihr Antrag wurde genehmigt. Den Bescheid finden Sie im Anhang.'
      : 'Ihr Antrag wurde abgelehnt. Die Begründung steht im Bescheid im Anhang.',
    documentId: letter.id,
    idempotencyKey: `decided:${caseId}:${version}`,
  });
}

export function caseEffectHandlers(deps: EffectDeps): EffectHandlers {
  return {
    [EFFECTS.notifySubmitted]: (data) => notifySubmitted(deps, data),
    [EFFECTS.renderDecisionLetter]: (data) => deliverDecisionLetter(deps, data),
  };
}
