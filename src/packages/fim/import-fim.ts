/**
 * Imports a FIM Stammdatenschema (XDatenfelder 2.0 or 3.0.0) as a service package draft: the form and its
 * code lists come from the schema, everything else is a placeholder for the service designer to complete.
 *
 * Mapping rules
 * - Pages: each top-level Datenfeldgruppe is one page (title = bezeichnungEingabe, else name). Consecutive
 *   top-level Datenfelder form a page "Allgemeine Angaben" (before the first group) or "Weitere Angaben".
 *   Nested groups are flattened into their page. Pages left without fields are dropped with a warning.
 * - Names: an answer is named after its FIM id (`F60000000227` → `f60000000227`); an id that occurs more
 *   than once (reused Baukasten groups) gets the shortest prefix of enclosing group ids that makes it unique
 *   (`g05000554_f00000054`). `fieldMap` maps the FIM id path (`G05000499/G05000554/F00000054`) to the name
 *   (`repeat.field` inside repeats).
 * - Cardinality (anzahl "min:max"): min 0 → optional, and every field inside an optional group is optional
 *   too (the package format cannot say "all or none"). A group with max > 1 → `repeat` (min/max from anzahl,
 *   "*" → 20 with a warning); a repeated group inside a repeat is flattened into the outer item with a
 *   warning. A single Datenfeld with max > 1 → a repeat of that one field (`name.wert`); a select with max > 1
 *   (or the 2.0 praezisierung "Mehrfachauswahl") → multiChoice.
 * - feldart input by datentyp: text/text_latin → text (praezisierung minLength/maxLength/pattern; the XSD
 *   pattern is anchored, prose patterns are dropped with a warning), date → date, bool → yesNo, num → number,
 *   num_int → number (integer), num_currency → money, file → file (mediaType list, else PDF/JPEG/PNG;
 *   maxSize in bytes), obj → skipped with a warning, time/datetime/unknown → text with a warning.
 * - feldart select → choice from inline werte (radios up to 6 options, else select), or a codeList field
 *   when the genericode file for its code list is supplied (package code-list id = canonical URI lower-cased
 *   and sanitised). Without the file the field becomes a text field with a warning, so the package stays
 *   valid and nothing is invented.
 * - feldart label → info block (inhalt, else hilfetext, else label); locked → info block "label: inhalt";
 *   hidden → skipped with a warning. Info blocks inside a repeat are moved before it.
 * - hilfetextEingabe → hint; bezeichnungAusgabe → summaryLabel when it differs from the label.
 * - Regeln: "WENN F… = Wert, DANN (de)aktiviere G…/F…" and 2.0's "Wenn bei F… "Code …" angegeben wird, dann
 *   wird G… zur Pflichtangabe" become FEEL conditions (see rules.ts); every rule yields a warning, the
 *   untranslated ones with their free text for a person to implement.
 * - Metadata: title = bezeichnung (3.0) or bezeichnungEingabe/name, id = schema id lower-cased, version
 *   from the FIM version padded to x.y.z, LeiKa keys = 14-digit numbers in bezug/beschreibung, legal basis
 *   = bezug texts, trust level basic, reference prefix FIM, German placeholders for the rest.
 * - applicantName: required "Vorname + Familienname" text fields of one page, else the family name, else a
 *   required organisation-name field, else the literal "Antragsteller/in".
 * - summary: the schema's hilfetext or definition, else a generic sentence naming the schema.
 */
import type { PackagePage, ServicePackage, ValueFieldDef } from '../schema.ts';
import { createCodeListResolver } from './code-lists.ts';
import { FimImportError } from './errors.ts';
import { idFromText } from './genericode.ts';
import { type Layout, layoutPages } from './layout.ts';
import { type FimSchema, readFimSchema } from './model.ts';
import { placeElements } from './names.ts';
import { applyRules, collectRules } from './rules.ts';
import { oneLine } from './xml.ts';

export interface FimImportOptions {
  /** Genericode XML by canonical URI, FIM code-list id (C…) or any other key; matched by content. */
  codeLists?: ReadonlyMap<string, string>;
}

export interface FimImportResult {
  package: ServicePackage;
  warnings: string[];
  /** FIM id path → answer name, for tracing answers back to Datenfelder. */
  fieldMap: Record<string, string>;
}

const TODO = '[Bitte ergänzen]';
type TextField = Extract<ValueFieldDef, { kind: 'text' }>;

/** FIM versions are "1.0" (2.0) or "1.2.0" (3.0); packages need x.y.z. */
export function packageVersion(fimVersion: string | undefined, warn: (message: string) => void): string {
  const parts = fimVersion?.trim().split('.') ?? [];
  if (parts.length === 0 || parts.length > 3 || !parts.every((p) => /^\d+$/.test(p))) {
    if (fimVersion) warn(`FIM version "${fimVersion}" is not numeric; the package starts at 1.0.0.`);
    return '1.0.0';
  }
  return [...parts, '0', '0'].slice(0, 3).map(Number).join('.');
}

function leikaKeys(schema: FimSchema): string[] {
  const text = [...schema.bezug, schema.description ?? ''].join(' ');
  return [...new Set(text.match(/(?<!\d)\d{14}(?!\d)/g) ?? [])];
}

/** Required text fields only: optional ones belong to other people (a former owner, a representative). */
const textFields = (page: PackagePage) =>
  page.fields.filter((f): f is TextField => f.kind === 'text' && !f.optional);

export function applicantNameExpression(pages: ServicePackage['form']['pages']): string {
  for (const page of pages) {
    const family = textFields(page).find((f) => /familienname|nachname/i.test(f.label.de));
    if (!family) continue;
    const given = textFields(page).find((f) => /^vorname/i.test(f.label.de));
    return given ? `${given.name} + " " + ${family.name}` : family.name;
  }
  const organisation = pages
    .flatMap(textFields)
    .find((f) => /organisationsname|eingetragener name|firmenname/i.test(f.label.de));
  return organisation?.name ?? '"Antragsteller/in"';
}

function metadata(schema: FimSchema, layout: Layout): ServicePackage['metadata'] {
  const files = layout.pages.flatMap((p) => p.fields.flatMap((f) => (f.kind === 'repeat' ? f.fields : [f])));
  const uploads = [...new Set(files.flatMap((f) => (f.kind === 'file' ? [f.label.de] : [])))];
  const summaryText = schema.helpText ?? schema.definition;
  const summary = summaryText
    ? oneLine(summaryText)
    : `Online-Antrag nach dem FIM-Stammdatenschema ${schema.id}.`;
  return {
    title: { de: schema.title },
    summary: { de: summary },
    leikaKeys: leikaKeys(schema),
    legalBasis: [...new Set(schema.bezug)].map((de) => ({ de })),
    fees: { de: `${TODO} Gebühren` },
    processingTime: { de: `${TODO} Bearbeitungsdauer` },
    requiredTrustLevel: 'basic',
    responsibleOrgUnit: { de: `${TODO} Zuständige Stelle` },
    contact: {},
    whatYouNeed: uploads.map((de) => ({ de })),
    referencePrefix: 'FIM',
  };
}

function letters(title: string): ServicePackage['letters'] {
  return {
    approvedTenor: { de: `Ihrem Antrag „${title}“ wird stattgegeben.` },
    rejectedTenor: { de: `Ihr Antrag „${title}“ wird abgelehnt.` },
    legalRemedy: {
      de:
        'Gegen diesen Bescheid können Sie innerhalb eines Monats nach Bekanntgabe Widerspruch erheben. Der Widerspruch ist ' +
        'schriftlich, in elektronischer Form nach § 3a Absatz 2 Verwaltungsverfahrensgesetz oder zur Niederschrift bei ' +
        '{authority} zu erheben.',
    },
  };
}

/** Turns a Stammdatenschema into a complete, valid package draft; throws FimImportError for unusable files. */
export function importFim(xml: string, options: FimImportOptions = {}): FimImportResult {
  // A reused group repeats its warnings at each place; one of each is enough.
  const warnings = new Set<string>();
  const warn = (message: string) => void warnings.add(message);
  const schema = readFimSchema(xml, warn);
  const codeLists = createCodeListResolver(options.codeLists ?? new Map(), warn);
  const layout = layoutPages(schema.items, {
    placements: placeElements(schema.items),
    codeList: codeLists.resolve,
    warn,
  });
  if (layout.pages.length === 0) {
    throw new FimImportError(
      'FIM_NO_FIELDS',
      `Das Schema ${schema.id} enthält keine Felder, aus denen ein Formular entstehen kann.`,
      `The schema ${schema.id} contains no fields a form can be made of.`,
    );
  }
  for (const message of applyRules(collectRules(schema.rules, schema.items), layout, codeLists.used))
    warn(message);
  const pkg: ServicePackage = {
    schemaVersion: 1,
    id: idFromText(schema.id),
    version: packageVersion(schema.version, warn),
    metadata: metadata(schema, layout),
    form: {
      pages: layout.pages,
      declaration: { de: 'Ich versichere, dass meine Angaben richtig und vollständig sind.' },
      applicantName: applicantNameExpression(layout.pages),
    },
    process: { kind: 'standard' },
    letters: letters(schema.title),
    ...(Object.keys(codeLists.used).length > 0 ? { codeLists: codeLists.used } : {}),
    tests: [],
  };
  return { package: pkg, warnings: [...warnings], fieldMap: layout.fieldMap };
}
