/** Maps one FIM Datenfeld (feldart × datentyp × praezisierung) to a package field or info block. */
import type { InfoBlockDef, ValueFieldDef } from '../schema.ts';
import type { PackageCodeList } from './genericode.ts';
import type { FimCodeListRef, FimField } from './model.ts';

export type MappedField =
  | { kind: 'value'; def: ValueFieldDef }
  | { kind: 'info'; def: InfoBlockDef }
  | undefined;

export interface FieldContext {
  name: string;
  optional: boolean;
  /** Set when the anzahl allows several values: a select then becomes a multiple choice. */
  multiple?: { min: number; max: number | null };
  /** The code list in the package for a reference, or undefined when its content was not supplied. */
  codeList(ref: FimCodeListRef): { id: string; codeList: PackageCodeList } | undefined;
  warn(message: string): void;
}

type Common = Pick<ValueFieldDef, 'name' | 'label' | 'hint' | 'summaryLabel' | 'optional'>;
type Option = { value: string; label: { de: string }; hint?: { de: string } };

export const DEFAULT_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];
const PATTERN_MESSAGE = { de: 'Bitte prüfen Sie das Format Ihrer Eingabe.' };
const MEDIA_TYPE = /^[a-z]+\/[a-z0-9.+-]+$/;
/** Above this many options radios get long; KERN UX suggests a select. */
export const MAX_RADIOS = 6;

export const describe = (field: FimField): string => `Datenfeld ${field.id} "${field.label}"`;

function common(field: FimField, ctx: FieldContext): Common {
  const summary = field.outputLabel && field.outputLabel !== field.label ? field.outputLabel : undefined;
  return {
    name: ctx.name,
    label: { de: field.label },
    ...(field.hint ? { hint: { de: field.hint } } : {}),
    ...(summary ? { summaryLabel: { de: summary } } : {}),
    ...(ctx.optional ? { optional: true } : {}),
  };
}

/** FIM patterns are XSD regular expressions: implicitly anchored, and \p{L} needs the u flag. */
function pattern(field: FimField, ctx: FieldContext): { regex: string; message: { de: string } } | undefined {
  const source = field.praezisierung.pattern;
  if (!source) return undefined;
  // Editors sometimes put prose into the pattern ("Codeliste Regionalschlüssel", "Mehrfachauswahl").
  if (/^[\p{L}\s]+$/u.test(source)) {
    ctx.warn(`${describe(field)}: pattern "${source}" is text, not a regular expression; ignored.`);
    return undefined;
  }
  const regex = `^(?:${source})$`;
  try {
    new RegExp(regex, 'u');
  } catch {
    ctx.warn(
      `${describe(field)}: pattern "${source}" is not a valid JavaScript regular expression; ignored.`,
    );
    return undefined;
  }
  return { regex, message: PATTERN_MESSAGE };
}

function textField(field: FimField, ctx: FieldContext): ValueFieldDef {
  const { minLength, maxLength, unparsed } = field.praezisierung;
  if (unparsed) ctx.warn(`${describe(field)}: praezisierung "${unparsed}" not understood; ignored.`);
  const max = maxLength && maxLength >= 1 ? Math.min(Math.floor(maxLength), 10000) : undefined;
  // minLength 1 is what "required" already means.
  const min = minLength && minLength > 1 && (!max || minLength <= max) ? Math.floor(minLength) : undefined;
  const regex = pattern(field, ctx);
  return {
    kind: 'text',
    ...common(field, ctx),
    ...(max ? { maxLength: max } : {}),
    ...(min ? { minLength: min } : {}),
    ...(regex ? { pattern: regex } : {}),
  };
}

function numberField(field: FimField, ctx: FieldContext, integer: boolean): ValueFieldDef {
  const { minValue, maxValue } = field.praezisierung;
  return {
    kind: 'number',
    ...common(field, ctx),
    ...(integer ? { integer: true } : {}),
    ...(minValue !== undefined ? { min: minValue } : {}),
    ...(maxValue !== undefined ? { max: maxValue } : {}),
  };
}

function moneyField(field: FimField, ctx: FieldContext): ValueFieldDef {
  const { minValue, maxValue } = field.praezisierung;
  return {
    kind: 'money',
    ...common(field, ctx),
    ...(minValue !== undefined ? { minCents: Math.round(minValue * 100) } : {}),
    ...(maxValue !== undefined ? { maxCents: Math.round(maxValue * 100) } : {}),
  };
}

function fileField(field: FimField, ctx: FieldContext): ValueFieldDef {
  const valid = field.mediaTypes.filter((type) => MEDIA_TYPE.test(type));
  const invalid = field.mediaTypes.filter((type) => !MEDIA_TYPE.test(type));
  if (invalid.length > 0)
    ctx.warn(`${describe(field)}: media types ${invalid.join(', ')} cannot be checked; ignored.`);
  return {
    kind: 'file',
    ...common(field, ctx),
    mediaTypes: valid.length > 0 ? valid : DEFAULT_MEDIA_TYPES,
    ...(field.maxSize ? { maxBytes: field.maxSize } : {}),
  };
}

function isMultiple(field: FimField, ctx: FieldContext): boolean {
  const { pattern: p, unparsed } = field.praezisierung;
  // 2.0 schemas mark multi-selects with the prose "Mehrfachauswahl" in the praezisierung.
  return Boolean(ctx.multiple) || /mehrfachauswahl/i.test(`${p ?? ''} ${unparsed ?? ''}`);
}

function choiceField(field: FimField, ctx: FieldContext, options: Option[]): ValueFieldDef {
  if (!isMultiple(field, ctx)) {
    return {
      kind: 'choice',
      ...common(field, ctx),
      options,
      display: options.length <= MAX_RADIOS ? 'radios' : 'select',
    };
  }
  const min = ctx.multiple?.min ?? 0;
  const max = ctx.multiple?.max;
  return {
    kind: 'multiChoice',
    ...common(field, ctx),
    options,
    ...(min > 1 ? { minSelected: min } : {}),
    ...(max ? { maxSelected: Math.min(max, options.length) } : {}),
  };
}

function selectField(field: FimField, ctx: FieldContext): ValueFieldDef {
  if (field.werte.length > 0) {
    const options = field.werte.map((w) => ({
      value: w.code,
      label: { de: w.name },
      ...(w.hint ? { hint: { de: w.hint } } : {}),
    }));
    return choiceField(field, ctx, options);
  }
  const list = field.codeList ? ctx.codeList(field.codeList) : undefined;
  if (!list) {
    const which = field.codeList
      ? `code list "${field.codeList.canonicalId}" was not supplied`
      : 'it has neither werte nor a code list';
    ctx.warn(`${describe(field)}: select shown as a text field because ${which}.`);
    return textField({ ...field, praezisierung: {} }, ctx);
  }
  const entries = list.codeList.entries;
  if (isMultiple(field, ctx))
    return choiceField(
      field,
      ctx,
      entries.map((e) => ({ value: e.code, label: e.label })),
    );
  return {
    kind: 'codeList',
    ...common(field, ctx),
    codeList: list.id,
    display: entries.length <= MAX_RADIOS ? 'radios' : 'select',
  };
}

function inputField(field: FimField, ctx: FieldContext): ValueFieldDef | undefined {
  switch (field.datentyp) {
    case 'text':
    case 'text_latin':
      return textField(field, ctx);
    case 'date':
      return { kind: 'date', ...common(field, ctx) };
    case 'bool':
      return { kind: 'yesNo', ...common(field, ctx) };
    case 'num':
      return numberField(field, ctx, false);
    case 'num_int':
      return numberField(field, ctx, true);
    case 'num_currency':
      return moneyField(field, ctx);
    case 'file':
      return fileField(field, ctx);
    case 'obj':
      ctx.warn(`${describe(field)}: datentyp obj (structured object) has no form equivalent; skipped.`);
      return undefined;
    default:
      ctx.warn(`${describe(field)}: datentyp "${field.datentyp}" shown as a text field.`);
      return textField({ ...field, praezisierung: {} }, ctx);
  }
}

function info(text: string): MappedField {
  return { kind: 'info', def: { kind: 'info', text: { de: text } } };
}

export function mapField(field: FimField, ctx: FieldContext): MappedField {
  switch (field.feldart) {
    case 'label':
      return info(field.inhalt ?? field.hint ?? field.label);
    case 'locked':
      if (field.inhalt) return info(`${field.label}: ${field.inhalt}`);
      ctx.warn(`${describe(field)}: locked field without inhalt; skipped.`);
      return undefined;
    case 'hidden':
      ctx.warn(`${describe(field)}: hidden field skipped (a package cannot carry hidden values).`);
      return undefined;
    case 'select': {
      return { kind: 'value', def: selectField(field, ctx) };
    }
    default: {
      if (field.feldart !== 'input')
        ctx.warn(`${describe(field)}: feldart "${field.feldart}" treated as input.`);
      const def = inputField(field, ctx);
      return def ? { kind: 'value', def } : undefined;
    }
  }
}
