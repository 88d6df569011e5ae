/**
 * The service package format: one schema from which both the TypeScript types and the published
 * JSON Schema (docs/schema/service-package.schema.json) come. Metadata follows the XZuFi
 * Leistungsbeschreibung where it has a field for it.
 */
import Type, { type Static } from 'typebox';

const Text = Type.Object(
  { de: Type.String({ minLength: 1 }), en: Type.Optional(Type.String({ minLength: 1 })) },
  { additionalProperties: false, description: 'Text in German, optionally with an English translation.' },
);
const Feel = Type.String({ minLength: 1, description: 'A FEEL expression over the answers (DMN 1.3 FEEL).' });
const NAME_PATTERN = '^[a-zA-Z][a-zA-Z0-9_]{0,63}$';
const Name = Type.String({ pattern: NAME_PATTERN, description: 'Identifier of an answer.' });
const Id = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,63}$' });
const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

const common = {
  name: Name,
  label: Text,
  hint: Type.Optional(Text),
  summaryLabel: Type.Optional(Text),
  optional: Type.Optional(Type.Boolean()),
  condition: Type.Optional(Feel),
};
const field = <K extends string, P extends Record<string, Type.TSchema>>(kind: K, properties: P) =>
  Type.Object({ kind: Type.Literal(kind), ...common, ...properties }, { additionalProperties: false });

const Option = Type.Object(
  { value: Type.String({ minLength: 1 }), label: Text, hint: Type.Optional(Text) },
  { additionalProperties: false },
);
const Display = Type.Optional(Type.Union([Type.Literal('radios'), Type.Literal('select')]));

export const ValueField = Type.Union([
  field('text', {
    maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
    minLength: Type.Optional(Type.Integer({ minimum: 0 })),
    pattern: Type.Optional(
      Type.Object({ regex: Type.String(), message: Text }, { additionalProperties: false }),
    ),
    autocomplete: Type.Optional(Type.String()),
    width: Type.Optional(Type.Union([Type.Literal('short'), Type.Literal('medium'), Type.Literal('full')])),
  }),
  field('multiline', {
    maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
    rows: Type.Optional(Type.Integer()),
  }),
  field('number', {
    integer: Type.Optional(Type.Boolean()),
    min: Type.Optional(Type.Number()),
    max: Type.Optional(Type.Number()),
    unit: Type.Optional(Type.String()),
  }),
  field('money', { minCents: Type.Optional(Type.Integer()), maxCents: Type.Optional(Type.Integer()) }),
  field('date', {
    past: Type.Optional(Type.Boolean()),
    future: Type.Optional(Type.Boolean()),
    notBefore: Type.Optional(IsoDate),
    notAfter: Type.Optional(IsoDate),
  }),
  field('yesNo', {}),
  field('choice', { options: Type.Array(Option, { minItems: 1 }), display: Display }),
  field('multiChoice', {
    options: Type.Array(Option, { minItems: 1 }),
    minSelected: Type.Optional(Type.Integer({ minimum: 0 })),
    maxSelected: Type.Optional(Type.Integer({ minimum: 1 })),
  }),
  field('codeList', { codeList: Id, display: Display }),
  field('address', {}),
  field('iban', {}),
  field('bic', {}),
  field('email', {}),
  field('phone', {}),
  field('taxId', {}),
  field('postalCode', {}),
  field('vehicleRegistration', {}),
  field('file', {
    mediaTypes: Type.Array(Type.String({ pattern: '^[a-z]+/[a-z0-9.+-]+$' }), { minItems: 1 }),
    maxBytes: Type.Optional(Type.Integer({ minimum: 1 })),
  }),
  field('declaration', {}),
]);

export const InfoBlock = Type.Object(
  { kind: Type.Literal('info'), text: Text, condition: Type.Optional(Feel) },
  { additionalProperties: false, description: 'Static text on a page; holds no answer.' },
);

export const RepeatField = Type.Object(
  {
    kind: Type.Literal('repeat'),
    ...common,
    itemLabel: Text,
    min: Type.Integer({ minimum: 0 }),
    max: Type.Integer({ minimum: 1, maximum: 100 }),
    fields: Type.Array(ValueField, { minItems: 1 }),
  },
  { additionalProperties: false, description: 'A repeating group, e.g. household members or dogs.' },
);

export const PageCheck = Type.Object(
  {
    expression: Type.String({
      minLength: 1,
      description: 'FEEL boolean over the answers and computed values; false fails, null does not.',
    }),
    field: Type.String({
      pattern: NAME_PATTERN,
      description: 'The value field of this page the error is shown at.',
    }),
    message: Text,
  },
  {
    additionalProperties: false,
    description:
      'A rule across answers, e.g. an end date not before the start date; checked once the fields it uses are valid.',
  },
);

export const PageSchema = Type.Object(
  {
    id: Id,
    title: Text,
    condition: Type.Optional(Feel),
    fields: Type.Array(Type.Union([ValueField, RepeatField, InfoBlock]), { minItems: 1 }),
    checks: Type.Optional(Type.Array(PageCheck)),
  },
  { additionalProperties: false },
);

const Computed = Type.Object(
  {
    name: Name,
    label: Text,
    expression: Feel,
    format: Type.Union([
      Type.Literal('money'),
      Type.Literal('number'),
      Type.Literal('text'),
      Type.Literal('boolean'),
    ]),
  },
  { additionalProperties: false, description: 'A value computed from the answers, e.g. a fee in cents.' },
);

const CodeList = Type.Object(
  {
    title: Type.Optional(Text),
    source: Type.Optional(
      Type.Object(
        { canonicalUri: Type.String(), version: Type.Optional(Type.String()) },
        { additionalProperties: false },
      ),
    ),
    entries: Type.Array(
      Type.Object({ code: Type.String({ minLength: 1 }), label: Text }, { additionalProperties: false }),
      { minItems: 1 },
    ),
  },
  { additionalProperties: false },
);

const TestCase = Type.Object(
  {
    name: Type.String({ minLength: 1 }),
    today: Type.Optional(IsoDate),
    answers: Type.Record(Type.String(), Type.Unknown()),
    expect: Type.Object(
      {
        valid: Type.Optional(Type.Boolean()),
        errors: Type.Optional(
          Type.Array(Type.String(), { description: 'Names of the fields expected to be invalid.' }),
        ),
        pages: Type.Optional(Type.Array(Id, { description: 'The pages shown, in order.' })),
        computed: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
        summary: Type.Optional(
          Type.Array(
            Type.Object({ label: Type.String(), value: Type.String() }, { additionalProperties: false }),
          ),
        ),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

export const ServicePackageSchema = Type.Object(
  {
    schemaVersion: Type.Literal(1),
    id: Id,
    version: Type.String({
      pattern: '^\\d+\\.\\d+\\.\\d+$',
      description: 'Semantic version of this package.',
    }),
    metadata: Type.Object(
      {
        title: Text,
        summary: Text,
        leikaKeys: Type.Array(Type.String({ pattern: '^\\d{14}$' })),
        legalBasis: Type.Array(Text),
        fees: Text,
        processingTime: Text,
        requiredTrustLevel: Type.Union(
          [Type.Literal('none'), Type.Literal('basic'), Type.Literal('substantial'), Type.Literal('high')],
          { description: "'none': anonymous, no log-in; drafts are resumed through a link sent by e-mail." },
        ),
        responsibleOrgUnit: Text,
        contact: Type.Object(
          { email: Type.Optional(Type.String()), phone: Type.Optional(Type.String()) },
          { additionalProperties: false },
        ),
        whatYouNeed: Type.Array(Text),
        referencePrefix: Type.String({ pattern: '^[A-Z]{2,5}$' }),
      },
      { additionalProperties: false },
    ),
    form: Type.Object(
      {
        pages: Type.Array(PageSchema, { minItems: 1 }),
        computed: Type.Optional(Type.Array(Computed)),
        declaration: Text,
        applicantName: Feel,
        recipientAddress: Type.Optional(Name),
      },
      { additionalProperties: false },
    ),
    process: Type.Object({ kind: Type.Literal('standard') }, { additionalProperties: false }),
    letters: Type.Object(
      { approvedTenor: Text, rejectedTenor: Text, legalRemedy: Text },
      { additionalProperties: false },
    ),
    codeLists: Type.Optional(Type.Record(Id, CodeList)),
    tests: Type.Array(TestCase),
  },
  {
    additionalProperties: false,
    $id: 'https://amtsweg.de/schema/service-package-1.json',
    title: 'Amtsweg service package',
  },
);

export type ServicePackage = Static<typeof ServicePackageSchema>;
export type PackagePage = Static<typeof PageSchema>;
export type ValueFieldDef = Static<typeof ValueField>;
export type RepeatFieldDef = Static<typeof RepeatField>;
export type InfoBlockDef = Static<typeof InfoBlock>;
export type PageCheckDef = Static<typeof PageCheck>;
export type PackageTestCase = ServicePackage['tests'][number];
