import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDate, formatDateTime } from './format-date.ts';

test('formats dates in German notation in Berlin time, whatever the server zone', () => {
  assert.equal(formatDate(new Date('2026-11-25T10:00:00Z')), '25.11.2026');
  // 23:30 UTC in winter is already the next day in Berlin (UTC+1).
  assert.equal(formatDate(new Date('2026-11-24T23:30:00Z')), '25.11.2026');
});

test('formats date and time with daylight saving time', () => {
  assert.equal(formatDateTime(new Date('2026-07-01T22:30:00Z')), '02.07.2026, 00:30 Uhr');
  assert.equal(formatDateTime(new Date('2026-01-05T08:07:00Z')), '05.01.2026, 09:07 Uhr');
});
