/**
 * A valid raw answer for every field of a package, in the format the form posts (see form-filler.ts), for
 * forms nobody wrote test cases for, such as FIM imports. Choices take their first option, yes/no is
 * "yes" (so the pages it unlocks are shown too), optional fields are answered as well (uploads too, also in
 * repeating groups). What cannot be answered generically (a pattern no candidate matches) is reported.
 */
import type { ServicePackage, ValueFieldDef } from '../../src/packages/schema.ts';
import type { FileSpec, RawAnswers } from './form-filler.ts';

export interface GeneratedAnswers {
  answers: RawAnswers;
  /** Fields left unanswered, and why. */
  unanswerable: string[];
}

type TextDef = Extract<ValueFieldDef, { kind: 'text' }>;

/** Likely values by label, tried before the generic ones. */
const BY_LABEL: [RegExp, string][] = [
  [/e-?mail/i, 'erika.mustermann@example.org'],
  [/telefon|handy|mobil|fax/i, '0123 456789'],
  [/postleitzahl|\bplz\b/i, '12345'],
  [/hausnummerzusatz|zusatz/i, 'a'],
  [/hausnummer/i, '17'],
  [/stra(ß|ss)e/i, 'Heidestraße'],
  [/\bort\b|gemeinde|stadt/i, 'Musterstadt'],
  [/vorname/i, 'Erika'],
  [/eingetragener name|firma|organisation|unternehmen/i, 'Muster GmbH'],
  [/familienname|nachname|name/i, 'Mustermann'],
  [/doktor/i, 'Dr.'],
  [/kennzeichen/i, 'MZ-AB 123'],
  [/\biban\b/i, 'DE89370400440532013000'],
  [/\bbic\b/i, 'COBADEFFXXX'],
];
const GENERIC = ['Beispielangabe', 'Muster', 'A', 'a', '1', '12345', 'Dr.', 'A1'];

function textValue(def: TextDef): string | undefined {
  const max = def.maxLength ?? 200;
  const min = def.minLength ?? 0;
  const pattern = def.pattern ? new RegExp(def.pattern.regex, 'u') : undefined;
  const labelled = BY_LABEL.filter(([label]) => label.test(def.label.de)).map(([, value]) => value);
  for (const candidate of [...labelled, ...GENERIC]) {
    const value = candidate.slice(0, max).padEnd(min, candidate.at(-1) ?? 'x');
    if (value.trim().length >= Math.max(min, 1) && (!pattern || pattern.test(value))) return value;
  }
  return undefined;
}

const DAY = 24 * 60 * 60 * 1000;
const shiftDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const germanDate = (iso: string) => iso.split('-').reverse().join('.');

function dateValue(def: Extract<ValueFieldDef, { kind: 'date' }>, today: string): string | undefined {
  const notBefore = [def.notBefore, def.future ? today : undefined]
    .filter((d) => d !== undefined)
    .sort()
    .at(-1);
  const notAfter = [def.notAfter, def.past ? today : undefined].filter((d) => d !== undefined).sort()[0];
  if (notBefore && notAfter && notBefore > notAfter) return undefined;
  let date = def.future ? shiftDays(today, 30) : shiftDays(today, -365);
  if (notBefore && date < notBefore) date = notBefore;
  if (notAfter && date > notAfter) date = notAfter;
  return germanDate(date);
}

function numberValue(def: Extract<ValueFieldDef, { kind: 'number' }>): string | undefined {
  let value = Math.min(Math.max(42, def.min ?? -Infinity), def.max ?? Infinity);
  if (def.integer) value = Math.ceil(value);
  if ((def.max !== undefined && value > def.max) || (def.min !== undefined && value < def.min))
    return undefined;
  return String(value).replace('.', ',');
}

function moneyValue(def: Extract<ValueFieldDef, { kind: 'money' }>): string {
  const cents = Math.min(Math.max(2500, def.minCents ?? -Infinity), def.maxCents ?? Infinity);
  return (cents / 100).toFixed(2).replace('.', ',');
}

/** A file of the first type the field takes that the test can make (PDF, PNG or JPEG). */
function fileValue(def: Extract<ValueFieldDef, { kind: 'file' }>): FileSpec | undefined {
  const extension = { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg' } as const;
  const mediaType = def.mediaTypes.find((t): t is keyof typeof extension => t in extension);
  return mediaType && { filename: `nachweis-${def.name}.${extension[mediaType]}`, mediaType };
}

function value(def: ValueFieldDef, pkg: ServicePackage, today: string): unknown {
  switch (def.kind) {
    case 'text':
      return textValue(def);
    case 'multiline':
      return 'Beispieltext'.slice(0, def.maxLength ?? 2000);
    case 'number':
      return numberValue(def);
    case 'money':
      return moneyValue(def);
    case 'date':
      return dateValue(def, today);
    case 'yesNo':
    case 'declaration':
      return 'yes';
    case 'choice':
      return def.options[0]?.value;
    case 'codeList':
      return pkg.codeLists?.[def.codeList]?.entries[0]?.code;
    case 'multiChoice':
      return def.options.slice(0, Math.max(def.minSelected ?? 1, 1)).map((o) => o.value);
    case 'address':
      return { street: 'Heidestraße', houseNumber: '17', postalCode: '12345', city: 'Musterstadt' };
    case 'iban':
      return 'DE89370400440532013000';
    case 'bic':
      return 'COBADEFFXXX';
    case 'email':
      return 'erika.mustermann@example.org';
    case 'phone':
      return '0123 456789';
    case 'taxId':
      return '86095742719';
    case 'postalCode':
      return '12345';
    case 'vehicleRegistration':
      return 'MZ-AB 123';
    case 'file':
      return fileValue(def);
  }
}

/** Valid raw answers for every field of `pkg` (page conditions decide which of them are asked). */
export function validAnswers(pkg: ServicePackage, today: string): GeneratedAnswers {
  const answers: Record<string, unknown> = {};
  const unanswerable: string[] = [];
  const answer = (def: ValueFieldDef, where: string): unknown => {
    const result = value(def, pkg, today);
    if (result === undefined)
      unanswerable.push(`${where} (${def.kind} "${def.label.de}"): no valid value could be generated`);
    return result;
  };
  for (const item of pkg.form.pages.flatMap((page) => page.fields)) {
    if (item.kind === 'info') continue;
    if (item.kind !== 'repeat') {
      answers[item.name] = answer(item, item.name);
      continue;
    }
    const entry: Record<string, unknown> = {};
    for (const field of item.fields) {
      entry[field.name] = answer(field, `${item.name}.i.${field.name}`);
    }
    answers[item.name] = Array.from({ length: Math.max(item.min, 1) }, () => ({ ...entry }));
  }
  return { answers, unanswerable };
}
