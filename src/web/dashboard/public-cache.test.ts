import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ttlCache, withEtag } from './public-cache.ts';

test('a result is computed once per key while it is fresh, again after it expired', async () => {
  let clock = 0;
  let computed = 0;
  const cached = ttlCache(() => new Date(clock), 60_000);
  const produce = async () => `Stand ${++computed}`;
  const [first, concurrent] = await Promise.all([cached('page', produce), cached('page', produce)]);
  assert.equal(first, 'Stand 1');
  assert.equal(concurrent, 'Stand 1', 'a request during the computation shares it');
  clock = 59_999;
  assert.equal(await cached('page', produce), 'Stand 1');
  assert.equal(await cached('json', produce), 'Stand 2', 'keys are separate');
  clock = 60_000;
  assert.equal(await cached('page', produce), 'Stand 3');
  assert.equal(computed, 3);
});

test('a failed computation is not kept', async () => {
  const cached = ttlCache(() => new Date(0), 60_000);
  await assert.rejects(cached('page', async () => Promise.reject(new Error('database down'))));
  assert.equal(await cached('page', async () => 'ok'), 'ok');
});

test('the ETag follows the body', () => {
  const a = withEtag('text/html', 'Stand 1');
  assert.match(a.etag, /^"[\w-]{27}"$/);
  assert.equal(withEtag('text/html', 'Stand 1').etag, a.etag);
  assert.notEqual(withEtag('text/html', 'Stand 2').etag, a.etag);
});
