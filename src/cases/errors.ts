/** Errors of the cases domain: a code, an HTTP status and a plain German/English message. */
import type { Text } from '../forms/types.ts';

export class CaseError extends Error {
  override name = 'CaseError';
  constructor(
    readonly code: string,
    readonly statusCode: number,
    readonly text: Text,
  ) {
    super(`${code}: ${text.en}`);
  }
}

export const caseNotFound = () =>
  new CaseError('CASE_NOT_FOUND', 404, {
    de: 'Diesen Vorgang gibt es nicht oder Sie dürfen ihn nicht sehen.',
    en: 'This case does not exist or you may not see it.',
  });

export const caseChanged = () =>
  new CaseError('CASE_CHANGED', 409, {
    de: 'Der Vorgang wurde inzwischen geändert oder bereits entschieden. Bitte laden Sie die Seite neu und prüfen Sie den aktuellen Stand.',
    en: 'The case was changed or decided in the meantime. Reload the page and check its current state.',
  });

export const draftMissing = () =>
  new CaseError('DRAFT_MISSING', 409, {
    de: 'Es gibt keinen offenen Antrag mehr. Vielleicht wurde er bereits abgeschickt – schauen Sie in Ihr Postfach.',
    en: 'There is no open application any more. It may already have been sent – check your postbox.',
  });

export const draftIncomplete = () =>
  new CaseError('DRAFT_INCOMPLETE', 409, {
    de: 'Ihr Antrag ist noch nicht vollständig. Bitte beantworten Sie alle Fragen und prüfen Sie Ihre Angaben, bevor Sie ihn absenden.',
    en: 'Your application is not complete yet. Answer every question and check your answers before sending it.',
  });

export const deliveryAddressMissing = () =>
  new CaseError('DELIVERY_ADDRESS_MISSING', 400, {
    de: 'Ohne Anmeldung brauchen wir Ihre E-Mail-Adresse: Dorthin schicken wir den Link zu Ihrem Bescheid.',
    en: 'Without log-in we need your email address: the link to your decision is sent there.',
  });

export const notAllowed = () =>
  new CaseError('NOT_ALLOWED', 403, {
    de: 'Dafür fehlt Ihnen die Berechtigung.',
    en: 'You are not allowed to do this.',
  });

/** Files the application's answers name but the draft no longer has (see submitApplication). */
export const uploadsGone = (filenames: readonly string[]) => {
  const one = filenames.length === 1;
  const de = filenames.map((name) => `„${name}“`).join(', ');
  const en = filenames.map((name) => `“${name}”`).join(', ');
  return new CaseError('UPLOADS_GONE', 409, {
    de: `Ihr Antrag wurde nicht abgeschickt: ${one ? 'Die Datei' : 'Die Dateien'} ${de} ${one ? 'ist' : 'sind'} nicht mehr vorhanden. Bitte laden Sie sie erneut hoch (über „Angaben prüfen“ kommen Sie zur Frage) und senden Sie den Antrag dann ab.`,
    en: `Your application was not sent: ${one ? 'the file' : 'the files'} ${en} no longer ${one ? 'exists' : 'exist'}. Please upload ${one ? 'it' : 'them'} again (“Check your answers” takes you to the question) and then send the application.`,
  });
};
