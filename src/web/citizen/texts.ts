/**
 * The citizen pages' own words in German and English. Package texts (titles, questions) come from the
 * package (see `localize`); field messages from forms/messages.ts. `en` is typed as `CitizenTexts`, so a
 * text added in German without its English fails type-checking.
 */
import type { Locale } from '../../forms/types.ts';

const de = {
  // header
  logIn: 'Anmelden',
  logOut: 'Abmelden',
  postbox: 'Postfach',
  // home and service start page
  servicesTitle: 'Online-Dienste',
  servicesHeading: (tenant: string) => `Online-Dienste der ${tenant}`,
  servicesIntro: 'Diese Anträge können Sie vollständig online stellen.',
  progressBefore: 'Wie weit die Verwaltung mit ihren Online-Diensten ist, zeigt der ',
  progressLink: 'Stand der OZG-Umsetzung',
  whatYouNeed: 'Das brauchen Sie',
  trustLevelNeeded: (level: string) => `eine Anmeldung mit dem Vertrauensniveau ${level}`,
  trustLevels: {
    none: 'keine (ohne Anmeldung)',
    basic: 'Basisregistrierung',
    substantial: 'substanziell (z. B. ELSTER-Zertifikat)',
    high: 'hoch (Online-Ausweis)',
  },
  fees: 'Kosten',
  processingTime: 'Bearbeitungsdauer',
  responsible: 'Zuständig',
  legalBasis: 'Rechtsgrundlage',
  startNow: 'Jetzt starten',
  // form pages
  continue: 'Weiter',
  draftNote: (until: string) =>
    `Ihre Angaben werden nach jeder Seite gespeichert. Sie können später weitermachen; ohne weitere Änderung löschen wir sie nach dem ${until}.`,
  saveLater: 'Speichern und später weitermachen',
  alreadyUploaded: (file: string) =>
    `Bereits hochgeladen: ${file}. Wählen Sie eine neue Datei, um sie zu ersetzen.`,
  removeFileOf: (label: string, item: string) => `${label} von ${item} entfernen`,
  removeFile: 'Datei entfernen',
  /**
   * Read after "Datei entfernen" by screen readers, so the button names its question and file. A dash, not a
   * colon: browsers put a space between the visible text and this visually hidden (positioned) text.
   */
  removeFileNamed: (label: string, file: string) => ` – ${label} („${file}“)`,
  fileRemoved: (file: string) => `Die Datei „${file}“ wurde entfernt.`,
  removeItem: (item: string) => `${item} entfernen`,
  addItem: (item: string) => `${item} hinzufügen`,
  trustLevelTooLow: 'Höheres Vertrauensniveau nötig',
  trustLevelTooLowText: (service: string) =>
    `Für „${service}“ müssen Sie sich mit einem höheren Vertrauensniveau anmelden, zum Beispiel mit dem ELSTER-Zertifikat oder dem Online-Ausweis.`,
  logInAgain: 'Neu anmelden',
  // check your answers and declaration
  checkTitle: 'Angaben prüfen',
  checkHeading: 'Prüfen Sie Ihre Angaben',
  noAnswer: 'Keine Angabe',
  computed: 'Berechnet',
  toDeclaration: 'Weiter zur Erklärung',
  declarationTitle: 'Erklärung und Absenden',
  declarationIntro: (service: string) => `Mit dem Absenden stellen Sie den Antrag „${service}“ verbindlich.`,
  deliveryEmail: 'E-Mail-Adresse für Ihren Bescheid',
  deliveryEmailHint: (days: number) =>
    `Sie sind nicht angemeldet. Deshalb schicken wir Ihnen Nachrichten zu Ihrem Antrag und den Bescheid als Link an diese Adresse. Jeder Link gilt ${days} Tage.`,
  submit: 'Antrag verbindlich absenden',
  // confirmation
  sentTitle: 'Antrag abgeschickt',
  sentAlert: 'Ihr Antrag ist abgeschickt',
  yourReference: 'Ihr Aktenzeichen: ',
  sentHeading: (service: string) => `${service}: Antrag abgeschickt`,
  receivedOn: (when: string) => `Eingegangen am ${when}.`,
  whatNext: 'Wie geht es weiter?',
  byEmail:
    'Wir prüfen Ihren Antrag. Sie haben sich nicht angemeldet. Deshalb schicken wir Ihnen zu jeder Nachricht eine E-Mail an ',
  byEmailLink: (days: number) =>
    `In der E-Mail steht ein Link. Mit ihm lesen Sie die Nachricht und laden den Bescheid herunter. Der Link gilt ${days} Tage. Die erste E-Mail bestätigt, dass Ihr Antrag eingegangen ist.`,
  toPostbox: 'Wir prüfen Ihren Antrag. Den Bescheid bekommen Sie in Ihr ',
  receiptLink: 'Eingangsbestätigung herunterladen (PDF)',
  // postbox
  postboxHeading: 'Ihr Postfach',
  yourApplications: 'Ihre Anträge',
  noApplications: 'Sie haben noch keine Anträge gestellt.',
  status: 'Status',
  statuses: { submitted: 'In Bearbeitung', approved: 'Genehmigt', rejected: 'Abgelehnt' },
  messages: 'Nachrichten',
  noMessages: 'Keine Nachrichten.',
  decisionLink: 'Bescheid herunterladen (PDF)',
  // test log-in
  logInTitle: 'Anmelden (Test)',
  devLoginWarning: 'Entwicklungsfunktion: Test-Anmeldung',
  devLoginText: 'Diese Anmeldung gibt es nur zum Ausprobieren. Im Betrieb melden Sie sich mit der BundID an.',
  whichPerson: 'Als welche Testperson möchten Sie sich anmelden?',
  whichTrustLevel: 'Mit welchem Vertrauensniveau?',
  loginLevels: {
    basic: { label: 'Basisregistrierung', hint: 'Benutzername und Passwort' },
    substantial: { label: 'Substanziell', hint: 'zum Beispiel ELSTER-Zertifikat' },
    high: { label: 'Hoch', hint: 'Online-Ausweis' },
  },
  choosePerson: 'Wählen Sie eine Testperson aus.',
  chooseTrustLevel: 'Wählen Sie ein Vertrauensniveau aus.',
  // save and continue later
  resumeLater: 'Später weitermachen',
  linkSent: 'Link verschickt',
  linkSentText: (to: string, service: string) =>
    `Wir haben einen Link an ${to} geschickt. Mit ihm machen Sie mit „${service}“ weiter.`,
  answersSaved:
    'Ihre Angaben sind gespeichert. Wir schicken Ihnen einen Link, mit dem Sie später weitermachen.',
  email: 'E-Mail-Adresse',
  sendLink: 'Link schicken',
  // the e-mailed case link
  caseMessagesTitle: 'Nachrichten zu Ihrem Antrag',
  caseMessagesHeading: (service: string) => `${service}: Nachrichten zu Ihrem Antrag`,
  reference: 'Aktenzeichen',
  receivedAt: 'Eingegangen am',
  linkValidUntil: (until: string) => `Dieser Link gilt bis zum ${until}`,
  keepTheDecision:
    'Speichern Sie den Bescheid auf Ihrem Gerät. Geben Sie den Link nicht weiter: Wer ihn hat, sieht diese Nachrichten.',
};

export type CitizenTexts = typeof de;

const en: CitizenTexts = {
  logIn: 'Log in',
  logOut: 'Log out',
  postbox: 'Postbox',
  servicesTitle: 'Online services',
  servicesHeading: (tenant) => `Online services of ${tenant}`,
  servicesIntro: 'You can make these applications completely online.',
  progressBefore: 'How far the administration has come with its online services is shown on ',
  progressLink: 'the progress of the OZG',
  whatYouNeed: 'What you need',
  trustLevelNeeded: (level) => `a log-in with the trust level ${level}`,
  trustLevels: {
    none: 'none (no log-in)',
    basic: 'basic registration',
    substantial: 'substantial (for example an ELSTER certificate)',
    high: 'high (online ID card)',
  },
  fees: 'Fees',
  processingTime: 'Processing time',
  responsible: 'Responsible office',
  legalBasis: 'Legal basis',
  startNow: 'Start now',
  continue: 'Continue',
  draftNote: (until) =>
    `Your answers are saved after each page. You can continue later; if you change nothing, we delete them after ${until}.`,
  saveLater: 'Save and continue later',
  alreadyUploaded: (file) => `Already uploaded: ${file}. Choose a new file to replace it.`,
  removeFileOf: (label, item) => `Remove ${label} of ${item}`,
  removeFile: 'Remove file',
  removeFileNamed: (label, file) => ` – ${label} (“${file}”)`,
  fileRemoved: (file) => `The file “${file}” was removed.`,
  removeItem: (item) => `Remove ${item}`,
  addItem: (item) => `Add ${item}`,
  trustLevelTooLow: 'Higher trust level needed',
  trustLevelTooLowText: (service) =>
    `For “${service}” you need to log in with a higher trust level, for example with an ELSTER certificate or the online ID card.`,
  logInAgain: 'Log in again',
  checkTitle: 'Check your answers',
  checkHeading: 'Check your answers',
  noAnswer: 'Not given',
  computed: 'Calculated',
  toDeclaration: 'Continue to the declaration',
  declarationTitle: 'Declaration and sending',
  declarationIntro: (service) => `By sending, you make the application “${service}” binding.`,
  deliveryEmail: 'Email address for your decision',
  deliveryEmailHint: (days) =>
    `You are not logged in. So we send you messages about your application and the decision as a link to this address. Each link works for ${days} days.`,
  submit: 'Send application',
  sentTitle: 'Application sent',
  sentAlert: 'Your application has been sent',
  yourReference: 'Your reference number: ',
  sentHeading: (service) => `${service}: application sent`,
  receivedOn: (when) => `Received on ${when}.`,
  whatNext: 'What happens next?',
  byEmail: 'We check your application. You did not log in. So we send you an email for each message to ',
  byEmailLink: (days) =>
    `The email contains a link. With it you read the message and download the decision. The link works for ${days} days. The first email confirms that we received your application.`,
  toPostbox: 'We check your application. You get the decision in your ',
  receiptLink: 'Download the acknowledgement of receipt (PDF, in German)',
  postboxHeading: 'Your postbox',
  yourApplications: 'Your applications',
  noApplications: 'You have not made any applications yet.',
  status: 'Status',
  statuses: { submitted: 'Being processed', approved: 'Approved', rejected: 'Rejected' },
  messages: 'Messages',
  noMessages: 'No messages.',
  decisionLink: 'Download the decision (PDF, in German)',
  logInTitle: 'Log in (test)',
  devLoginWarning: 'Development feature: test log-in',
  devLoginText: 'This log-in is only for trying things out. In operation you log in with BundID.',
  whichPerson: 'Which test person do you want to log in as?',
  whichTrustLevel: 'With which trust level?',
  loginLevels: {
    basic: { label: 'Basic registration', hint: 'User name and password' },
    substantial: { label: 'Substantial', hint: 'for example an ELSTER certificate' },
    high: { label: 'High', hint: 'Online ID card' },
  },
  choosePerson: 'Select a test person.',
  chooseTrustLevel: 'Select a trust level.',
  resumeLater: 'Continue later',
  linkSent: 'Link sent',
  linkSentText: (to, service) => `We have sent a link to ${to}. With it you continue with “${service}”.`,
  answersSaved: 'Your answers are saved. We send you a link to continue later.',
  email: 'Email address',
  sendLink: 'Send link',
  caseMessagesTitle: 'Messages about your application',
  caseMessagesHeading: (service) => `${service}: messages about your application`,
  reference: 'Reference number',
  receivedAt: 'Received on',
  linkValidUntil: (until) => `This link works until ${until}`,
  keepTheDecision:
    'Save the decision on your device. Do not pass the link on: anyone who has it sees these messages.',
};

const TEXTS: Record<Locale, CitizenTexts> = { de, en };

export function citizenTexts(locale: Locale): CitizenTexts {
  return TEXTS[locale];
}
