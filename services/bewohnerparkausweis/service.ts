/** Sample service: resident parking permit (LeiKa 99108001001000, Bewohnerparkausweis Erteilung). */
import type { ServiceDefinition } from '../../src/forms/types.ts';

export const bewohnerparkausweis: ServiceDefinition = {
  id: 'bewohnerparkausweis',
  version: '1',
  referencePrefix: 'BPA',
  title: { de: 'Bewohnerparkausweis beantragen', en: 'Apply for a resident parking permit' },
  summary: {
    de: 'Mit einem Bewohnerparkausweis dürfen Sie in Ihrer Bewohnerparkzone parken.',
    en: 'A resident parking permit lets you park in your residents’ parking zone.',
  },
  leikaKeys: ['99108001001000'],
  requiredTrustLevel: 'substantial',
  startPage: {
    whatYouNeed: [
      {
        de: 'Ihren Namen und Ihre Anschrift in der Bewohnerparkzone',
        en: 'Your name and address in the parking zone',
      },
      { de: 'das Kennzeichen Ihres Fahrzeugs', en: 'your vehicle’s registration number' },
      {
        de: 'die Zulassungsbescheinigung Teil I (Fahrzeugschein) als PDF, JPEG oder PNG, höchstens 10 MB',
        en: 'the vehicle registration certificate part I as PDF, JPEG or PNG, at most 10 MB',
      },
    ],
    cost: { de: '30,70 Euro für ein Jahr', en: 'EUR 30.70 for one year' },
    duration: { de: 'in der Regel 2 Wochen', en: 'usually 2 weeks' },
    legalBasis: {
      de: '§ 45 Absatz 1b Satz 1 Nummer 2a Straßenverkehrs-Ordnung (StVO)',
      en: 'Section 45(1b) sentence 1 no. 2a Road Traffic Regulations (StVO)',
    },
  },
  pages: [
    {
      id: 'name',
      title: { de: 'Wie heißen Sie?', en: 'What is your name?' },
      fields: [
        {
          kind: 'text',
          name: 'givenName',
          label: { de: 'Vorname', en: 'Given name' },
          maxLength: 100,
          autocomplete: 'given-name',
        },
        {
          kind: 'text',
          name: 'familyName',
          label: { de: 'Nachname', en: 'Family name' },
          maxLength: 100,
          autocomplete: 'family-name',
        },
      ],
    },
    {
      id: 'anschrift',
      title: { de: 'Wo wohnen Sie?', en: 'Where do you live?' },
      fields: [
        {
          kind: 'text',
          name: 'street',
          label: { de: 'Straße', en: 'Street' },
          maxLength: 100,
          autocomplete: 'address-line1',
        },
        {
          kind: 'text',
          name: 'houseNumber',
          label: { de: 'Hausnummer', en: 'House number' },
          maxLength: 12,
          width: 'short',
          format: 'houseNumber',
        },
        {
          kind: 'text',
          name: 'postalCode',
          label: { de: 'Postleitzahl', en: 'Postcode' },
          maxLength: 5,
          width: 'short',
          format: 'postalCode',
          autocomplete: 'postal-code',
        },
        {
          kind: 'text',
          name: 'city',
          label: { de: 'Ort', en: 'Town' },
          maxLength: 100,
          autocomplete: 'address-level2',
        },
      ],
    },
    {
      id: 'fahrzeug',
      title: {
        de: 'Welches Kennzeichen hat Ihr Fahrzeug?',
        en: 'What is your vehicle’s registration number?',
      },
      fields: [
        {
          kind: 'text',
          name: 'vehicleRegistration',
          label: { de: 'Kennzeichen', en: 'Registration number' },
          hint: { de: 'Zum Beispiel MZ-AB 123', en: 'For example MZ-AB 123' },
          maxLength: 12,
          width: 'medium',
          format: 'vehicleRegistration',
        },
      ],
    },
    {
      id: 'fahrzeugschein',
      title: {
        de: 'Laden Sie Ihren Fahrzeugschein hoch',
        en: 'Upload your vehicle registration certificate',
      },
      fields: [
        {
          kind: 'file',
          name: 'registrationCertificate',
          label: { de: 'Fahrzeugschein', en: 'Vehicle registration certificate' },
          hint: {
            de: 'Zulassungsbescheinigung Teil I als PDF, JPEG oder PNG, höchstens 10 MB',
            en: 'Registration certificate part I as PDF, JPEG or PNG, at most 10 MB',
          },
          mediaTypes: ['application/pdf', 'image/jpeg', 'image/png'],
        },
      ],
    },
  ],
  declaration: {
    kind: 'declaration',
    name: 'declaration',
    label: {
      de: 'Ich versichere, dass meine Angaben richtig und vollständig sind.',
      en: 'I confirm that my answers are correct and complete.',
    },
  },
  applicantNameFields: ['givenName', 'familyName'],
  decision: {
    approvedTenor: {
      de: 'Ihr Antrag auf einen Bewohnerparkausweis wird genehmigt. Der Ausweis gilt ein Jahr ab dem Datum dieses Bescheids.',
      en: 'Your application for a resident parking permit is approved. The permit is valid for one year from the date of this decision.',
    },
    rejectedTenor: {
      de: 'Ihr Antrag auf einen Bewohnerparkausweis wird abgelehnt.',
      en: 'Your application for a resident parking permit is rejected.',
    },
    legalRemedy: {
      de: 'Gegen diesen Bescheid können Sie innerhalb eines Monats nach Bekanntgabe Widerspruch erheben. Der Widerspruch ist schriftlich, in elektronischer Form nach § 3a Absatz 2 Verwaltungsverfahrensgesetz oder zur Niederschrift bei {authority} zu erheben.',
      en: 'You may lodge an objection against this decision within one month of its notification, in writing, electronically under section 3a(2) of the Administrative Procedure Act, or in person at {authority}.',
    },
  },
};
