/** Validation messages in plain German and English; every message names its field. */
import type { Text } from './types.ts';

type Template = (label: string, detail?: string) => Text;

export const messages = {
  required: (label) => ({
    de: `Bitte füllen Sie das Feld „${label}“ aus.`,
    en: `Please fill in “${label}”.`,
  }),
  tooLong: (label, max) => ({
    de: `„${label}“ darf höchstens ${max} Zeichen lang sein.`,
    en: `“${label}” must be ${max} characters or fewer.`,
  }),
  tooShort: (label, min) => ({
    de: `„${label}“ muss mindestens ${min} Zeichen lang sein.`,
    en: `“${label}” must be at least ${min} characters long.`,
  }),
  postalCode: (label) => ({
    de: `„${label}“: Geben Sie genau 5 Ziffern ein, zum Beispiel 55116.`,
    en: `“${label}”: enter exactly 5 digits, for example 55116.`,
  }),
  houseNumber: (label) => ({
    de: `„${label}“: Geben Sie eine Hausnummer ein, zum Beispiel 12 oder 12a.`,
    en: `“${label}”: enter a house number, for example 12 or 12a.`,
  }),
  vehicleRegistration: (label) => ({
    de: `„${label}“: Geben Sie ein deutsches Kennzeichen ein, zum Beispiel MZ-AB 123.`,
    en: `“${label}”: enter a German registration number, for example MZ-AB 123.`,
  }),
  fileMissing: (label) => ({
    de: `Wählen Sie eine Datei für „${label}“ aus.`,
    en: `Select a file for “${label}”.`,
  }),
  fileType: (label, allowed) => ({
    de: `„${label}“: Die Datei muss ${allowed} sein. Die gewählte Datei hat ein anderes Format.`,
    en: `“${label}”: the file must be ${allowed}. The selected file has a different format.`,
  }),
  fileTooLarge: (label, max) => ({
    de: `„${label}“: Die Datei ist größer als ${max}. Wählen Sie eine kleinere Datei.`,
    en: `“${label}”: the file is larger than ${max}. Select a smaller file.`,
  }),
  fileInfected: (label) => ({
    de: `„${label}“: Die Datei enthält Schadsoftware und wurde nicht gespeichert. Wählen Sie eine andere Datei.`,
    en: `“${label}”: the file contains malware and was not stored. Select another file.`,
  }),
  // Without a filename when the upload's record is gone too (a repeating group's item carries only its id).
  fileGone: (label, filename) => ({
    de: `„${label}“: Die Datei${filename ? ` „${filename}“` : ''} ist nicht mehr vorhanden. Bitte laden Sie sie erneut hoch.`,
    en: `“${label}”: the file${filename ? ` “${filename}”` : ''} no longer exists. Please upload it again.`,
  }),
  declaration: () => ({
    de: 'Bestätigen Sie die Erklärung, um den Antrag abzusenden.',
    en: 'Confirm the declaration to send your application.',
  }),
} satisfies Record<string, Template>;
