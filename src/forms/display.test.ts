import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  formatDateTime,
  formatFileSize,
  formatIsoDate,
  formatLongDate,
  isoDateInBerlin,
  localize,
  plainMoney,
} from './display.ts';

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

test('English pages get British dates and numbers, German ones stay German', () => {
  const at = new Date('2026-12-25T13:30:00.000Z');
  assert.equal(formatLongDate(at), '25. Dezember 2026');
  assert.equal(formatLongDate(at, 'en'), '25 December 2026');
  assert.equal(formatDateTime(at, 'de'), '25.12.2026, 14:30');
  assert.equal(formatDateTime(at, 'en'), '25 Dec 2026, 14:30');
  assert.equal(formatIsoDate('2026-12-25'), '25.12.2026');
  assert.equal(formatIsoDate('2026-12-25', 'en'), '25/12/2026');
  assert.equal(plainMoney(123456), '1.234,56 €');
  assert.equal(plainMoney(123456, 'en'), '€1,234.56');
  assert.equal(formatFileSize(1_572_864, 'de'), '1,5 MB');
  assert.equal(formatFileSize(1_572_864, 'en'), '1.5 MB');
});

test('a package text in English where it has one, else in German', () => {
  assert.equal(localize({ de: 'Vorname', en: 'Given name' }, 'en'), 'Given name');
  assert.equal(localize({ de: 'Vorname' }, 'en'), 'Vorname');
  assert.equal(localize({ de: 'Vorname', en: 'Given name' }, 'de'), 'Vorname');
});
