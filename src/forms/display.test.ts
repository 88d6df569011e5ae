import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isoDateInBerlin } from './display.ts';

test('the German date turns at local midnight, in winter and in summer time', () => {
  const cases: [string, string][] = [
    ['2026-01-15T22:59:59.999Z', '2026-01-15'],
    ['2026-01-15T23:00:00.000Z', '2026-01-16'],
    ['2026-07-15T21:59:59.999Z', '2026-07-15'],
    ['2026-07-15T22:00:00.000Z', '2026-07-16'],
    ['2026-03-29T00:59:59.999Z', '2026-03-29'],
    ['2026-10-24T22:00:00.000Z', '2026-10-25'],
  ];
  // Twice over, in an order that changes hour on every call and repeats one: the kept date never leaks.
  for (const [at, date] of [...cases, ...cases.toReversed()])
    assert.equal(isoDateInBerlin(new Date(at)), date, at);
  assert.equal(isoDateInBerlin(new Date('2026-07-15T22:30:00.000Z')), '2026-07-16');
  assert.equal(isoDateInBerlin(new Date('2026-07-15T21:30:00.000Z')), '2026-07-15');
});
