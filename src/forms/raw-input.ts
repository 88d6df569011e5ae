/**
 * The raw input of a page, as the form posts it and as the page is filled again: flat form fields
 * ("address.street", "dogs.1.breed", "dogs._count", "dogs.1.certificate._document") to nested raw values
 * and back from stored answers.
 */
import type { Answers } from '../db/schema.ts';
import { isUuid } from '../db/uuid.ts';
import type { PageItem } from '../packages/compile.ts';
import type { RepeatFieldDef, ValueFieldDef } from '../packages/schema.ts';
import { formatIban } from './checks/iban.ts';
import { formatIsoDate } from './display.ts';
import { ADDRESS_PARTS } from './fields.ts';

export type RawPage = Record<string, unknown>;
type Body = Record<string, unknown>;

/**
 * A file in a repeating group is carried from post to post as the id of its uploaded document, in a hidden
 * input named after the file input with this suffix; the server only accepts ids of the draft's own uploads.
 */
export const DOCUMENT_SUFFIX = '._document';

function readValue(def: ValueFieldDef, body: Body, path: string): unknown {
  if (def.kind === 'file') {
    const id = body[`${path}${DOCUMENT_SUFFIX}`];
    return typeof id === 'string' && id !== '' ? id : undefined;
  }
  if (def.kind === 'address')
    return Object.fromEntries(ADDRESS_PARTS.map((part) => [part, body[`${path}.${part}`]]));
  if (def.kind === 'multiChoice') {
    const value = body[path];
    return value === undefined ? [] : Array.isArray(value) ? value : [value];
  }
  return body[path];
}

/** A repeating group's items in a raw page or answers, each an object (anything else as an empty item). */
export const entriesOf = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value)
    ? value.map((entry) => (entry && typeof entry === 'object' ? (entry as Record<string, unknown>) : {}))
    : [];

/** How many items of a repeating group were posted, within the group's maximum. */
export function postedCount(group: RepeatFieldDef, body: Body): number {
  const posted = Number.parseInt(String(body[`${group.name}._count`] ?? '0'), 10) || 0;
  return Math.min(Math.max(posted, 0), group.max);
}

/**
 * Reads the posted body of a page into raw values per item (repeating groups as lists of items). A file
 * field's raw value is left to the caller: at the top level the draft holds it, in a repeating group it is
 * the posted document id until the caller resolves it (see forms/repeat-uploads.ts).
 */
export function readPageBody(items: readonly PageItem[], body: Body): RawPage {
  const raw: RawPage = {};
  for (const item of items) {
    if (item.kind === 'info' || item.kind === 'file') continue;
    if (item.kind !== 'repeat') {
      raw[item.name] = readValue(item, body, item.name);
      continue;
    }
    const count = postedCount(item, body);
    raw[item.name] = Array.from({ length: count }, (_, index) =>
      Object.fromEntries(
        item.fields.map((field) => [
          field.name,
          readValue(field, body, `${item.name}.${index}.${field.name}`),
        ]),
      ),
    );
  }
  return raw;
}

/** A stored value as the input shows it again, e.g. an ISO date as 24.12.2024 or cents as 12,50. */
export function inputValue(def: ValueFieldDef, value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  switch (def.kind) {
    case 'yesNo':
      return value === true ? 'yes' : 'no';
    case 'declaration':
      return value === true ? 'yes' : undefined;
    case 'date':
      return formatIsoDate(String(value));
    case 'money':
      return (Number(value) / 100).toFixed(2).replace('.', ',');
    case 'number':
      return String(value).replace('.', ',');
    case 'iban':
      return formatIban(String(value));
    default:
      return value;
  }
}

/** The raw page for stored answers, to fill the page's inputs again. */
export function storedToRaw(items: readonly PageItem[], answers: Answers): RawPage {
  const raw: RawPage = {};
  for (const item of items) {
    if (item.kind === 'info') continue;
    const value = answers[item.name];
    if (item.kind !== 'repeat') {
      raw[item.name] = inputValue(item, value);
      continue;
    }
    const entries = Array.isArray(value) ? (value as Answers[]) : [];
    raw[item.name] = entries.map((entry) =>
      Object.fromEntries(item.fields.map((field) => [field.name, inputValue(field, entry[field.name])])),
    );
  }
  return raw;
}

export type RepeatAction =
  | { kind: 'add'; name: string }
  | { kind: 'remove'; name: string; index: number }
  | { kind: 'removeFile'; name: string; index: number; field: string }
  | { kind: 'removePageFile'; name: string; documentId: string };

const isIndex = (index: string | undefined): index is string =>
  index !== undefined && /^\d{1,3}$/.test(index);

/**
 * "add:dogs", "remove:dogs:1" or "remove-file:dogs:1:certificate" from the button a citizen pressed on a
 * page with a repeating group, or "remove-file:proof:<document id>" for a file field of the page itself: the
 * id of the file the page showed, so that a page left open removes no file uploaded since in another tab.
 */
export function parseRepeatAction(value: unknown): RepeatAction | undefined {
  if (typeof value !== 'string') return undefined;
  const parts = value.split(':');
  const [kind, name, index, field] = parts;
  if (kind === 'add' && name) return { kind, name };
  if (kind === 'remove-file' && name && parts.length === 3 && index && isUuid(index))
    return { kind: 'removePageFile', name, documentId: index };
  if (kind === 'remove' && name && isIndex(index)) return { kind, name, index: Number(index) };
  if (kind === 'remove-file' && name && isIndex(index) && field)
    return { kind: 'removeFile', name, index: Number(index), field };
  return undefined;
}

/** Applies an add, a remove or a file's removal to the raw page, within the group's bounds. */
export function applyRepeatAction(items: readonly PageItem[], raw: RawPage, action: RepeatAction): RawPage {
  if (action.kind === 'removePageFile')
    return items.some((item) => item.kind === 'file' && item.name === action.name)
      ? { ...raw, [action.name]: undefined }
      : raw;
  const group = items.find((item) => item.kind === 'repeat' && item.name === action.name);
  if (group?.kind !== 'repeat') return raw;
  const entries = [...((raw[group.name] as unknown[]) ?? [])];
  if (action.kind === 'add' && entries.length < group.max) entries.push({});
  if (action.kind === 'remove' && action.index < entries.length) entries.splice(action.index, 1);
  if (
    action.kind === 'removeFile' &&
    action.index < entries.length &&
    group.fields.some((field) => field.kind === 'file' && field.name === action.field)
  ) {
    const entry = entries[action.index];
    entries[action.index] = {
      ...(entry && typeof entry === 'object' ? entry : {}),
      [action.field]: undefined,
    };
  }
  return { ...raw, [group.name]: entries };
}

/**
 * Where an input of the page is after `action` (e.g. "dogs.2.proof"): inputs of the items after a removed
 * item move up one; undefined for an input removed with its item or its file.
 */
export function pathAfterAction(action: RepeatAction, path: string): string | undefined {
  const [name, index, ...rest] = path.split('.');
  if (action.kind === 'remove' && name === action.name && isIndex(index)) {
    const position = Number(index);
    if (position === action.index) return undefined;
    if (position > action.index) return [name, position - 1, ...rest].join('.');
  }
  if (action.kind === 'removeFile' && path === `${action.name}.${action.index}.${action.field}`)
    return undefined;
  return path;
}
