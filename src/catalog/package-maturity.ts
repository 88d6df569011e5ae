/**
 * The maturity of a Leistung that an Amtsweg package offers: criteria derived from what the package does,
 * the others answered by OZG coordinators with a justification (stored per LeiKa key).
 */
import type { Db } from '../db/database.ts';
import type { StaffMember } from '../identity/types.ts';
import type { ServicePackage } from '../packages/schema.ts';
import { assertCoordinator } from './coordinator.ts';
import {
  assessMaturity,
  combineAnswers,
  deriveAnswers,
  type MaturityAnswers,
  type MaturityAssessment,
} from './maturity/assess.ts';
import { MATURITY_MODELS, type MaturityModel, type MaturityModelId } from './maturity/models.ts';
import { packageFacts } from './maturity/package-facts.ts';

export interface StoredAnswer {
  model: string;
  criterion: string;
  option: string;
  justification: string;
}

export interface ModelAssessment {
  model: MaturityModel;
  answers: MaturityAnswers;
  assessment: MaturityAssessment;
}

/**
 * Staff answers that no longer fit the model (a criterion became derived, an option was renamed in a newer
 * model file) are left out rather than breaking the dashboard; the criterion then shows as unanswered.
 */
function usableStaffAnswers(model: MaturityModel, stored: readonly StoredAnswer[]) {
  const staff: Record<string, { option: string; reason: string }> = {};
  for (const answer of stored) {
    if (answer.model !== model.id) continue;
    const criterion = model.criteria.find((c) => c.id === answer.criterion);
    if (!criterion || criterion.derivedFrom || !criterion.options.some((o) => o.id === answer.option))
      continue;
    staff[answer.criterion] = { option: answer.option, reason: answer.justification };
  }
  return staff;
}

export function assessPackage(
  definition: ServicePackage,
  stored: readonly StoredAnswer[],
): ModelAssessment[] {
  const facts = packageFacts(definition);
  return (['1.1', '2.0'] as const).map((id) => {
    const model = MATURITY_MODELS[id];
    const answers = combineAnswers(model, deriveAnswers(model, facts), usableStaffAnswers(model, stored));
    return { model, answers, assessment: assessMaturity(model, answers) };
  });
}

export function packageMaturity(
  definition: ServicePackage,
  stored: readonly StoredAnswer[],
): { maturity11: number; maturity20: number; maturity20Provisional: boolean } {
  const [v11, v20] = assessPackage(definition, stored) as [ModelAssessment, ModelAssessment];
  return {
    maturity11: v11.assessment.level,
    maturity20: v20.assessment.level,
    maturity20Provisional: v20.assessment.provisional,
  };
}

/** The form field of a staff answer, e.g. "r20-organisationskonto" (an id that also works as a CSS selector). */
export const answerFieldId = (modelId: string, criterionId: string) =>
  `r${modelId.replace('.', '')}-${criterionId}`;

export class MaturityInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export async function loadMaturityAnswers(
  db: Db,
  tenantArs: string,
  leikaKeys: string[],
): Promise<StoredAnswer[]> {
  if (leikaKeys.length === 0) return [];
  return db
    .selectFrom('maturity_answers')
    .select(['model', 'criterion', 'option', 'justification'])
    .where('tenant_ars', '=', tenantArs)
    .where('leika_key', 'in', leikaKeys)
    .execute();
}

/** Records a coordinator's answer to a criterion the package cannot tell; checks it against the model. */
export async function saveMaturityAnswer(
  db: Db,
  staff: StaffMember,
  leikaKey: string,
  answer: { model: string; criterion: string; option: string; justification: string },
): Promise<void> {
  assertCoordinator(staff);
  const model = MATURITY_MODELS[answer.model as MaturityModelId];
  const criterion = model?.criteria.find((c) => c.id === answer.criterion);
  if (!model || !criterion || criterion.derivedFrom) {
    throw new MaturityInputError('criterion', 'Diese Anforderung kann nicht von Hand beantwortet werden.');
  }
  if (!criterion.options.some((o) => o.id === answer.option)) {
    throw new MaturityInputError(
      answerFieldId(model.id, criterion.id),
      `Wählen Sie eine Antwort zu „${criterion.name}“ aus.`,
    );
  }
  if (answer.justification.trim() === '') {
    throw new MaturityInputError(
      `${answerFieldId(model.id, criterion.id)}-begruendung`,
      `Begründen Sie die Antwort zu „${criterion.name}“.`,
    );
  }
  const values = {
    option: answer.option,
    justification: answer.justification.trim(),
    answered_by: staff.id,
    answered_at: new Date(),
  };
  await db
    .insertInto('maturity_answers')
    .values({
      tenant_ars: staff.tenantArs,
      leika_key: leikaKey,
      model: model.id,
      criterion: criterion.id,
      ...values,
    })
    .onConflict((oc) => oc.columns(['tenant_ars', 'leika_key', 'model', 'criterion']).doUpdateSet(values))
    .execute();
}
