/** Errors raised by the web layer itself, each with a status, a title and a plain message in German and English. */
import type { Text } from '../forms/types.ts';

export class WebError extends Error {
  override name = 'WebError';
  constructor(
    readonly statusCode: number,
    readonly title: Text,
    readonly text: Text,
  ) {
    super(text.en);
  }

  static csrf(): WebError {
    return new WebError(
      403,
      { de: 'Sitzung abgelaufen', en: 'Session expired' },
      {
        de: 'Das Formular war abgelaufen oder stammt nicht von dieser Seite. Bitte laden Sie die Seite neu und versuchen Sie es noch einmal. Ihre bisher gespeicherten Angaben bleiben erhalten.',
        en: 'The form had expired or did not come from this site. Reload the page and try again. Your saved answers are kept.',
      },
    );
  }

  static notFound(): WebError {
    return new WebError(
      404,
      { de: 'Seite nicht gefunden', en: 'Page not found' },
      {
        de: 'Diese Seite gibt es nicht. Prüfen Sie die Adresse oder gehen Sie zur Startseite.',
        en: 'This page does not exist. Check the address or go to the start page.',
      },
    );
  }

  static forbidden(): WebError {
    return new WebError(
      403,
      { de: 'Keine Berechtigung', en: 'Not allowed' },
      {
        de: 'Dafür fehlt Ihnen die Berechtigung, oder die Aktion ist in diesem Zustand nicht möglich.',
        en: 'You are not allowed to do this, or it is not possible in this state.',
      },
    );
  }

  static devLoginDisabled(): WebError {
    return new WebError(
      404,
      { de: 'Test-Anmeldung abgeschaltet', en: 'Test log-in switched off' },
      {
        de: 'Die Test-Anmeldung ist eine Entwicklungsfunktion und in dieser Umgebung abgeschaltet.',
        en: 'The test log-in is a development feature and is switched off here.',
      },
    );
  }

  static badRequest(de: string, en: string): WebError {
    return new WebError(400, { de: 'Ungültige Anfrage', en: 'Invalid request' }, { de, en });
  }
}
