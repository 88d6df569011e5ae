import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { checkEmail } from './email.ts';

describe('checkEmail', () => {
  test('accepts everyday addresses', () => {
    for (const email of [
      'erika.mustermann@example.de',
      'e@x.de',
      'user+newsletter@sub.example.co.uk',
      "o'neil@example.ie",
      'info_2024@stadt-mainz.de',
      'a!#$%&*/=?^`{|}~-@example.org',
      'poststelle@123.de',
    ]) {
      assert.deepEqual(checkEmail(email), { ok: true, value: email }, email);
    }
  });

  test('lower-cases the domain only: the local part may be case-sensitive (RFC 5321 § 2.4)', () => {
    assert.deepEqual(checkEmail('Erika.Mustermann@EXAMPLE.De'), {
      ok: true,
      value: 'Erika.Mustermann@example.de',
    });
  });

  test('trims spaces, NBSP and line breaks around the address', () => {
    assert.deepEqual(checkEmail('  a@b.de\u00a0\n'), { ok: true, value: 'a@b.de' });
  });

  test('accepts internationalised domains, in Unicode or as A-labels', () => {
    assert.deepEqual(checkEmail('info@MÜLLER.de'), { ok: true, value: 'info@müller.de' });
    assert.deepEqual(checkEmail('info@mu\u0308ller.de'), { ok: true, value: 'info@müller.de' }); // NFC
    assert.deepEqual(checkEmail('info@xn--mller-kva.de'), { ok: true, value: 'info@xn--mller-kva.de' });
    assert.deepEqual(checkEmail('info@пример.рф'), { ok: true, value: 'info@пример.рф' });
    assert.deepEqual(checkEmail('info@example.xn--p1ai'), { ok: true, value: 'info@example.xn--p1ai' });
  });

  test('no "@", several, spaces inside or an empty side is a format problem', () => {
    for (const raw of [
      '',
      'erika',
      'erika@',
      '@example.de',
      'a@@b.de',
      'a@b@c.de',
      'erika @example.de',
      'erika@exa mple.de',
      'a\u00a0b@c.de',
    ]) {
      assert.deepEqual(checkEmail(raw), { ok: false, problem: 'format' }, raw);
    }
  });

  test('dots at the edges or doubled, quotes and non-ASCII letters are local-part problems', () => {
    for (const raw of [
      '.erika@example.de',
      'erika.@example.de',
      'erika..m@example.de',
      '"erika"@example.de',
      'jürgen@example.de',
      'a(b)@example.de',
      'a,b@example.de',
    ]) {
      assert.deepEqual(checkEmail(raw), { ok: false, problem: 'localPart' }, raw);
    }
  });

  test('the local part holds at most 64 characters (RFC 5321 § 4.5.3.1.1)', () => {
    assert.equal(checkEmail(`${'a'.repeat(64)}@example.de`).ok, true);
    assert.deepEqual(checkEmail(`${'a'.repeat(65)}@example.de`), { ok: false, problem: 'localPart' });
  });

  test('a domain needs two valid labels and a top-level domain that is not numeric', () => {
    for (const raw of [
      'a@localhost',
      'a@example.',
      'a@.example.de',
      'a@example..de',
      'a@-example.de',
      'a@example-.de',
      'a@exa_mple.de',
      'a@example.d',
      'a@example.123',
      'a@192.168.0.1',
      'a@[192.168.0.1]',
      'a@example.de.',
      `a@${'b'.repeat(64)}.de`,
    ]) {
      assert.deepEqual(checkEmail(raw), { ok: false, problem: 'domain' }, raw);
    }
    assert.equal(checkEmail(`a@${'b'.repeat(63)}.de`).ok, true);
  });

  test('a domain has at most 253 characters, the whole address at most 254', () => {
    const label = 'b'.repeat(63);
    assert.deepEqual(checkEmail(`a@${[label, label, label, label].join('.')}.de`), {
      ok: false,
      problem: 'domain',
    });
    const domain190 = `${[label, label].join('.')}.${'c'.repeat(60)}.de`;
    assert.equal(`a@${domain190}`.length < 254, true);
    assert.equal(checkEmail(`a@${domain190}`).ok, true);
    assert.deepEqual(checkEmail(`${'a'.repeat(64)}@${domain190}`), { ok: false, problem: 'tooLong' });
  });

  test('property: a valid address stays valid with another case in the domain, and the value is stable', () => {
    const atext = fc.string({
      unit: fc.constantFrom(...'abcXYZ019!#$%&*+/=?^_`{|}~-'),
      minLength: 1,
      maxLength: 10,
    });
    const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,8}[a-z0-9])?$/);
    const top = fc.stringMatching(/^[a-z]{2,6}$/);
    fc.assert(
      fc.property(
        fc.array(atext, { minLength: 1, maxLength: 3 }),
        fc.array(label, { minLength: 1, maxLength: 3 }),
        top,
        (local, labels, tld) => {
          const email = `${local.join('.')}@${[...labels, tld].join('.')}`;
          const result = checkEmail(email.replace(/@.*/, (domain) => domain.toUpperCase()));
          assert.deepEqual(result, { ok: true, value: email });
          assert.deepEqual(checkEmail(result.ok ? result.value : ''), result);
        },
      ),
    );
  });
});
