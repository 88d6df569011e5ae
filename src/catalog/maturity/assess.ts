/**
 * Assessing a service against a maturity model: answers derived from the package's facts, answers given by
 * staff with a justification, and the rule that the weakest criterion sets the level.
 */
import { MaturityAnswerError } from './errors.ts';
import { type MaturityCriterion, type MaturityModel, topLevel } from './models.ts';
import type { FactKey, PackageFacts } from './package-facts.ts';

export interface MaturityAnswer {
  /** Id of the chosen option of the criterion. */
  option: string;
  /** German justification: the fact's reason, or what staff wrote. */
  reason: string;
  derived: boolean;
}
export type MaturityAnswers = Record<string, MaturityAnswer>;

export interface MaturityAssessment {
  /** min over answered criteria of the chosen option's maxLevel; with unanswered criteria an upper bound. */
  level: number;
  /** Some criteria are unanswered, so the level may still drop. */
  provisional: boolean;
  /** Criteria whose answer holds the level down (empty when the level is the model's top level). */
  limitedBy: string[];
  unanswered: string[];
}

function matches(when: Partial<Record<FactKey, boolean>>, facts: PackageFacts): boolean {
  return Object.entries(when).every(([key, value]) => facts[key as FactKey].value === value);
}

/** The answer of every criterion that has `derivedFrom`, chosen by the options' `when` conditions. */
export function deriveAnswers(
  model: MaturityModel,
  facts: PackageFacts,
): Record<string, MaturityAnswer & { derived: true }> {
  const answers: Record<string, MaturityAnswer & { derived: true }> = {};
  for (const criterion of model.criteria) {
    if (!criterion.derivedFrom) continue;
    const option = criterion.options.find((o) => o.when && matches(o.when, facts));
    if (!option) {
      throw new MaturityAnswerError(
        `model ${model.id}, criterion "${criterion.id}": no option matches the facts of this package`,
      );
    }
    const factKeys = Object.keys(option.when ?? {}) as FactKey[];
    // The derivedFrom fact first: it is the reason; the others only qualify it (e.g. fee, then ePayment).
    const ordered = [criterion.derivedFrom, ...factKeys.filter((k) => k !== criterion.derivedFrom)];
    answers[criterion.id] = {
      option: option.id,
      reason: ordered.map((k) => facts[k].reason).join('; '),
      derived: true,
    };
  }
  return answers;
}

function criterionOf(model: MaturityModel, id: string): MaturityCriterion {
  const criterion = model.criteria.find((c) => c.id === id);
  if (!criterion) throw new MaturityAnswerError(`model ${model.id}: unknown criterion "${id}"`);
  return criterion;
}

/**
 * Derived answers plus staff answers for the criteria without `derivedFrom`. A derived answer cannot be
 * overridden: it reflects what the package and the platform actually do, so changing it means changing the
 * package (or Amtsweg), not the assessment. Staff answers need a justification.
 */
export function combineAnswers(
  model: MaturityModel,
  derived: MaturityAnswers,
  staff: Record<string, { option: string; reason: string }>,
): MaturityAnswers {
  const combined: MaturityAnswers = { ...derived };
  for (const [id, answer] of Object.entries(staff)) {
    const criterion = criterionOf(model, id);
    if (criterion.derivedFrom) {
      throw new MaturityAnswerError(
        `model ${model.id}, criterion "${id}": derived from the package fact "${criterion.derivedFrom}", cannot be answered by staff`,
      );
    }
    if (answer.reason.trim() === '')
      throw new MaturityAnswerError(`model ${model.id}, criterion "${id}": a justification is required`);
    combined[id] = { option: answer.option, reason: answer.reason.trim(), derived: false };
  }
  return combined;
}

/** The level by the weakest-criterion rule; unknown criterion or option ids throw. */
export function assessMaturity(model: MaturityModel, answers: MaturityAnswers): MaturityAssessment {
  const top = topLevel(model);
  const reached = new Map<string, number>();
  for (const [id, answer] of Object.entries(answers)) {
    const criterion = criterionOf(model, id);
    const option = criterion.options.find((o) => o.id === answer.option);
    if (!option) {
      throw new MaturityAnswerError(
        `model ${model.id}, criterion "${id}": unknown option "${answer.option}" (known: ${criterion.options.map((o) => o.id).join(', ')})`,
      );
    }
    reached.set(id, option.maxLevel);
  }
  const level = Math.min(top, ...reached.values());
  const limitedBy =
    level < top ? model.criteria.filter((c) => reached.get(c.id) === level).map((c) => c.id) : [];
  const unanswered = model.criteria.filter((c) => !reached.has(c.id)).map((c) => c.id);
  return { level, provisional: unanswered.length > 0, limitedBy, unanswered };
}
