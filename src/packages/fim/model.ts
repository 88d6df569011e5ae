/**
 * Reads an XDatenfelder 2.0 or 3.0.0 message into one version-neutral tree. Both versions nest every
 * element inline (Schema → Struktur → Gruppe/Feld), and the cardinality sits on the Struktur edge.
 */
import { FimImportError } from './errors.ts';
import { type Praezisierung, readPraezisierung, toNumber } from './praezisierung.ts';
import {
  childrenNamed,
  childText,
  codeText,
  oneLine,
  optionalChild,
  parseXml,
  requiredChild,
  requiredText,
  type XmlElement,
} from './xml.ts';

export const XDF_NAMESPACES: ReadonlyMap<string, XdfVersion> = new Map([
  ['urn:xoev-de:fim:standard:xdatenfelder_2', '2.0'],
  ['urn:xoev-de:fim:standard:xdatenfelder_3.0.0', '3.0.0'],
]);
/** The supported messages and the element holding their payload. */
const MESSAGES: ReadonlyMap<string, string> = new Map([
  ['xdatenfelder.stammdatenschema.0102', 'stammdatenschema'],
  ['xdatenfelder.datenfeldgruppe.0103', 'datenfeldgruppe'],
]);
export type XdfVersion = '2.0' | '3.0.0';

export interface FimRule {
  id: string;
  name: string;
  /** freitextRegel (3.0), definition (2.0) or beschreibung: the rule as people wrote it. */
  text: string;
}

export interface FimCodeListRef {
  canonicalId: string;
  /** 2.0 also names the Codeliste by its FIM id (e.g. C05000073). */
  fimId?: string;
  version?: string;
  codeKey?: string;
  nameKey?: string;
}

interface FimElementBase {
  id: string;
  name: string;
  label: string;
  outputLabel?: string;
  hint?: string;
  rules: FimRule[];
}

export type { Praezisierung };

export interface FimField extends FimElementBase {
  kind: 'field';
  feldart: string;
  datentyp: string;
  praezisierung: Praezisierung;
  inhalt?: string;
  werte: { code: string; name: string; hint?: string }[];
  codeList?: FimCodeListRef;
  maxSize?: number;
  mediaTypes: string[];
}

export interface FimGroup extends FimElementBase {
  kind: 'group';
  items: FimItem[];
}

/** One Struktur edge: how often the element may occur at this place (max null = unbounded, "*"). */
export interface FimItem {
  min: number;
  max: number | null;
  element: FimField | FimGroup;
}

export interface FimSchema {
  xdfVersion: XdfVersion;
  id: string;
  version?: string;
  name: string;
  title: string;
  description?: string;
  definition?: string;
  helpText?: string;
  bezug: string[];
  rules: FimRule[];
  items: FimItem[];
}

type Warn = (message: string) => void;

function readRule(element: XmlElement): FimRule {
  const id = requiredText(requiredChild(element, 'identifikation'), 'id');
  const name = oneLine(childText(element, 'name') ?? id);
  const text =
    childText(element, 'freitextRegel') ??
    childText(element, 'definition') ??
    childText(element, 'beschreibung');
  return { id, name, text: text ?? name };
}

function readBase(element: XmlElement): FimElementBase {
  const id = requiredText(requiredChild(element, 'identifikation'), 'id');
  const name = oneLine(childText(element, 'name') ?? id);
  const label = oneLine(childText(element, 'bezeichnungEingabe') ?? name);
  const outputLabel = childText(element, 'bezeichnungAusgabe');
  const hint = childText(element, 'hilfetextEingabe');
  return {
    id,
    name,
    label,
    ...(outputLabel ? { outputLabel: oneLine(outputLabel) } : {}),
    ...(hint ? { hint } : {}),
    rules: childrenNamed(element, 'regel').map(readRule),
  };
}

function readCodeList(element: XmlElement | undefined): FimCodeListRef | undefined {
  if (!element) return undefined;
  // 2.0 wraps the identification in <genericodeIdentification>; 3.0 does not.
  const identification = optionalChild(element, 'genericodeIdentification') ?? element;
  const canonicalId = childText(identification, 'canonicalIdentification');
  if (!canonicalId) return undefined;
  const version = childText(identification, 'version');
  const identifikation = optionalChild(element, 'identifikation');
  const fimId = identifikation ? childText(identifikation, 'id') : undefined;
  return { canonicalId: oneLine(canonicalId), ...(fimId ? { fimId } : {}), ...(version ? { version } : {}) };
}

function readField(element: XmlElement, warn: Warn): FimField {
  const base = readBase(element);
  const werte = optionalChild(element, 'werte');
  const codeList = readCodeList(optionalChild(element, 'codelisteReferenz'));
  const codeKey = childText(element, 'codeKey');
  const nameKey = childText(element, 'nameKey');
  const maxSize = toNumber(childText(element, 'maxSize'));
  const inhalt = childText(element, 'inhalt');
  const feldart = codeText(element, 'feldart');
  if (!feldart) warn(`Datenfeld ${base.id} has no feldart; treated as input.`);
  return {
    kind: 'field',
    ...base,
    feldart: feldart ?? 'input',
    datentyp: codeText(element, 'datentyp') ?? 'text',
    praezisierung: readPraezisierung(optionalChild(element, 'praezisierung')),
    ...(inhalt ? { inhalt } : {}),
    werte: werte
      ? childrenNamed(werte, 'wert').map((wert) => {
          const hint = childText(wert, 'hilfe');
          return {
            code: requiredText(wert, 'code'),
            name: oneLine(requiredText(wert, 'name')),
            ...(hint ? { hint } : {}),
          };
        })
      : [],
    ...(codeList
      ? { codeList: { ...codeList, ...(codeKey ? { codeKey } : {}), ...(nameKey ? { nameKey } : {}) } }
      : {}),
    ...(maxSize ? { maxSize } : {}),
    mediaTypes: childrenNamed(element, 'mediaType')
      .map((m) => m.text.trim().toLowerCase())
      .filter(Boolean),
  };
}

/** "min:max" with max a number or "*" (unbounded). */
function readAnzahl(struktur: XmlElement, warn: Warn): { min: number; max: number | null } {
  const anzahl = childText(struktur, 'anzahl') ?? '';
  const match = /^(\d+)\s*:\s*(\d+|\*)$/.exec(anzahl);
  if (!match) {
    warn(`anzahl "${anzahl}" (line ${struktur.line}) is not "min:max"; read as 1:1.`);
    return { min: 1, max: 1 };
  }
  return { min: Number(match[1]), max: match[2] === '*' ? null : Number(match[2]) };
}

function readItems(parent: XmlElement, warn: Warn): FimItem[] {
  return childrenNamed(parent, 'struktur').map((struktur) => {
    const enthaelt = requiredChild(struktur, 'enthaelt');
    const group = optionalChild(enthaelt, 'datenfeldgruppe');
    const element = group ? readGroup(group, warn) : readField(requiredChild(enthaelt, 'datenfeld'), warn);
    return { ...readAnzahl(struktur, warn), element };
  });
}

function readGroup(element: XmlElement, warn: Warn): FimGroup {
  return { kind: 'group', ...readBase(element), items: readItems(element, warn) };
}

function unsupported(root: XmlElement): FimImportError {
  return new FimImportError(
    'FIM_UNSUPPORTED_MESSAGE',
    `Die Nachricht <${root.local}> wird nicht unterstützt; erwartet wird ein Stammdatenschema (xdatenfelder.stammdatenschema.0102) oder eine Datenfeldgruppe (xdatenfelder.datenfeldgruppe.0103).`,
    `The message <${root.local}> is not supported; expected a Stammdatenschema (xdatenfelder.stammdatenschema.0102) or a Datenfeldgruppe (xdatenfelder.datenfeldgruppe.0103).`,
  );
}

function checkNamespace(root: XmlElement): XdfVersion {
  const version = XDF_NAMESPACES.get(root.uri);
  if (version) return version;
  throw new FimImportError(
    'FIM_UNKNOWN_NAMESPACE',
    `Unbekannter Namensraum "${root.uri}"; erwartet wird XDatenfelder 2.0 (urn:xoev-de:fim:standard:xdatenfelder_2) oder 3.0.0 (urn:xoev-de:fim:standard:xdatenfelder_3.0.0).`,
    `Unknown namespace "${root.uri}"; expected XDatenfelder 2.0 (urn:xoev-de:fim:standard:xdatenfelder_2) or 3.0.0 (urn:xoev-de:fim:standard:xdatenfelder_3.0.0).`,
  );
}

/** Parses a Stammdatenschema message, or a Datenfeldgruppe message read as a schema of that group's contents. */
export function readFimSchema(xml: string, warn: Warn): FimSchema {
  const root = parseXml(xml);
  const xdfVersion = checkNamespace(root);
  const payloadName = MESSAGES.get(root.local);
  if (!payloadName) throw unsupported(root);
  const payload = requiredChild(root, payloadName);
  const base = readBase(payload);
  const description = childText(payload, 'beschreibung');
  const definition = childText(payload, 'definition');
  const helpText = childText(payload, 'hilfetext') ?? base.hint;
  const version = childText(requiredChild(payload, 'identifikation'), 'version');
  return {
    xdfVersion,
    id: base.id,
    ...(version ? { version } : {}),
    name: base.name,
    title: oneLine(childText(payload, 'bezeichnung') ?? base.label),
    ...(description ? { description } : {}),
    ...(definition ? { definition } : {}),
    ...(helpText ? { helpText } : {}),
    bezug: childrenNamed(payload, 'bezug')
      .map((b) => oneLine(b.text))
      .filter(Boolean),
    rules: base.rules,
    items: readItems(payload, warn),
  };
}
