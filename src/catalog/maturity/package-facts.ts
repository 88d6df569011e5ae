/**
 * What an Amtsweg service package demonstrably provides, as facts the maturity models derive answers from.
 * Each fact carries a German one-line reason shown in the UI. Facts describe the platform as it is today:
 * where Amtsweg lacks a component (payment, e-file, register retrieval), the fact says so for every package.
 */
import type { TrustLevel } from '../../identity/types.ts';
import type { ServicePackage, ValueFieldDef } from '../../packages/schema.ts';

export const FACT_KEYS = [
  'leistungsbeschreibung',
  'onlineForm',
  'login',
  'onlineProofs',
  'fee',
  'ePayment',
  'digitalDecision',
  'postbox',
  'statusMonitor',
  'eFile',
  'onceOnly',
] as const;
export type FactKey = (typeof FACT_KEYS)[number];

export interface PackageFact {
  value: boolean;
  /** German, one line, for the UI. */
  reason: string;
}

export type PackageFacts = Record<FactKey, PackageFact> & {
  login: PackageFact & { requiredTrustLevel: TrustLevel };
};

const TRUST_LEVEL_NAMES: Record<TrustLevel, string> = {
  none: 'keine',
  basic: 'Basisregistrierung',
  substantial: 'substanziell',
  high: 'hoch',
};

/** Every value field, including those inside repeating groups; info blocks hold no answer. */
function valueFields(definition: ServicePackage): ValueFieldDef[] {
  return definition.form.pages.flatMap((page) =>
    page.fields.flatMap((item) => {
      if (item.kind === 'info') return [];
      return item.kind === 'repeat' ? item.fields : [item];
    }),
  );
}

// An amount in euros ("30,70 Euro", "EUR 20", "20 €"). The package states fees as free text, so this is the
// best the format allows; it cannot tell a fee due on application from a tax assessed later.
const EURO_AMOUNT = /\d[\d.]*(,\d{2})?\s*(Euro|EUR|€)|(EUR|€)\s*\d/;

function feeFact(definition: ServicePackage): PackageFact {
  const computedMoney = (definition.form.computed ?? []).filter((c) => c.format === 'money');
  if (computedMoney.length > 0) {
    const names = computedMoney.map((c) => `„${c.label.de}“`).join(', ');
    return { value: true, reason: `Das Paket berechnet einen Betrag: ${names}` };
  }
  if (EURO_AMOUNT.test(definition.metadata.fees.de)) {
    return { value: true, reason: `Das Paket nennt Kosten: ${definition.metadata.fees.de}` };
  }
  return { value: false, reason: 'Das Paket nennt keinen Betrag' };
}

/** Derives the facts from a package definition alone: pure, no database. */
export function packageFacts(definition: ServicePackage): PackageFacts {
  const { metadata } = definition;
  const trustLevel = metadata.requiredTrustLevel;
  const loggedIn = trustLevel !== 'none';
  const files = valueFields(definition).filter((f) => f.kind === 'file');
  const standard = definition.process.kind === 'standard';
  const leika = metadata.leikaKeys.length > 0;
  return {
    leistungsbeschreibung: {
      value: leika,
      reason: leika
        ? `Informationsseite mit Titel und Beschreibung, LeiKa-Schlüssel ${metadata.leikaKeys.join(', ')}`
        : 'Informationsseite mit Titel und Beschreibung, aber ohne LeiKa-Schlüssel',
    },
    onlineForm: { value: true, reason: 'Der Antrag wird vollständig im Online-Formular gestellt' },
    login: {
      value: loggedIn,
      requiredTrustLevel: trustLevel,
      reason: loggedIn
        ? `Anmeldung mit Vertrauensniveau „${TRUST_LEVEL_NAMES[trustLevel]}“ über das Nutzerkonto`
        : 'Antrag ohne Anmeldung möglich',
    },
    onlineProofs: {
      value: files.length > 0,
      reason:
        files.length > 0
          ? `Nachweise werden hochgeladen: ${files.map((f) => `„${f.label.de}“`).join(', ')}`
          : 'Das Formular fordert keine Dokumente an',
    },
    fee: feeFact(definition),
    ePayment: { value: false, reason: 'Amtsweg bietet noch keine Online-Bezahlung an' },
    digitalDecision: {
      value: standard,
      reason: standard
        ? 'Der Bescheid wird als PDF erstellt und digital zugestellt'
        : 'Dieser Ablauf erstellt keinen digitalen Bescheid',
    },
    // Anonymous applicants have no postbox yet: their case belongs to a session id nobody can log in as.
    postbox: {
      value: loggedIn,
      reason: loggedIn
        ? 'Bescheid und Nachrichten kommen in das Postfach in Amtsweg'
        : 'Ohne Anmeldung gibt es noch kein Postfach',
    },
    // The citizen's postbox page lists their cases with a status badge (src/web/citizen/views.tsx, PostboxPage).
    statusMonitor: {
      value: loggedIn,
      reason: loggedIn
        ? 'Angemeldete sehen den Bearbeitungsstand (in Bearbeitung, genehmigt, abgelehnt) im Postfach'
        : 'Ohne Anmeldung ist der Bearbeitungsstand nicht online sichtbar',
    },
    eFile: { value: false, reason: 'Amtsweg führt noch keine E-Akte' },
    onceOnly: { value: false, reason: 'Amtsweg ruft noch keine Nachweise bei anderen Behörden ab' },
  };
}
