/**
 * fast-check arbitraries for hostile form input: values that look valid for a field kind, and everything a
 * browser, a bot or an attacker may post instead (empty, huge, control and bidi characters, markup,
 * duplicate keys, stray keys, odd repeat counts and actions, broken percent-encoding, random files).
 */
import fc from 'fast-check';
import type { PageItem } from '../../src/packages/compile.ts';
import type { ValueFieldDef } from '../../src/packages/schema.ts';
import { SAMPLE_PDF, SAMPLE_PNG } from './client.ts';

const digits = (min: number, max: number) => fc.stringMatching(new RegExp(`^\\d{${min},${max}}$`));
const sep = fc.constantFrom('', ' ', '  ', '-', '–', '/', '.');

const SPECIAL = [
  '\u0000',
  'a\u0000b',
  '\u202eexe.gpj',
  '\u2066x\u2069',
  '\ud800',
  '\udc00x',
  'x\ud83d',
  '👨‍👩‍👧‍👦',
  '🐕🐕‍🦺',
  'ﷺ',
  'Z̴̡̢a̷l̶g̵o',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' OR 1=1 --",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template injection probe, meant literally
  '${7*7}{{7*7}}',
  '%00',
  '%',
  '../../etc/passwd',
  '__proto__',
  'constructor',
  'null',
  'undefined',
  'true',
  'NaN',
  '-0',
  '1e309',
  '[object Object]',
];
const WHITESPACE = ['', ' ', '   ', '\t', '\r\n', '\n\n', '\u00a0', '\u2003', '\u3000', '\u200b', '\ufeff'];

/** A long string: a short unit repeated, sometimes up to 20,000 characters. */
const longString = fc
  .tuple(fc.string({ minLength: 1, maxLength: 4, unit: 'grapheme' }), fc.integer({ min: 50, max: 20_000 }))
  .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length));

/** Any string a hostile client may send, short ones far more often than huge ones. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 30, unit: 'grapheme' }) },
  { weight: 2, arbitrary: fc.string({ maxLength: 30, unit: 'binary' }) },
  { weight: 3, arbitrary: fc.constantFrom(...SPECIAL) },
  { weight: 3, arbitrary: fc.constantFrom(...WHITESPACE) },
  { weight: 2, arbitrary: fc.oneof(fc.integer(), fc.double()).map(String) },
  {
    weight: 2,
    arbitrary: fc
      .array(fc.oneof(fc.constantFrom(...SPECIAL, ...WHITESPACE), fc.string({ maxLength: 5 })), {
        maxLength: 6,
      })
      .map((parts) => parts.join('')),
  },
  { weight: 1, arbitrary: longString },
);

function validIban(): fc.Arbitrary<string> {
  return digits(18, 18).map((bban) => {
    // ISO 7064 MOD 97-10 over BBAN + "DE00" (D = 13, E = 14).
    let remainder = 0;
    for (const char of `${bban}131400`) remainder = (remainder * 10 + Number(char)) % 97;
    return `DE${String(98 - remainder).padStart(2, '0')}${bban}`;
  });
}

const dateText = fc
  .tuple(
    fc.integer({ min: 0, max: 32 }),
    fc.integer({ min: 0, max: 13 }),
    fc.integer({ min: 1890, max: 2100 }),
  )
  .chain(([d, m, y]) =>
    fc.constantFrom(
      `${d}.${m}.${y}`,
      `${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${y}`,
      `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
      ` ${d} . ${m} . ${y} `,
    ),
  );
const recentDate = fc
  .date({ min: new Date('2020-01-01'), max: new Date('2027-12-31'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10).split('-').reverse().join('.'));

// Trunk prefixes typed once too often ("+49 0 0171", "(0) 06131") are the classic near miss.
const phone = fc
  .tuple(
    fc.constantFrom('', '0', '00', '+', '+49 ', '0049 ', '+49 (0)', '+49 0', '+490', '(0) ', '(0', '+1 '),
    fc.oneof(
      digits(1, 5),
      digits(1, 4).map((d) => `0${d}`),
    ),
    fc.array(fc.tuple(sep, digits(1, 5)), { maxLength: 3 }),
  )
  .map(([prefix, first, groups]) => prefix + first + groups.map(([s, d]) => s + d).join(''));

const vehicleRegistration = fc
  .tuple(
    fc.stringMatching(/^[A-Za-zÄÖÜäöü]{1,3}$/),
    sep,
    fc.stringMatching(/^[A-Za-z]{1,2}$/),
    sep,
    digits(1, 5),
    fc.constantFrom('', 'E', 'H', ' e', 'X'),
  )
  .map((parts) => parts.join(''));

const houseNumber = fc.oneof(
  fc.stringMatching(/^[0-9]{1,5} ?[a-zA-Z]?$/),
  fc.stringMatching(/^[1-9][0-9]{0,3}[a-z]? ?[-–/] ?[1-9][0-9]{0,3}[a-z]?$/),
);

const postalCode = fc.oneof(digits(4, 6), fc.stringMatching(/^\d{2} \d{3}$/));

const email = fc.oneof(
  fc.emailAddress(),
  fc
    .tuple(fc.stringMatching(/^[A-Za-z0-9._+-]{1,70}$/), fc.constantFrom('@', '@@', ' @', ''))
    .chain(([local, at]) =>
      fc
        .constantFrom('Example.ORG', 'müller.de', 'xn--mller-kva.de', 'a.b', 'x.123', 'İstanbul.com.tr')
        .map((domain) => `${local}${at}${domain}`),
    ),
);

/** Values a checker should accept for `def`, in the spellings people type. */
function canonical(def: ValueFieldDef): fc.Arbitrary<string> | undefined {
  switch (def.kind) {
    case 'text':
      return def.pattern
        ? fc.stringMatching(new RegExp(def.pattern.regex, 'u'))
        : fc.constantFrom('Erika', 'Müller-Lüdenscheidt', 'Yılmaz', "O'Brien", ' Jana  Kowalski ');
    case 'date':
      return fc
        .date({ min: new Date('1996-01-01'), max: new Date('2025-12-31'), noInvalidDate: true })
        .map((date) => date.toISOString().slice(0, 10).split('-').reverse().join('.'));
    case 'phone':
      return fc
        .tuple(fc.constantFrom('0', '+49 ', '0049 ', '+49 (0)'), digits(1, 4), sep, digits(3, 8))
        .map(([prefix, area, s, number]) => `${prefix}${area.replace(/^0/, '1')}${s}${number}`);
    case 'vehicleRegistration':
      return fc
        .tuple(
          fc.stringMatching(/^[A-ZÄÖÜ]{1,3}$/),
          fc.stringMatching(/^[A-Z]{1,2}$/),
          fc.integer({ min: 1, max: 99 }),
        )
        .map(([district, letters, number]) => `${district}-${letters} ${number}`);
    case 'email':
      return fc.emailAddress();
    case 'iban':
      return validIban();
    case 'bic':
      return fc.constantFrom('COBADEFFXXX', 'cobadeff', 'COBA DE FF', 'DEUTXKXX');
    case 'yesNo':
      return fc.constantFrom('yes', 'no');
    case 'declaration':
      return fc.constant('yes');
    case 'choice':
    case 'multiChoice':
      return fc.constantFrom(...def.options.map((o) => o.value));
    default:
      return undefined;
  }
}

/** Near misses for `def`: what a checker must tell apart from valid input. */
function nearMiss(def: ValueFieldDef): fc.Arbitrary<string> {
  switch (def.kind) {
    case 'text':
      return def.pattern ? digits(1, 12) : fc.string();
    case 'date':
      return fc.oneof(dateText, recentDate);
    case 'phone':
      return phone;
    case 'vehicleRegistration':
      return vehicleRegistration;
    case 'email':
      return email;
    case 'iban':
      return fc.oneof(
        validIban().map((iban) => iban.replace(/(.{4})/g, '$1 ').toLowerCase()),
        validIban().map((iban) => `IBAN ${iban}`),
        fc.stringMatching(/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/),
      );
    case 'bic':
      return fc.stringMatching(/^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/);
    case 'yesNo':
    case 'declaration':
      return fc.constantFrom('Yes', 'on', 'true', 'ja', '1');
    case 'choice':
    case 'multiChoice':
      return fc.constantFrom(...def.options.map((o) => ` ${o.value.toUpperCase()}`));
    case 'number':
    case 'money':
      return fc.oneof(
        fc.double().map(String),
        fc.integer().map((n) => `${n},${Math.abs(n) % 100}`),
      );
    default:
      return fc.string({ maxLength: 20 });
  }
}

/** Values that look right for `def`: mostly valid ones, some near misses. */
export function validLooking(def: ValueFieldDef): fc.Arbitrary<string> {
  const valid = canonical(def);
  return valid
    ? fc.oneof({ weight: 3, arbitrary: valid }, { weight: 1, arbitrary: nearMiss(def) })
    : nearMiss(def);
}

/**
 * How a body is made: "clean" posts one valid-looking value per field, as a browser would, so that many
 * posts are saved; "hostile" mixes in junk, repeated and missing keys, stray keys and odd actions.
 */
type Mode = 'clean' | 'hostile';

/** One posted value for a key, or several (the key repeated), or absent (undefined). */
function posted(valid: fc.Arbitrary<string>, mode: Mode): fc.Arbitrary<string[] | undefined> {
  if (mode === 'clean') return valid.map((value) => [value]);
  const one = fc.oneof({ weight: 3, arbitrary: valid }, { weight: 2, arbitrary: nastyString });
  return fc.oneof(
    { weight: 6, arbitrary: one.map((value) => [value]) },
    { weight: 1, arbitrary: fc.array(one, { minLength: 2, maxLength: 3 }) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

type Pairs = [string, string][];
const flatten = (entries: [string, string[] | undefined][]): Pairs =>
  entries.flatMap(([key, values]) => (values ?? []).map((value): [string, string] => [key, value]));

function fieldPairs(def: ValueFieldDef, path: string, mode: Mode): fc.Arbitrary<Pairs> {
  if (def.kind === 'address') {
    const parts = {
      street: fc.constantFrom('Heidestraße', 'Am Rosengarten'),
      houseNumber: fc.oneof(fc.stringMatching(/^[1-9]\d{0,2}[a-z]?$/), houseNumber),
      postalCode: fc.oneof(fc.stringMatching(/^[1-9]\d{4}$/), postalCode),
      city: fc.constantFrom('Musterstadt', 'Bad Homburg v. d. Höhe'),
    };
    return fc
      .tuple(
        ...Object.entries(parts).map(([part, arb]) =>
          posted(arb, mode).map((v) => [`${path}.${part}`, v] as const),
        ),
      )
      .map((entries) => flatten(entries.map(([k, v]) => [k, v])));
  }
  return posted(validLooking(def), mode).map((values) => flatten([[path, values]]));
}

const COUNTS = [
  '-1',
  '-999',
  '1e3',
  '99999999999999999999',
  'abc',
  '',
  ' 2',
  '0x3',
  '2.5',
  'Infinity',
  '１',
  '0',
];

function repeatPairs(def: Extract<PageItem, { kind: 'repeat' }>, mode: Mode): fc.Arbitrary<Pairs> {
  const fields = (index: number) =>
    fc.tuple(...def.fields.map((field) => fieldPairs(field, `${def.name}.${index}.${field.name}`, mode)));
  if (mode === 'clean') {
    return fc
      .integer({ min: 0, max: Math.min(def.max, 3) })
      .chain((count) => fc.tuple(...Array.from({ length: count }, (_, index) => fields(index))))
      .map((items): Pairs => [[`${def.name}._count`, String(items.length)], ...items.flat(2)]);
  }
  const count = fc.oneof(
    fc.integer({ min: -3, max: def.max + 3 }).map(String),
    fc.constantFrom(...COUNTS),
    fc
      .array(fc.integer({ min: 0, max: 3 }).map(String), { minLength: 2, maxLength: 3 })
      .map((c) => c.join('&')),
  );
  const entries = fc
    .array(fc.boolean(), { minLength: 1, maxLength: Math.min(def.max + 2, 12) })
    .chain((present) =>
      fc.tuple(
        ...present.map((isPresent, index) => (isPresent ? fields(index) : fc.constant([] as Pairs[]))),
      ),
    );
  return fc
    .tuple(count, entries)
    .map(
      ([c, items]): Pairs => [
        ...c.split('&').map((value): [string, string] => [`${def.name}._count`, value]),
        ...items.flat(2),
      ],
    );
}

/** `_action` values: well-formed repeat actions, odd indices, unknown groups and plain junk. */
function actions(items: readonly PageItem[]): fc.Arbitrary<Pairs> {
  const names = [...items.flatMap((i) => (i.kind === 'repeat' ? [i.name] : [])), 'unknown', ''];
  const action = fc.oneof(
    fc.constantFrom(...names).map((name) => `add:${name}`),
    fc
      .tuple(
        fc.constantFrom(...names),
        fc.oneof(
          fc.integer({ min: 0, max: 12 }).map(String),
          fc.constantFrom('-1', '1.5', '', '0001', '999', 'x'),
        ),
      )
      .map(([name, index]) => `remove:${name}:${index}`),
    fc.constantFrom('add', 'remove', 'ADD:dogs', 'add:dogs:extra', 'remove:dogs:0:1', 'save', ':'),
    nastyString,
  );
  return fc.oneof(
    { weight: 5, arbitrary: fc.constant<Pairs>([]) },
    { weight: 3, arbitrary: action.map((value): Pairs => [['_action', value]]) },
    {
      weight: 1,
      arbitrary: fc
        .array(action, { minLength: 2, maxLength: 2 })
        .map((v) => v.map((a): [string, string] => ['_action', a])),
    },
  );
}

const extraKey = fc
  .oneof(
    fc.string({ maxLength: 20 }),
    fc.constantFrom(
      '__proto__',
      'constructor',
      'prototype',
      'address',
      'dogs.-1.name',
      'dogs.99.name',
      'a[b]',
      '_count',
    ),
  )
  .filter((key) => key !== '_csrf' && key !== '_action');

/** Broken url-encoding appended to a body: stray %, invalid UTF-8, lone surrogates, empty keys. */
export const rawSuffix = fc.constantFrom(
  '%',
  '%ZZ=1',
  'a=%E0%A4%A',
  'givenName=%ED%A0%80',
  '=&=&',
  '&&',
  '%00=x',
  '+=+',
  'a==b',
);

function fieldsOf(items: readonly PageItem[], mode: Mode): fc.Arbitrary<Pairs> {
  const parts = items.flatMap((item): fc.Arbitrary<Pairs>[] => {
    if (item.kind === 'info' || item.kind === 'file') return [];
    return [item.kind === 'repeat' ? repeatPairs(item, mode) : fieldPairs(item, item.name, mode)];
  });
  return fc.tuple(...parts).map((fields) => fields.flat());
}

/** Field/value pairs for one page: its fields (some repeated, some absent), stray keys and an action. */
export function pageBody(items: readonly PageItem[]): fc.Arbitrary<Pairs> {
  const extras = fc.array(fc.tuple(extraKey, nastyString), { maxLength: 3 });
  const hostile = fc
    .tuple(fieldsOf(items, 'hostile'), extras, actions(items))
    .map(([fields, extra, action]) => [...fields, ...extra, ...action]);
  return fc.oneof({ weight: 1, arbitrary: fieldsOf(items, 'clean') }, { weight: 2, arbitrary: hostile });
}

export type CsrfMode = 'valid' | 'missing' | 'wrong' | 'twice';
export const csrfMode: fc.Arbitrary<CsrfMode> = fc.oneof(
  { weight: 17, arbitrary: fc.constant('valid' as const) },
  { weight: 1, arbitrary: fc.constantFrom('missing' as const, 'wrong' as const, 'twice' as const) },
);

/** File contents: real samples, known magic numbers with junk after them, and junk. */
export const fileContent: fc.Arbitrary<Buffer> = fc.oneof(
  fc.constantFrom(SAMPLE_PDF, SAMPLE_PNG, Buffer.alloc(0), Buffer.from('%PDF'), SAMPLE_PNG.subarray(0, 6)),
  fc
    .tuple(
      fc.constantFrom(
        '%PDF-1.7\n',
        '\xff\xd8\xff\xe0\x00\x10JFIF\x00',
        '\x89PNG\r\n\x1a\n',
        'GIF89a',
        'PK\x03\x04',
        '<html><script>',
        '<?xml version="1.0"?><svg>',
        '',
      ),
      fc.uint8Array({ maxLength: 3000 }),
    )
    .map(([magic, rest]) => Buffer.concat([Buffer.from(magic, 'latin1'), rest])),
);

/** File names (never empty: FormData would leave the name out, which no browser does). */
export const fileName: fc.Arbitrary<string> = fc
  .oneof(
    fc.constantFrom(
      'schein.pdf',
      'bild.png',
      'scan.JPG',
      '.',
      '..',
      'a/',
      '../../etc/passwd',
      'C:\\x\\y.pdf',
    ),
    fc.constantFrom('gpj.exe\u202e.pdf', 'a\u0000b.pdf', 'tab\there.pdf', '"quoted".pdf', 'line\nbreak.pdf'),
    // Long emoji names: cutting them to length must not split a surrogate pair.
    fc
      .tuple(fc.constantFrom('', 'a'), fc.integer({ min: 55, max: 70 }), fc.constantFrom('.pdf', '.jpeg'))
      .map(([prefix, n, suffix]) => `${prefix}${'😀'.repeat(n)}${suffix}`),
    fc.string({ maxLength: 200, unit: 'grapheme' }),
    nastyString,
  )
  .filter((name) => name !== '');

export const mediaType: fc.Arbitrary<string> = fc.constantFrom(
  'application/pdf',
  'image/png',
  'image/jpeg',
  'text/html',
  'image/svg+xml',
  'application/octet-stream',
  '',
);
