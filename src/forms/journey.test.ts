import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadPackageFile } from '../packages/load.ts';
import {
  CHECK_ANSWERS,
  DECLARATION,
  firstIncompletePage,
  nextStep,
  previousStep,
  visibleAnswers,
} from './journey.ts';

const pkg = await loadPackageFile(
  join(import.meta.dirname, '..', '..', 'services', 'hundesteuer', 'package.yaml'),
);
const today = '2026-11-25';
const address = { street: 'Heidestraße', houseNumber: '17', postalCode: '12345', city: 'Musterstadt' };
const holder = { action: 'anmeldung', givenName: 'Erika', familyName: 'Mustermann', address };
const dog = {
  name: 'Bello',
  breed: 'Labrador',
  birthDate: '2022-03-12',
  keptSince: '2022-06-01',
  listed: false,
};

test('an empty draft starts at the first page', () => {
  assert.equal(firstIncompletePage(pkg, {}, today)?.def.id, 'vorgang');
});

test('registering leads through the dog pages; a skipped optional answer still counts as answered', () => {
  assert.equal(nextStep(pkg, 'vorgang', { action: 'anmeldung' }, today, false), 'halter');
  assert.equal(nextStep(pkg, 'halter', holder, today, false), 'hunde');
  assert.equal(nextStep(pkg, 'hunde', { ...holder, dogs: [dog] }, today, false), 'lastschrift');
  assert.equal(
    nextStep(pkg, 'lastschrift', { ...holder, dogs: [dog], directDebit: false }, today, false),
    CHECK_ANSWERS,
  );
});

test('a yes to direct debit opens the account page', () => {
  assert.equal(
    nextStep(pkg, 'lastschrift', { ...holder, dogs: [dog], directDebit: true }, today, false),
    'konto',
  );
});

test('deregistering skips every registration page', () => {
  const answers = { ...holder, action: 'abmeldung' };
  assert.equal(nextStep(pkg, 'halter', answers, today, false), 'abmeldung');
  assert.equal(previousStep(pkg, 'abmeldung', answers, today), 'halter');
});

test('coming from the summary returns to it, unless a page is now missing', () => {
  const complete = { ...holder, dogs: [dog], directDebit: false };
  assert.equal(nextStep(pkg, 'halter', complete, today, true), CHECK_ANSWERS);
  assert.equal(nextStep(pkg, 'lastschrift', { ...complete, directDebit: true }, today, true), 'konto');
});

test('back links follow the pages shown', () => {
  assert.equal(previousStep(pkg, 'vorgang', {}, today), undefined);
  assert.equal(previousStep(pkg, DECLARATION, {}, today), CHECK_ANSWERS);
  assert.equal(previousStep(pkg, CHECK_ANSWERS, { ...holder, directDebit: false }, today), 'lastschrift');
});

test('answers of a branch no longer shown are not submitted', () => {
  const answers = {
    ...holder,
    action: 'abmeldung',
    dogs: [dog],
    tagNumber: '4711',
    endDate: '2026-10-01',
    endReason: 'tod',
  };
  const kept = visibleAnswers(pkg, answers, today);
  assert.equal('dogs' in kept, false);
  assert.equal(kept.tagNumber, '4711');
});

test('after a page the next page shown follows, even one already answered', () => {
  assert.equal(nextStep(pkg, 'vorgang', { ...holder, dogs: [dog] }, today, false), 'halter');
});
