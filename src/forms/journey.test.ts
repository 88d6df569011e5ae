import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bewohnerparkausweis as service } from '../../services/bewohnerparkausweis/service.ts';
import {
  CHECK_ANSWERS,
  DECLARATION,
  findPage,
  firstIncompletePage,
  isPageComplete,
  nextStep,
  previousStep,
} from './journey.ts';
import type { FileAnswer, PageDef } from './types.ts';

const certificate: FileAnswer = {
  documentId: '5b0c6f4e-3f0a-4c8e-9a55-0d7f2b0c1a11',
  filename: 'schein.pdf',
  mediaType: 'application/pdf',
  sizeBytes: 1234,
};

const answersFor = {
  name: { givenName: 'Erika', familyName: 'Mustermann' },
  anschrift: { street: 'Heidestraße', houseNumber: '17', postalCode: '55116', city: 'Mainz' },
  fahrzeug: { vehicleRegistration: 'MZ-AB 123' },
  fahrzeugschein: { registrationCertificate: certificate },
};
const complete = {
  ...answersFor.name,
  ...answersFor.anschrift,
  ...answersFor.fahrzeug,
  ...answersFor.fahrzeugschein,
};

function page(id: string): PageDef {
  const found = findPage(service, id);
  assert.ok(found, `sample service has page ${id}`);
  return found;
}

test('the sample service has the pages these tests walk through', () => {
  assert.deepEqual(
    service.pages.map((p) => p.id),
    ['name', 'anschrift', 'fahrzeug', 'fahrzeugschein'],
  );
  assert.equal(findPage(service, 'unbekannt'), undefined);
});

describe('isPageComplete', () => {
  test('a text page needs every required field as a non-empty string', () => {
    assert.equal(isPageComplete(page('name'), answersFor.name), true);
    assert.equal(isPageComplete(page('name'), { givenName: 'Erika' }), false);
    assert.equal(isPageComplete(page('name'), { givenName: 'Erika', familyName: '' }), false);
    assert.equal(isPageComplete(page('name'), { givenName: 'Erika', familyName: 42 }), false);
  });

  test('a file page needs a stored file answer, not a string or null', () => {
    const upload = page('fahrzeugschein');
    assert.equal(isPageComplete(upload, { registrationCertificate: certificate }), true);
    assert.equal(isPageComplete(upload, {}), false);
    assert.equal(isPageComplete(upload, { registrationCertificate: 'schein.pdf' }), false);
    assert.equal(isPageComplete(upload, { registrationCertificate: null }), false);
  });

  test('a file answer does not complete a text field', () => {
    assert.equal(isPageComplete(page('fahrzeug'), { vehicleRegistration: certificate }), false);
  });

  test('optional fields never hold a page back', () => {
    const withOptional: PageDef = {
      id: 'zusatz',
      title: { de: 'Zusatz', en: 'Extra' },
      fields: [
        { kind: 'text', name: 'note', label: { de: 'Hinweis', en: 'Note' }, maxLength: 10, optional: true },
        {
          kind: 'file',
          name: 'proof',
          label: { de: 'Nachweis', en: 'Proof' },
          mediaTypes: [],
          optional: true,
        },
      ],
    };
    assert.equal(isPageComplete(withOptional, {}), true);
  });
});

describe('firstIncompletePage', () => {
  test('starts with the first page when nothing is answered', () => {
    assert.equal(firstIncompletePage(service, {})?.id, 'name');
  });

  test('finds a gap in the middle', () => {
    const answers = { ...answersFor.name, ...answersFor.fahrzeug, ...answersFor.fahrzeugschein };
    assert.equal(firstIncompletePage(service, answers)?.id, 'anschrift');
  });

  test('is undefined when everything, including the file, is answered', () => {
    assert.equal(firstIncompletePage(service, complete), undefined);
    const { registrationCertificate: _, ...withoutFile } = complete;
    assert.equal(firstIncompletePage(service, withoutFile)?.id, 'fahrzeugschein');
  });
});

describe('nextStep', () => {
  test('goes to the following page while it is unanswered', () => {
    assert.equal(nextStep(service, 'name', answersFor.name, false), 'anschrift');
    assert.equal(
      nextStep(service, 'anschrift', { ...answersFor.name, ...answersFor.anschrift }, false),
      'fahrzeug',
    );
  });

  test('skips pages that are already answered', () => {
    const answers = { ...answersFor.name, ...answersFor.anschrift, ...answersFor.fahrzeug };
    assert.equal(nextStep(service, 'name', answers, false), 'fahrzeugschein');
  });

  test('goes back to an earlier gap when every later page is answered', () => {
    const { givenName: _, ...answers } = complete;
    assert.equal(nextStep(service, 'fahrzeugschein', answers, false), 'name');
  });

  test('goes to check your answers when everything is answered', () => {
    assert.equal(nextStep(service, 'name', complete, false), CHECK_ANSWERS);
    assert.equal(nextStep(service, 'fahrzeugschein', complete, false), CHECK_ANSWERS);
  });

  test('from the summary it always returns to the summary', () => {
    assert.equal(nextStep(service, 'anschrift', complete, true), CHECK_ANSWERS);
    assert.equal(nextStep(service, 'name', answersFor.name, true), 'pruefen');
  });
});

describe('previousStep', () => {
  test('the first question has no previous page (the back link goes to the start page)', () => {
    assert.equal(previousStep(service, 'name'), undefined);
  });

  test('each question goes back to the one before it', () => {
    assert.equal(previousStep(service, 'anschrift'), 'name');
    assert.equal(previousStep(service, 'fahrzeugschein'), 'fahrzeug');
  });

  test('the summary goes back to the last question, the declaration to the summary', () => {
    assert.equal(previousStep(service, CHECK_ANSWERS), 'fahrzeugschein');
    assert.equal(previousStep(service, DECLARATION), CHECK_ANSWERS);
  });

  test('an unknown page has no previous page', () => {
    assert.equal(previousStep(service, 'unbekannt'), undefined);
  });
});
