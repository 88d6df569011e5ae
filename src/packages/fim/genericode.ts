/**
 * Reads an OASIS genericode 1.0 code list (the format FIM and XRepository publish code lists in) into a
 * package code list: one entry per row, code from the key column, label from a name-like column.
 */
import type { ServicePackage } from '../schema.ts';
import { FimImportError } from './errors.ts';
import {
  childrenNamed,
  childText,
  oneLine,
  optionalChild,
  parseXml,
  requiredChild,
  requiredText,
  type XmlElement,
} from './xml.ts';

export const GENERICODE_NAMESPACE = 'http://docs.oasis-open.org/codelist/ns/genericode/1.0/';

export type PackageCodeList = NonNullable<ServicePackage['codeLists']>[string];

export interface GenericodeColumns {
  /** Column or key id holding the code (XDatenfelder 3 `codeKey`). */
  codeKey?: string;
  /** Column or key id holding the label (XDatenfelder 3 `nameKey`). */
  nameKey?: string;
}

const UMLAUTS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

/** A package id (code list, package) from free text such as a canonical URI: `urn:de:fim:codeliste:zustimmung` → `urn-de-fim-codeliste-zustimmung`. */
export function idFromText(canonicalUri: string): string {
  const id = canonicalUri
    .toLowerCase()
    .replace(/[äöüß]/g, (c) => UMLAUTS[c] ?? c)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return id || 'codeliste';
}

function invalid(de: string, en: string): FimImportError {
  return new FimImportError('FIM_INVALID_CODELIST', `Ungültige Codeliste: ${de}`, `Invalid code list: ${en}`);
}

interface ColumnSet {
  columns: { id: string; shortName: string; required: boolean }[];
  keys: { id: string; columnRef: string }[];
}

function readColumnSet(root: XmlElement): ColumnSet {
  const set = requiredChild(root, 'ColumnSet');
  const columns = childrenNamed(set, 'Column').map((c) => ({
    id: c.attributes.Id ?? '',
    shortName: childText(c, 'ShortName') ?? '',
    required: c.attributes.Use === 'required',
  }));
  const keys = childrenNamed(set, 'Key').map((k) => ({
    id: k.attributes.Id ?? '',
    columnRef: optionalChild(k, 'ColumnRef')?.attributes.Ref ?? '',
  }));
  if (columns.length === 0)
    throw invalid('keine Spalten (ColumnSet/Column).', 'no columns (ColumnSet/Column).');
  return { columns, keys };
}

/** A `codeKey`/`nameKey` may name a key (its column is meant) or a column directly. */
function resolveColumn(set: ColumnSet, ref: string): string {
  const key = set.keys.find((k) => k.id === ref);
  if (key?.columnRef) return key.columnRef;
  if (set.columns.some((c) => c.id === ref)) return ref;
  throw invalid(`die Spalte "${ref}" gibt es nicht.`, `there is no column "${ref}".`);
}

function codeColumn(set: ColumnSet, codeKey: string | undefined): string {
  if (codeKey) return resolveColumn(set, codeKey);
  const key = set.keys.find((k) => k.id === 'codeKey') ?? set.keys[0];
  if (key?.columnRef) return key.columnRef;
  return (set.columns.find((c) => c.required) ?? set.columns[0])?.id ?? '';
}

const NAME_LIKE = /name|bezeichnung|beschreibung|wert|text/i;

function labelColumn(set: ColumnSet, code: string, nameKey: string | undefined): string {
  if (nameKey) return resolveColumn(set, nameKey);
  const others = set.columns.filter((c) => c.id !== code);
  return (others.find((c) => NAME_LIKE.test(c.id) || NAME_LIKE.test(c.shortName)) ?? others[0])?.id ?? code;
}

/** Values by column id; a Value without ColumnRef takes the column at its position. */
function rowValues(row: XmlElement, set: ColumnSet): Map<string, string> {
  const values = new Map<string, string>();
  childrenNamed(row, 'Value').forEach((value, index) => {
    const column = value.attributes.ColumnRef ?? set.columns[index]?.id;
    const text = childText(value, 'SimpleValue');
    if (column && text) values.set(column, oneLine(text));
  });
  return values;
}

/** Parses genericode XML; `columns` picks the code and label columns as an XDatenfelder 3 field names them. */
export function importGenericode(
  xml: string,
  columns: GenericodeColumns = {},
): { id: string; codeList: PackageCodeList } {
  const root = parseXml(xml);
  if (root.local !== 'CodeList' || root.uri !== GENERICODE_NAMESPACE) {
    throw invalid(
      `<${root.local}> im Namensraum "${root.uri}" ist keine genericode-1.0-Codeliste.`,
      `<${root.local}> in namespace "${root.uri}" is not a genericode 1.0 code list.`,
    );
  }
  const identification = requiredChild(root, 'Identification');
  const canonicalUri = oneLine(requiredText(identification, 'CanonicalUri'));
  const version = childText(identification, 'Version');
  const title = childText(identification, 'LongName') ?? childText(identification, 'ShortName');
  const set = readColumnSet(root);
  const code = codeColumn(set, columns.codeKey);
  const label = labelColumn(set, code, columns.nameKey);
  const entries = new Map<string, string>();
  for (const row of childrenNamed(requiredChild(root, 'SimpleCodeList'), 'Row')) {
    const values = rowValues(row, set);
    const value = values.get(code);
    if (value && !entries.has(value)) entries.set(value, values.get(label) ?? value);
  }
  if (entries.size === 0)
    throw invalid(`"${canonicalUri}" enthält keine Einträge.`, `"${canonicalUri}" has no entries.`);
  return {
    id: idFromText(canonicalUri),
    codeList: {
      ...(title ? { title: { de: oneLine(title) } } : {}),
      source: { canonicalUri, ...(version ? { version } : {}) },
      entries: [...entries].map(([entryCode, entryLabel]) => ({
        code: entryCode,
        label: { de: entryLabel },
      })),
    },
  };
}
