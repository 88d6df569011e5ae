import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FormReader } from './form-reader.ts';

const TODAY = '2025-06-15';
const reader = (body: Record<string, unknown>) => new FormReader(body, TODAY);

describe('FormReader.month', () => {
  it('reads "03.2025", "3/2025", "2025-03" and "2025-3" as the first of the month', () => {
    for (const typed of ['03.2025', '3.2025', '3/2025', '03/2025', '2025-03', '2025-3', ' 03.2025 ']) {
      const form = reader({ month: typed });
      assert.equal(form.month('month', 'Monat'), '2025-03-01', typed);
      assert.deepEqual(form.errors, [], typed);
    }
  });

  it('accepts the current month although its first day is not "today"', () => {
    const form = reader({ month: '06.2025' });
    assert.equal(form.month('month', 'Monat'), '2025-06-01');
    assert.deepEqual(form.errors, []);
  });

  it('refuses a future month, an impossible month, other formats and an empty value', () => {
    for (const typed of [
      '07.2025',
      '2026-01',
      '13.2025',
      '00.2025',
      '2025-13',
      '03.25',
      '2025/03',
      'März 2025',
      '',
    ]) {
      const form = reader({ month: typed });
      assert.equal(form.month('month', 'Monat'), null, typed);
      assert.deepEqual(
        form.errors,
        [
          {
            field: 'month',
            message: '„Monat“ muss ein vergangener oder der laufende Monat sein, zum Beispiel 03.2025.',
          },
        ],
        typed,
      );
    }
  });

  it('refuses a month before 1990', () => {
    const form = reader({ month: '12.1989' });
    assert.equal(form.month('month', 'Monat'), null);
    assert.equal(form.errors.length, 1);
  });
});

describe('FormReader.integer', () => {
  it('accepts the bounds and German number formats', () => {
    const form = reader({ low: '0', high: '1.000', spaced: ' 12 ', zeroFraction: '12,0' });
    assert.equal(form.integer('low', 'Niedrig', 0, 1000), 0);
    assert.equal(form.integer('high', 'Hoch', 0, 1000), 1000);
    assert.equal(form.integer('spaced', 'Mit Leerzeichen', 0, 1000), 12);
    assert.equal(form.integer('zeroFraction', 'Mit Komma', 0, 1000), 12);
    assert.deepEqual(form.errors, []);
  });

  it('refuses values outside the bounds and fractions, naming the range in German', () => {
    for (const typed of ['-1', '1001', '2,5', 'zehn']) {
      const form = reader({ n: typed });
      assert.equal(form.integer('n', 'Anzahl', 0, 1000), null, typed);
      assert.deepEqual(
        form.errors,
        [{ field: 'n', message: '„Anzahl“ muss eine ganze Zahl von 0 bis 1.000 sein.' }],
        typed,
      );
    }
  });

  it('an empty value is an error only when required', () => {
    const form = reader({ a: '', b: '' });
    assert.equal(form.integer('a', 'Pflicht', 0, 10), null);
    assert.equal(form.integer('b', 'Freiwillig', 0, 10, false), null);
    assert.deepEqual(form.errors, [{ field: 'a', message: 'Geben Sie „Pflicht“ als ganze Zahl ein.' }]);
  });
});

describe('FormReader.url', () => {
  it('accepts http and https addresses', () => {
    const form = reader({ a: 'https://example.de/antrag?x=1', b: 'http://example.de' });
    assert.equal(form.url('a', 'Adresse'), 'https://example.de/antrag?x=1');
    assert.equal(form.url('b', 'Adresse'), 'http://example.de/');
    assert.deepEqual(form.errors, []);
  });

  it('refuses javascript:, data:, other schemes and text that is no address', () => {
    for (const typed of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'data:text/html,<b>x</b>',
      'ftp://example.de',
      'www.example.de',
    ]) {
      const form = reader({ url: typed });
      assert.equal(form.url('url', 'Adresse'), null, typed);
      assert.deepEqual(
        form.errors.map((e) => e.field),
        ['url'],
        typed,
      );
    }
  });

  it('an empty address is null and no error', () => {
    const form = reader({});
    assert.equal(form.url('url', 'Adresse'), null);
    assert.deepEqual(form.errors, []);
  });
});

describe('FormReader.date', () => {
  it('reads German and ISO dates and refuses the future only when asked', () => {
    const form = reader({ a: '1.3.2024', b: '2025-06-16', c: '2025-06-16' });
    assert.equal(form.date('a', 'A', { notAfterToday: true }), '2024-03-01');
    assert.equal(form.date('b', 'B'), '2025-06-16');
    assert.equal(form.date('c', 'C', { notAfterToday: true }), null);
    assert.deepEqual(form.errors, [{ field: 'c', message: '„C“ darf nicht in der Zukunft liegen.' }]);
  });

  it('refuses a missing date and a date before 1990', () => {
    const form = reader({ old: '31.12.1989' });
    assert.equal(form.date('missing', 'Fehlt'), null);
    assert.equal(form.date('old', 'Alt'), null);
    assert.deepEqual(
      form.errors.map((e) => e.field),
      ['missing', 'old'],
    );
    assert.match(form.errors[0]?.message ?? '', /^Geben Sie „Fehlt“ ein/);
  });
});

describe('FormReader.euros', () => {
  it('reads euros as cents; empty is null, or an error when required', () => {
    const form = reader({ a: '1.200,50 €', b: '', c: '' });
    assert.equal(form.euros('a', 'A'), 120050);
    assert.equal(form.euros('b', 'B'), null);
    assert.equal(form.euros('c', 'C', true), null);
    assert.deepEqual(
      form.errors.map((e) => e.field),
      ['c'],
    );
  });

  it('refuses negative amounts', () => {
    const form = reader({ a: '-1,00' });
    assert.equal(form.euros('a', 'A'), null);
    assert.equal(form.errors.length, 1);
  });
});

describe('FormReader.text, note, required, choice', () => {
  it('text folds whitespace to one line; note keeps line breaks; both refuse more than 2000 characters', () => {
    const form = reader({ t: ' a \n b ', n: ' a\nb ', long: 'x'.repeat(2001), longNote: 'y'.repeat(2001) });
    assert.equal(form.text('t', 'T'), 'a b');
    assert.equal(form.note('n', 'N'), 'a\nb');
    form.text('long', 'Lang');
    form.note('longNote', 'Notiz');
    assert.deepEqual(
      form.errors.map((e) => e.field),
      ['long', 'longNote'],
    );
    assert.equal(reader({ n: '  \n ' }).note('n', 'N'), null);
  });

  it('required takes its own message, and reports a field only once', () => {
    const form = reader({ r: '' });
    assert.equal(form.required('r', 'Name', 'Bitte Namen eingeben.'), '');
    form.fail('r', 'Zweite Meldung');
    assert.deepEqual(form.errors, [{ field: 'r', message: 'Bitte Namen eingeben.' }]);
  });

  it('choice accepts only the listed keys', () => {
    const form = reader({ ok: 'b', bad: 'd' });
    assert.equal(form.choice('ok', ['a', 'b'], 'Wählen'), 'b');
    assert.equal(form.choice('bad', ['a', 'b'], 'Wählen Sie a oder b.'), '');
    assert.deepEqual(form.errors, [{ field: 'bad', message: 'Wählen Sie a oder b.' }]);
  });
});
