/** DEV_LOGIN_LOAD_PERSONS: load tests sign in as many distinct citizens without a longer log-in page. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Client } from './helpers/client.ts';
import { FORM, loginCitizen } from './helpers/journey.ts';
import { startTestPlatform, type TestPlatform } from './helpers/platform.ts';

let platform: TestPlatform;
before(async () => {
  platform = await startTestPlatform({ devLoginLoadPersons: 3 });
});
after(() => platform.close());

test('each load person is a citizen of their own, up to the configured number', async () => {
  const third = new Client(platform.app);
  assert.equal((await loginCitizen(third, 'load-person-3')).headers.location, FORM);
  assert.doesNotMatch(third.lastPage, /load-person/, 'the log-in page lists only the test persons');
  const fourth = new Client(platform.app);
  assert.equal((await loginCitizen(fourth, 'load-person-4')).statusCode, 400);
});
