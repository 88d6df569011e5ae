import assert from 'node:assert/strict';
import { test } from 'node:test';
import { draftExpiresAt } from './draft-expiry.ts';

test('a draft expires the given number of days after its last change', () => {
  assert.equal(
    draftExpiresAt(new Date('2026-11-25T10:00:00Z'), 30).toISOString(),
    '2026-12-25T10:00:00.000Z',
  );
});
