/**
 * Reads and checks one answer of any field kind: the raw form input in, the normalised value (or a
 * message naming the field) out. Pure; used by the web form, the package test runner and imports alike.
 */
import type { ServicePackage, ValueFieldDef } from '../packages/schema.ts';
import { removeControlCharactersKeepingLines } from '../text.ts';
import { checkBic } from './checks/bic.ts';
import { checkDate } from './checks/date.ts';
import { checkEmail } from './checks/email.ts';
import { checkHouseNumber } from './checks/house-number.ts';
import { checkIban } from './checks/iban.ts';
import { checkMoney } from './checks/money.ts';
import { checkNumber } from './checks/number.ts';
import { checkPhone } from './checks/phone.ts';
import { checkPostalCode } from './checks/postal-code.ts';
import type { CheckResult } from './checks/result.ts';
import { checkSteuerId } from './checks/tax-id.ts';
import { checkVehicleRegistration } from './checks/vehicle-registration.ts';
import { fileTypeNames, localize } from './display.ts';
import { problemMessage } from './field-messages.ts';
import { messages } from './messages.ts';
import type { FieldError, FileAnswer, Locale } from './types.ts';
import { normalizeText } from './validate.ts';

export interface FieldEnv {
  locale: Locale;
  /** Today in Europe/Berlin, ISO; date bounds are relative to it. */
  today: string;
  codeLists: NonNullable<ServicePackage['codeLists']>;
}

export type ParseResult = { value: unknown; errors: FieldError[] };

export const ADDRESS_PARTS = ['street', 'houseNumber', 'postalCode', 'city'] as const;
export const ADDRESS_LABELS = {
  street: { de: 'Straße', en: 'Street' },
  houseNumber: { de: 'Hausnummer', en: 'House number' },
  postalCode: { de: 'Postleitzahl', en: 'Postcode' },
  city: { de: 'Ort', en: 'Town' },
} as const;

export const label = (def: { label: { de: string; en?: string } }, locale: Locale) =>
  localize(def.label, locale);

const text = (raw: unknown) => normalizeText(raw);
const isEmpty = (raw: unknown) =>
  raw === undefined ||
  raw === null ||
  (typeof raw === 'string' && text(raw) === '') ||
  (Array.isArray(raw) && raw.length === 0);

type Checker = (raw: string, def: ValueFieldDef, env: FieldEnv) => CheckResult<unknown>;

const CHECKERS: Partial<Record<ValueFieldDef['kind'], Checker>> = {
  iban: (raw) => checkIban(raw),
  bic: (raw) => checkBic(raw),
  email: (raw) => checkEmail(raw),
  phone: (raw) => checkPhone(raw),
  taxId: (raw) => checkSteuerId(raw),
  postalCode: (raw) => checkPostalCode(raw),
  vehicleRegistration: (raw) => checkVehicleRegistration(raw),
  number: (raw, def) =>
    def.kind === 'number'
      ? checkNumber(raw, { integer: def.integer, min: def.min, max: def.max })
      : checkNumber(raw),
  money: (raw, def) =>
    def.kind === 'money' ? checkMoney(raw, { min: def.minCents, max: def.maxCents }) : checkMoney(raw),
  date: (raw, def, env) => {
    if (def.kind !== 'date') return checkDate(raw, { today: env.today });
    // "past" here means "not after today": a dog kept since today or a child born today is allowed.
    const notAfter = [def.notAfter, def.past ? env.today : undefined].filter(Boolean).sort()[0];
    const notBefore = [def.notBefore, def.future ? env.today : undefined].filter(Boolean).sort().at(-1);
    return checkDate(raw, { today: env.today, notAfter, notBefore });
  },
};

function options(def: ValueFieldDef, env: FieldEnv): string[] {
  if (def.kind === 'choice' || def.kind === 'multiChoice') return def.options.map((o) => o.value);
  if (def.kind === 'codeList') return env.codeLists[def.codeList]?.entries.map((e) => e.code) ?? [];
  return [];
}

/** Parses the raw input for `def`; `path` is the input's id (e.g. "dogs.1.breed") used to link errors. */
export function parseField(def: ValueFieldDef, raw: unknown, env: FieldEnv, path = def.name): ParseResult {
  const name = label(def, env.locale);
  const fail = (message: { de: string; en: string }, at = path): ParseResult => ({
    value: undefined,
    errors: [{ field: at, message: message[env.locale] }],
  });
  if (def.kind === 'address') return parseAddress(raw, env, path, def.optional === true);
  if (def.kind === 'file') return parseFile(def, raw, env, path);
  if (def.kind === 'declaration')
    return raw === 'yes' || raw === true
      ? { value: true, errors: [] }
      : fail(problemMessage('declaration', 'default', name));
  if (isEmpty(raw)) {
    if (def.optional) return { value: undefined, errors: [] };
    if (
      def.kind === 'choice' ||
      def.kind === 'yesNo' ||
      def.kind === 'codeList' ||
      def.kind === 'multiChoice'
    )
      return fail(problemMessage(def.kind, 'default', name));
    return fail(messages.required(name));
  }
  switch (def.kind) {
    case 'text':
    case 'multiline': {
      const value =
        def.kind === 'multiline' && typeof raw === 'string'
          ? removeControlCharactersKeepingLines(raw.replace(/\r\n/g, '\n')).trim()
          : text(raw);
      // A non-string (a field posted twice arrives as a list) has no text: it must not pass as an empty answer.
      if (value === '')
        return def.optional ? { value: undefined, errors: [] } : fail(messages.required(name));
      const max = def.maxLength ?? (def.kind === 'text' ? 200 : 2000);
      if (value.length > max) return fail(messages.tooLong(name, String(max)));
      if (def.kind === 'text' && def.minLength && value.length < def.minLength)
        return fail(messages.tooShort(name, String(def.minLength)));
      if (def.kind === 'text' && def.pattern && !new RegExp(def.pattern.regex, 'u').test(value)) {
        return fail({
          de: `„${name}“: ${def.pattern.message.de}`,
          en: `“${name}”: ${def.pattern.message.en ?? def.pattern.message.de}`,
        });
      }
      return { value, errors: [] };
    }
    case 'yesNo':
      return raw === 'yes' || raw === true
        ? { value: true, errors: [] }
        : raw === 'no' || raw === false
          ? { value: false, errors: [] }
          : fail(problemMessage('yesNo', 'default', name));
    case 'choice':
    case 'codeList':
      return options(def, env).includes(String(raw))
        ? { value: String(raw), errors: [] }
        : fail(problemMessage('choice', 'default', name));
    case 'multiChoice': {
      const values = (Array.isArray(raw) ? raw : [raw]).map(String);
      const allowed = options(def, env);
      const tooFew = def.minSelected !== undefined && values.length < def.minSelected;
      const tooMany = def.maxSelected !== undefined && values.length > def.maxSelected;
      if (values.some((v) => !allowed.includes(v)) || tooFew || tooMany)
        return fail(problemMessage('multiChoice', 'default', name));
      return { value: allowed.filter((v) => values.includes(v)), errors: [] };
    }
    default: {
      const checker = CHECKERS[def.kind];
      if (!checker) throw new Error(`no checker for ${def.kind}`);
      const result = checker(text(raw), def, env);
      return result.ok
        ? { value: result.value, errors: [] }
        : fail(problemMessage(def.kind, result.problem, name));
    }
  }
}

function parseAddress(raw: unknown, env: FieldEnv, path: string, optional: boolean): ParseResult {
  const input = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  if (optional && ADDRESS_PARTS.every((part) => isEmpty(input[part])))
    return { value: undefined, errors: [] };
  const value: Record<string, string> = {};
  const errors: FieldError[] = [];
  for (const part of ADDRESS_PARTS) {
    const partLabel = ADDRESS_LABELS[part][env.locale];
    const partText = text(input[part]);
    const at = `${path}.${part}`;
    if (partText === '') {
      errors.push({ field: at, message: messages.required(partLabel)[env.locale] });
      continue;
    }
    if (partText.length > 100) {
      errors.push({ field: at, message: messages.tooLong(partLabel, '100')[env.locale] });
      continue;
    }
    const check =
      part === 'postalCode'
        ? checkPostalCode(partText)
        : part === 'houseNumber'
          ? checkHouseNumber(partText)
          : { ok: true as const, value: partText };
    if (check.ok) value[part] = check.value;
    else errors.push({ field: at, message: problemMessage(part, check.problem, partLabel)[env.locale] });
  }
  return errors.length > 0 ? { value: undefined, errors } : { value, errors: [] };
}

function isFileAnswer(raw: unknown): raw is FileAnswer {
  return (
    typeof raw === 'object' &&
    raw !== null &&
    typeof (raw as FileAnswer).filename === 'string' &&
    typeof (raw as FileAnswer).mediaType === 'string'
  );
}

/** An uploaded file's record (the upload itself is checked by content when it arrives, see uploads.ts). */
function parseFile(
  def: Extract<ValueFieldDef, { kind: 'file' }>,
  raw: unknown,
  env: FieldEnv,
  path: string,
): ParseResult {
  const name = label(def, env.locale);
  if (!isFileAnswer(raw))
    return def.optional
      ? { value: undefined, errors: [] }
      : { value: undefined, errors: [{ field: path, message: messages.fileMissing(name)[env.locale] }] };
  if (!def.mediaTypes.includes(raw.mediaType)) {
    return {
      value: undefined,
      errors: [
        {
          field: path,
          message: messages.fileType(name, fileTypeNames(def.mediaTypes, env.locale))[env.locale],
        },
      ],
    };
  }
  return { value: raw, errors: [] };
}
