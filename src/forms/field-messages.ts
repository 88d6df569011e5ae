/** What to tell the citizen for each problem a format check reports; every message names the field. */
import type { Text } from './types.ts';

type Message = (label: string) => Text;
const m =
  (de: (l: string) => string, en: (l: string) => string): Message =>
  (label) => ({ de: de(label), en: en(label) });

export const problemMessages: Record<string, Record<string, Message>> = {
  iban: {
    format: m(
      (l) => `„${l}“: Geben Sie eine IBAN ein, zum Beispiel DE89 3704 0044 0532 0130 00.`,
      (l) => `“${l}”: enter an IBAN, for example DE89 3704 0044 0532 0130 00.`,
    ),
    country: m(
      (l) => `„${l}“: Diese IBAN gehört zu keinem Land im SEPA-Raum.`,
      (l) => `“${l}”: this IBAN does not belong to a SEPA country.`,
    ),
    length: m(
      (l) => `„${l}“: Die IBAN hat nicht die richtige Länge. Eine deutsche IBAN hat 22 Stellen.`,
      (l) => `“${l}”: the IBAN has the wrong length. A German IBAN has 22 characters.`,
    ),
    checksum: m(
      (l) => `„${l}“: Die IBAN enthält einen Tippfehler. Bitte prüfen Sie die Ziffern.`,
      (l) => `“${l}”: the IBAN contains a typing error. Please check the digits.`,
    ),
  },
  bic: {
    format: m(
      (l) => `„${l}“: Geben Sie eine BIC mit 8 oder 11 Zeichen ein, zum Beispiel COBADEFFXXX.`,
      (l) => `“${l}”: enter a BIC of 8 or 11 characters, for example COBADEFFXXX.`,
    ),
    country: m(
      (l) => `„${l}“: Die BIC enthält kein gültiges Länderkürzel.`,
      (l) => `“${l}”: the BIC contains no valid country code.`,
    ),
  },
  email: {
    default: m(
      (l) => `„${l}“: Geben Sie eine E-Mail-Adresse ein, zum Beispiel name@beispiel.de.`,
      (l) => `“${l}”: enter an email address, for example name@example.org.`,
    ),
  },
  phone: {
    default: m(
      (l) => `„${l}“: Geben Sie eine Telefonnummer mit Vorwahl ein, zum Beispiel 0123 456789.`,
      (l) => `“${l}”: enter a phone number with area code, for example 0123 456789.`,
    ),
  },
  taxId: {
    default: m(
      (l) =>
        `„${l}“: Geben Sie Ihre 11-stellige Steuer-Identifikationsnummer ein. Sie steht zum Beispiel auf Ihrem Steuerbescheid.`,
      (l) => `“${l}”: enter your 11-digit tax identification number. It is printed on your tax assessment.`,
    ),
    checksum: m(
      (l) => `„${l}“: Die Steuer-Identifikationsnummer enthält einen Tippfehler.`,
      (l) => `“${l}”: the tax identification number contains a typing error.`,
    ),
  },
  postalCode: {
    default: m(
      (l) => `„${l}“: Geben Sie genau 5 Ziffern ein, zum Beispiel 55116.`,
      (l) => `“${l}”: enter exactly 5 digits, for example 55116.`,
    ),
  },
  houseNumber: {
    default: m(
      (l) => `„${l}“: Geben Sie eine Hausnummer ein, zum Beispiel 12 oder 12a.`,
      (l) => `“${l}”: enter a house number, for example 12 or 12a.`,
    ),
  },
  vehicleRegistration: {
    default: m(
      (l) => `„${l}“: Geben Sie ein deutsches Kennzeichen ein, zum Beispiel MZ-AB 123.`,
      (l) => `“${l}”: enter a German registration number, for example MZ-AB 123.`,
    ),
  },
  date: {
    format: m(
      (l) => `„${l}“: Geben Sie ein Datum wie 24.12.2024 ein.`,
      (l) => `“${l}”: enter a date like 24.12.2024.`,
    ),
    invalid: m(
      (l) => `„${l}“: Dieses Datum gibt es nicht.`,
      (l) => `“${l}”: this date does not exist.`,
    ),
    tooEarly: m(
      (l) => `„${l}“: Das Datum liegt zu weit zurück.`,
      (l) => `“${l}”: the date is too far in the past.`,
    ),
    tooLate: m(
      (l) => `„${l}“: Das Datum darf nicht in der Zukunft liegen.`,
      (l) => `“${l}”: the date must not be in the future.`,
    ),
    notPast: m(
      (l) => `„${l}“: Das Datum darf nicht in der Zukunft liegen.`,
      (l) => `“${l}”: the date must not be in the future.`,
    ),
    notFuture: m(
      (l) => `„${l}“: Das Datum muss in der Zukunft liegen.`,
      (l) => `“${l}”: the date must be in the future.`,
    ),
  },
  number: {
    format: m(
      (l) => `„${l}“: Geben Sie eine Zahl ein, zum Beispiel 12 oder 12,5.`,
      (l) => `“${l}”: enter a number, for example 12 or 12.5.`,
    ),
    notInteger: m(
      (l) => `„${l}“: Geben Sie eine ganze Zahl ein.`,
      (l) => `“${l}”: enter a whole number.`,
    ),
    tooSmall: m(
      (l) => `„${l}“: Die Zahl ist zu klein.`,
      (l) => `“${l}”: the number is too small.`,
    ),
    tooLarge: m(
      (l) => `„${l}“: Die Zahl ist zu groß.`,
      (l) => `“${l}”: the number is too large.`,
    ),
  },
  money: {
    format: m(
      (l) => `„${l}“: Geben Sie einen Betrag in Euro ein, zum Beispiel 12,50.`,
      (l) => `“${l}”: enter an amount in euros, for example 12.50.`,
    ),
    decimals: m(
      (l) => `„${l}“: Geben Sie höchstens zwei Stellen nach dem Komma ein.`,
      (l) => `“${l}”: enter at most two decimal places.`,
    ),
    negative: m(
      (l) => `„${l}“: Der Betrag darf nicht negativ sein.`,
      (l) => `“${l}”: the amount must not be negative.`,
    ),
    tooSmall: m(
      (l) => `„${l}“: Der Betrag ist zu klein.`,
      (l) => `“${l}”: the amount is too small.`,
    ),
    tooLarge: m(
      (l) => `„${l}“: Der Betrag ist zu groß.`,
      (l) => `“${l}”: the amount is too large.`,
    ),
  },
  choice: {
    default: m(
      (l) => `„${l}“: Wählen Sie eine der Möglichkeiten aus.`,
      (l) => `“${l}”: select one of the options.`,
    ),
  },
  multiChoice: {
    default: m(
      (l) => `„${l}“: Wählen Sie passende Möglichkeiten aus.`,
      (l) => `“${l}”: select the options that apply.`,
    ),
  },
  yesNo: {
    default: m(
      (l) => `„${l}“: Wählen Sie Ja oder Nein.`,
      (l) => `“${l}”: select yes or no.`,
    ),
  },
  declaration: {
    default: m(
      (l) => `Bestätigen Sie: „${l}“`,
      (l) => `Please confirm: “${l}”`,
    ),
  },
  pattern: {},
};

export function problemMessage(kind: string, problem: string, label: string): Text {
  const table = problemMessages[kind] ?? {};
  const message = table[problem] ?? table.default ?? problemMessages.choice?.default;
  if (!message) throw new Error(`no message for ${kind}/${problem}`);
  return message(label);
}
