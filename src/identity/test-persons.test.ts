import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findTestPerson } from './test-persons.ts';

test('load persons exist only up to the configured number', () => {
  assert.equal(findTestPerson('test-erika-mustermann')?.givenName, 'Erika');
  assert.equal(findTestPerson('load-person-1'), undefined);
  assert.equal(findTestPerson('load-person-50', 50)?.id, 'load-person-50');
  for (const id of ['load-person-51', 'load-person-0', 'load-person-01', 'load-person-', 'load-person-1x'])
    assert.equal(findTestPerson(id, 50), undefined, id);
});
