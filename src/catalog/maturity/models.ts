/**
 * The OZG maturity models (Reifegradmodell 1.1 and 2.0) as data: read from the YAML files beside this module,
 * validated once at import time, frozen. Which parts are verified is recorded per level and criterion.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Type, { type Static } from 'typebox';
import { Value } from 'typebox/value';
import { parsePackageText } from '../../packages/load.ts';
import { MaturityModelError } from './errors.ts';
import { FACT_KEYS, type FactKey } from './package-facts.ts';

const Id = Type.String({ pattern: '^[a-zA-Z][a-zA-Z0-9]{0,63}$' });
const Month = Type.String({ pattern: '^\\d{4}-\\d{2}$' });
const NonEmpty = Type.String({ minLength: 1 });

const OptionSchema = Type.Object(
  {
    id: Id,
    label: NonEmpty,
    maxLevel: Type.Integer({ minimum: 0 }),
    when: Type.Optional(
      Type.Record(Type.String(), Type.Boolean(), {
        description: 'The facts for which a derived criterion takes this option; all must match.',
      }),
    ),
  },
  { additionalProperties: false },
);

const CriterionSchema = Type.Object(
  {
    id: Id,
    name: NonEmpty,
    question: NonEmpty,
    verified: Type.Boolean(),
    source: NonEmpty,
    derivedFrom: Type.Optional(Type.String()),
    note: Type.Optional(NonEmpty),
    options: Type.Array(OptionSchema, { minItems: 1 }),
  },
  { additionalProperties: false },
);

const ModelSchema = Type.Object(
  {
    id: Type.Union([Type.Literal('1.1'), Type.Literal('2.0')]),
    name: NonEmpty,
    validFrom: Month,
    validUntil: Type.Optional(Month),
    sources: Type.Array(Type.Object({ url: NonEmpty, note: NonEmpty }, { additionalProperties: false }), {
      minItems: 1,
    }),
    levels: Type.Array(
      Type.Object(
        {
          level: Type.Integer({ minimum: 0 }),
          name: NonEmpty,
          description: NonEmpty,
          verified: Type.Boolean(),
        },
        { additionalProperties: false },
      ),
      { minItems: 2 },
    ),
    criteria: Type.Array(CriterionSchema, { minItems: 1 }),
  },
  { additionalProperties: false },
);

export type MaturityModelId = '1.1' | '2.0';
export type MaturityOption = Static<typeof OptionSchema> & { when?: Partial<Record<FactKey, boolean>> };
export type MaturityCriterion = Omit<Static<typeof CriterionSchema>, 'derivedFrom' | 'options'> & {
  derivedFrom?: FactKey;
  options: MaturityOption[];
};
export type MaturityModel = Omit<Static<typeof ModelSchema>, 'criteria'> & { criteria: MaturityCriterion[] };

const isFactKey = (key: string): key is FactKey => (FACT_KEYS as readonly string[]).includes(key);

function duplicates(values: string[]): string[] {
  return [...new Set(values.filter((value, index) => values.indexOf(value) !== index))];
}

/** What the schema cannot say: levels 0..n in order, unique ids, maxLevel in range, facts that exist. */
function consistencyProblems(model: Static<typeof ModelSchema>): string[] {
  const problems: string[] = [];
  model.levels.forEach((level, index) => {
    if (level.level !== index) problems.push(`levels[${index}]: level ${level.level}, expected ${index}`);
  });
  const top = model.levels.length - 1;
  for (const id of duplicates(model.criteria.map((c) => c.id)))
    problems.push(`criteria: the id "${id}" is used twice`);
  for (const criterion of model.criteria) {
    const at = `criteria "${criterion.id}"`;
    for (const id of duplicates(criterion.options.map((o) => o.id)))
      problems.push(`${at}: the option id "${id}" is used twice`);
    const derivedFrom = criterion.derivedFrom;
    if (derivedFrom !== undefined && !isFactKey(derivedFrom))
      problems.push(`${at}: derivedFrom names the unknown fact "${derivedFrom}"`);
    for (const option of criterion.options) {
      const place = `${at} option "${option.id}"`;
      if (option.maxLevel > top) problems.push(`${place}: maxLevel ${option.maxLevel} is above level ${top}`);
      if (!option.when) {
        if (derivedFrom !== undefined)
          problems.push(`${place}: a derived criterion needs "when" on each option`);
        continue;
      }
      if (derivedFrom === undefined) problems.push(`${place}: "when" is only allowed with derivedFrom`);
      else if (!(derivedFrom in option.when)) problems.push(`${place}: "when" must name "${derivedFrom}"`);
      for (const key of Object.keys(option.when))
        if (!isFactKey(key)) problems.push(`${place}: "when" names the unknown fact "${key}"`);
    }
  }
  return problems;
}

/** Validates `data` as a maturity model; throws MaturityModelError listing every problem with its place. */
export function loadMaturityModel(data: unknown, source: string): MaturityModel {
  const schemaProblems = [...Value.Errors(ModelSchema, data)]
    .slice(0, 50)
    .map((e) => `${e.instancePath || '/'}: ${e.message}`);
  if (schemaProblems.length > 0) throw new MaturityModelError(source, schemaProblems);
  const model = data as Static<typeof ModelSchema>;
  const problems = consistencyProblems(model);
  if (problems.length > 0) throw new MaturityModelError(source, problems);
  return deepFreeze(model as MaturityModel);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

function readModel(id: MaturityModelId): MaturityModel {
  const path = join(import.meta.dirname, `model-${id}.yaml`);
  const model = loadMaturityModel(parsePackageText(readFileSync(path, 'utf8'), path), path);
  if (model.id !== id) throw new MaturityModelError(path, [`id: "${model.id}", expected "${id}"`]);
  return model;
}

/** Both official models, by id. */
export const MATURITY_MODELS: Readonly<Record<MaturityModelId, MaturityModel>> = Object.freeze({
  '1.1': readModel('1.1'),
  '2.0': readModel('2.0'),
});

/** The highest level of a model (4 for 1.1, 7 for 2.0). */
export function topLevel(model: MaturityModel): number {
  return model.levels.length - 1;
}
