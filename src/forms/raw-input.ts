/**
 * The raw input of a page, as the form posts it and as the page is filled again: flat form fields
 * ("address.street", "dogs.1.breed", "dogs._count") to nested raw values and back from stored answers.
 */
import type { Answers } from '../db/schema.ts';
import type { PageItem } from '../packages/compile.ts';
import type { ValueFieldDef } from '../packages/schema.ts';
import { formatIban } from './checks/iban.ts';
import { formatIsoDate } from './display.ts';
import { ADDRESS_PARTS } from './fields.ts';

export type RawPage = Record<string, unknown>;
type Body = Record<string, unknown>;

function readValue(def: ValueFieldDef, body: Body, path: string): unknown {
  if (def.kind === 'address')
    return Object.fromEntries(ADDRESS_PARTS.map((part) => [part, body[`${path}.${part}`]]));
  if (def.kind === 'multiChoice') {
    const value = body[path];
    return value === undefined ? [] : Array.isArray(value) ? value : [value];
  }
  return body[path];
}

/** Reads the posted body of a page into raw values per item (repeating groups as lists of items). */
export function readPageBody(items: readonly PageItem[], body: Body): RawPage {
  const raw: RawPage = {};
  for (const item of items) {
    if (item.kind === 'info' || item.kind === 'file') continue;
    if (item.kind !== 'repeat') {
      raw[item.name] = readValue(item, body, item.name);
      continue;
    }
    const count = Math.min(
      Math.max(Number.parseInt(String(body[`${item.name}._count`] ?? '0'), 10) || 0, 0),
      item.max,
    );
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

export type RepeatAction = { kind: 'add'; name: string } | { kind: 'remove'; name: string; index: number };

/** "add:dogs" or "remove:dogs:1" from the button a citizen pressed on a page with a repeating group. */
export function parseRepeatAction(value: unknown): RepeatAction | undefined {
  if (typeof value !== 'string') return undefined;
  const [kind, name, index] = value.split(':');
  if (kind === 'add' && name) return { kind, name };
  if (kind === 'remove' && name && index !== undefined && /^\d{1,3}$/.test(index))
    return { kind, name, index: Number(index) };
  return undefined;
}

/** Applies an add or remove to the raw page, within the group's bounds. */
export function applyRepeatAction(items: readonly PageItem[], raw: RawPage, action: RepeatAction): RawPage {
  const group = items.find((item) => item.kind === 'repeat' && item.name === action.name);
  if (group?.kind !== 'repeat') return raw;
  const entries = [...((raw[group.name] as unknown[]) ?? [])];
  if (action.kind === 'add' && entries.length < group.max) entries.push({});
  if (action.kind === 'remove' && action.index < entries.length) entries.splice(action.index, 1);
  return { ...raw, [group.name]: entries };
}
