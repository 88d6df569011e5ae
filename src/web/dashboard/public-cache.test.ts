import assert from 'node:assert/strict';
import { test } from 'node:test';
import { publicResponseCache } from './public-cache.ts';

test('a response is computed once per key while it is fresh, again after it expired', async () => {
  let clock = 0;
  let computed = 0;
  const body = publicResponseCache(() => new Date(clock), 60_000);
  const produce = async () => `Stand ${++computed}`;
  const [first, concurrent] = await Promise.all([
    body('page', 'text/html', produce),
    body('page', 'text/html', produce),
  ]);
  assert.equal(first.body, 'Stand 1');
  assert.equal(concurrent, first, 'a request during the computation shares it');
  clock = 59_999;
  assert.equal((await body('page', 'text/html', produce)).body, 'Stand 1');
  assert.equal((await body('json', 'application/json', produce)).body, 'Stand 2', 'keys are separate');
  clock = 60_000;
  const later = await body('page', 'text/html', produce);
  assert.equal(later.body, 'Stand 3');
  assert.notEqual(later.etag, first.etag, 'the ETag follows the body');
  assert.match(later.etag, /^"[\w-]{27}"$/);
});

test('a failed computation is not kept', async () => {
  const body = publicResponseCache(() => new Date(0), 60_000);
  await assert.rejects(body('page', 'text/html', async () => Promise.reject(new Error('database down'))));
  assert.equal((await body('page', 'text/html', async () => 'ok')).body, 'ok');
});
