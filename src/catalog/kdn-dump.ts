/**
 * Reads the OZG-Umsetzungskatalog (state 2019-10-05) from the MySQL dump of KDN's "OZG-Datenbank NRW"
 * (kdn-nrw/OZG-Datenbank-NRW, doc-dev/databases/symfony.data.sql; docs/research/ozg-catalogue-sources.md §1.1)
 * and joins Themenfeld → Lage → OZG-Leistung → LeiKa Leistung into catalogue rows.
 */
import { replaceControlCharacters } from '../text.ts';
import { CatalogFileError, type CatalogRow, type LageKind, LEIKA_KEY } from './catalog-csv.ts';
import { isMunicipal } from './relevance.ts';

type SqlRow = Record<string, string | null>;

// MySQL string escapes; any other backslashed character stands for itself (\% and \_ keep the backslash).
const ESCAPES: Record<string, string> = {
  '0': '\0',
  b: '\b',
  n: '\n',
  r: '\r',
  t: '\t',
  Z: '\x1a',
  '%': '\\%',
  _: '\\_',
};

/** A cursor over the dump text; `fail` names the line, so a broken dump can be found in an editor. */
class DumpReader {
  constructor(
    readonly text: string,
    public at: number,
    readonly source: string,
  ) {}
  fail(what: string): never {
    const line = this.text.slice(0, this.at).split('\n').length;
    throw new CatalogFileError(this.source, [`Zeile ${line}: Der SQL-Dump ist hier nicht lesbar (${what}).`]);
  }
  skipSpace(): void {
    while (/\s/.test(this.text[this.at] ?? '')) this.at++;
  }
  expect(char: string): void {
    this.skipSpace();
    if (this.text[this.at] !== char) this.fail(`„${char}“ erwartet`);
    this.at++;
  }
  quoted(): string {
    const start = this.at;
    let value = '';
    for (this.at++; this.at < this.text.length; this.at++) {
      const char = this.text[this.at] as string;
      if (char === '\\') {
        const next = this.text[++this.at] ?? '';
        value += ESCAPES[next] ?? next;
      } else if (char === "'" && this.text[this.at + 1] === "'") {
        value += "'";
        this.at++;
      } else if (char === "'") {
        this.at++;
        return value;
      } else value += char;
    }
    this.at = start;
    return this.fail('Text ohne schließendes Anführungszeichen');
  }
  value(): string | null {
    this.skipSpace();
    if (this.text[this.at] === "'") return this.quoted();
    const start = this.at;
    while (this.at < this.text.length && !/[,)\s]/.test(this.text[this.at] as string)) this.at++;
    const token = this.text.slice(start, this.at);
    if (token === '') this.fail('Wert erwartet');
    return token.toUpperCase() === 'NULL' ? null : token;
  }
  tuple(columns: readonly string[]): SqlRow {
    this.expect('(');
    const row: SqlRow = {};
    columns.forEach((column, index) => {
      if (index > 0) this.expect(',');
      row[column] = this.value();
    });
    this.expect(')');
    return row;
  }
}

/** Every row of `table` in a mysqldump, from all its `INSERT INTO \`table\` (columns) VALUES (…),(…);`. */
export function readDumpTable(dump: string, table: string, source: string): SqlRow[] {
  const rows: SqlRow[] = [];
  const marker = `INSERT INTO \`${table}\` (`;
  for (let start = dump.indexOf(marker); start >= 0; start = dump.indexOf(marker, start + 1)) {
    const columnsEnd = dump.indexOf(')', start + marker.length);
    const columns = dump
      .slice(start + marker.length, columnsEnd)
      .split(',')
      .map((column) => column.trim().replace(/^`|`$/g, ''));
    const reader = new DumpReader(dump, columnsEnd + 1, source);
    reader.skipSpace();
    if (!dump.startsWith('VALUES', reader.at)) reader.fail('VALUES erwartet');
    reader.at += 'VALUES'.length;
    for (;;) {
      rows.push(reader.tuple(columns));
      reader.skipSpace();
      const separator = dump[reader.at++];
      if (separator === ';') break;
      if (separator !== ',') reader.fail('„,“ oder „;“ erwartet');
    }
  }
  return rows;
}

// Test entries someone typed into the KDN database on 2019-12-19; they are no Lagen of the catalogue.
const JUNK_LAGEN = new Set(['aaaaaaaaaaaaaaaaa', 'aaaaabbbbb', 'aaabbbccc']);

/**
 * Our own classification of the 55 Lagen of the 2019 catalogue (the KDN data does not say which is which):
 * a Lage is an Unternehmenslage when its OZG-Leistungen address companies (their Themenfelder are
 * Unternehmensführung, Steuern & Zoll, Umwelt, Forschung & Förderung, plus "Bauen & Immobilien",
 * "Logistik & Transport" and "Querschnitt Unternehmen"); every other Lage is a Lebenslage of citizens.
 * A Lage not listed here (a newer dump) is imported with no kind.
 */
const UNTERNEHMENSLAGEN = [
  'Abfall & Umweltschutz',
  'Anlagen & Stoffe',
  'Arbeitgeber sein',
  'Arbeitssicherheit',
  'Aus-, Weiterbildung & Sachkunde',
  'Auslandsgeschäft',
  'Ausschreibungen & öffentliche Aufträge',
  'Bauen & Immobilien',
  'Finanzierung & Förderung',
  'Forschung & Entwicklung',
  'Geschäftsauflösung & Unternehmensübergang',
  'Logistik & Transport',
  'Querschnitt Unternehmen',
  'Statistik- & Berichtspflichten',
  'Steuern & Abgaben',
  'Unternehmensstart & Gewerbezulassung',
  'Veranstaltungen',
];
const LEBENSLAGEN = [
  '(Drohender) Arbeitsplatzverlust & -suche',
  'Adoption & Pflegekinder',
  'Altersvorsorge',
  'Arbeitsplatzwechsel',
  'Auslandsaufenthalt',
  'Auswanderung',
  'Behinderung',
  'Berufsausbildung',
  'Bootsbesitz',
  'Eheschließung',
  'Einwanderung',
  'Engagement & Beteiligung',
  'Finanzielle Existenzsicherung/Unterstützung bei finanziellen Problemen',
  'Fischen & Jagen',
  'Führerschein',
  'Geburt',
  'Gerichtliche und außergerichtliche Verfahren',
  'Gesundheitsvorsorge',
  'Hausbau & Immobilienerwerb',
  'Kfz-Besitz',
  'Kinderbetreuung',
  'Krankheit',
  'Naturkatastrophen',
  'Pflege',
  'Querschnitt Bürger',
  'Rechtsverstöße - Anzeigen und Hilfen für Opfer',
  'Rente & Soziale Entschädigung',
  'Scheidung',
  'Schule',
  'Steuererklärung',
  'Studium',
  'Tierhaltung',
  'Tod',
  'Trennung mit Kind',
  'Veranstaltung durchführen',
  'Weiterbildung',
  'Weitere Leistungen',
  'Wohnen & Umzug',
];
export const LAGE_KINDS: ReadonlyMap<string, LageKind> = new Map([
  ...UNTERNEHMENSLAGEN.map((lage) => [lage, 'unternehmenslage'] as const),
  ...LEBENSLAGEN.map((lage) => [lage, 'lebenslage'] as const),
]);

/** How many LeiKa rows of the dump were left out, and why (the CLI reports these). */
export interface KdnDropped {
  /** `service_key` is not a 14-digit LeiKa key (mostly "nicht im LeiKa"). */
  notInLeika: number;
  /** No OZG-Leistung, or one whose Lage or Themenfeld is missing. */
  withoutBundle: number;
  /** The OZG-Leistung sits under a test Lage ("aaaa…"). */
  junkLage: number;
  /** The LeiKa key was already listed for another row; the first one is kept. */
  duplicateKey: number;
}

export interface KdnCatalog {
  rows: CatalogRow[];
  dropped: KdnDropped;
}

const clean = (text: string | null | undefined): string => replaceControlCharacters(text ?? '').trim();

function byId(rows: readonly SqlRow[]): Map<string, SqlRow> {
  return new Map(rows.map((row) => [row.id ?? '', row]));
}

/** Parses the dump and joins the four catalogue tables; rows sort by LeiKa key. */
export function parseKdnDump(dump: string, source: string): KdnCatalog {
  const subjects = byId(readDumpTable(dump, 'ozg_subject', source));
  const situations = byId(readDumpTable(dump, 'ozg_situation', source));
  const bundles = byId(readDumpTable(dump, 'ozg_service_system', source));
  const services = readDumpTable(dump, 'ozg_service', source);
  if (services.length === 0 || bundles.size === 0) {
    throw new CatalogFileError(source, [
      'Der SQL-Dump enthält keine Tabellen ozg_service und ozg_service_system (Dump der OZG-Datenbank NRW erwartet).',
    ]);
  }
  const dropped: KdnDropped = { notInLeika: 0, withoutBundle: 0, junkLage: 0, duplicateKey: 0 };
  const seen = new Set<string>();
  const rows: CatalogRow[] = [];
  for (const service of services) {
    const leikaKey = clean(service.service_key);
    const bundle = bundles.get(service.service_system_id ?? '');
    const situation = situations.get(bundle?.situation_id ?? '');
    const subject = subjects.get(situation?.subject_id ?? '');
    const lage = clean(situation?.name);
    if (!LEIKA_KEY.test(leikaKey)) dropped.notInLeika++;
    else if (JUNK_LAGEN.has(lage)) dropped.junkLage++;
    else if (!bundle || !clean(bundle.service_key) || !lage || !clean(subject?.name)) dropped.withoutBundle++;
    else if (seen.has(leikaKey)) dropped.duplicateKey++;
    else {
      seen.add(leikaKey);
      const leikaType = clean(service.service_type);
      rows.push({
        leikaKey,
        leikaName: clean(service.name),
        leikaType,
        municipal: isMunicipal(leikaType),
        sdgAnnex1: service.relevance1 === '1',
        sdgAnnex2: service.relevance2 === '1',
        bundle: {
          ozgId: clean(bundle.service_key),
          name: clean(bundle.name),
          lage,
          lageKind: LAGE_KINDS.get(lage) ?? null,
          themenfeld: clean(subject?.name),
        },
      });
    }
  }
  rows.sort((a, b) => (a.leikaKey < b.leikaKey ? -1 : a.leikaKey > b.leikaKey ? 1 : 0));
  return { rows, dropped };
}
