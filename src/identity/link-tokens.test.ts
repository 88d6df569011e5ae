import assert from 'node:assert/strict';
import { test } from 'node:test';
import { linkTokenHash, newLinkToken } from './link-tokens.ts';

test('a new token is 256 random bits in base64url, and its stored hash is found again', () => {
  const { token, hash } = newLinkToken();
  assert.match(token, /^[\w-]{43}$/);
  assert.notEqual(hash, token);
  assert.equal(linkTokenHash(token), hash);
  assert.notEqual(newLinkToken().token, token);
});

test('anything that cannot be a token has no hash (so no database query)', () => {
  for (const wrong of ['', 'kurz', `${'a'.repeat(42)}!`, 'a'.repeat(44), `${'a'.repeat(42)}/`])
    assert.equal(linkTokenHash(wrong), undefined, wrong);
});
