/** Errors raised by the web layer itself, each with a status and a plain German message. */
import type { Text } from '../forms/types.ts';

export class WebError extends Error {
  override name = 'WebError';
  constructor(
    readonly statusCode: number,
    readonly title: string,
    readonly text: Text,
  ) {
    super(text.en);
  }

  static csrf(): WebError {
    return new WebError(403, 'Sitzung abgelaufen', {
      de: 'Das Formular war abgelaufen oder stammt nicht von dieser Seite. Bitte laden Sie die Seite neu und versuchen Sie es noch einmal. Ihre bisher gespeicherten Angaben bleiben erhalten.',
      en: 'The form had expired or did not come from this site. Reload the page and try again. Your saved answers are kept.',
    });
  }

  static notFound(): WebError {
    return new WebError(404, 'Seite nicht gefunden', {
      de: 'Diese Seite gibt es nicht. Prüfen Sie die Adresse oder gehen Sie zur Startseite.',
      en: 'This page does not exist. Check the address or go to the start page.',
    });
  }

  static forbidden(): WebError {
    return new WebError(403, 'Keine Berechtigung', {
      de: 'Dafür fehlt Ihnen die Berechtigung, oder die Aktion ist in diesem Zustand nicht möglich.',
      en: 'You are not allowed to do this, or it is not possible in this state.',
    });
  }

  static devLoginDisabled(): WebError {
    return new WebError(404, 'Test-Anmeldung abgeschaltet', {
      de: 'Die Test-Anmeldung ist eine Entwicklungsfunktion und in dieser Umgebung abgeschaltet.',
      en: 'The test log-in is a development feature and is switched off here.',
    });
  }

  static badRequest(de: string, en: string): WebError {
    return new WebError(400, 'Ungültige Anfrage', { de, en });
  }
}
