import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DELAY_REASONS, parseStatusForm, type StatusChange } from './status.ts';

const TODAY = '2025-06-15';

const elsewhere = {
  status: 'elsewhere',
  provider: 'EfA-Dienst des Landes',
  url: 'https://service.example.de/antrag',
  onlineSince: '01.03.2024',
  maturity11: '3',
  maturity20: '5',
  annualCost: '1.200,50 €',
  internalNote: 'Vertrag bis 2026',
};

const planned = {
  status: 'planned',
  targetDate: '01.10.2025',
  delayReason: 'staff_capacity',
  annualCost: '',
  internalNote: '',
};

function value(body: Record<string, unknown>): StatusChange {
  const result = parseStatusForm(body, TODAY);
  assert.ok(result.ok, `expected success, got ${JSON.stringify(result)}`);
  return result.value;
}

function errors(body: Record<string, unknown>) {
  const result = parseStatusForm(body, TODAY);
  assert.equal(result.ok, false, 'expected the form to be refused');
  return result.ok ? [] : result.errors;
}

describe('parseStatusForm', () => {
  it('reads an "elsewhere" status with all its fields', () => {
    assert.deepEqual(value(elsewhere), {
      status: 'elsewhere',
      provider: 'EfA-Dienst des Landes',
      url: 'https://service.example.de/antrag',
      onlineSince: '2024-03-01',
      maturity11: 3,
      maturity20: 5,
      annualCostCents: 120050,
      internalNote: 'Vertrag bis 2026',
    });
  });

  it('leaves the optional fields of "elsewhere" empty as null', () => {
    const change = value({ status: 'elsewhere', provider: 'Land NRW', onlineSince: '2025-06-15' });
    assert.deepEqual(change, {
      status: 'elsewhere',
      provider: 'Land NRW',
      url: null,
      onlineSince: TODAY,
      maturity11: null,
      maturity20: null,
      annualCostCents: null,
      internalNote: null,
    });
  });

  it('reads a "planned" status', () => {
    assert.deepEqual(value(planned), {
      status: 'planned',
      targetDate: '2025-10-01',
      delayReason: 'staff_capacity',
      annualCostCents: null,
      internalNote: null,
    });
  });

  it('accepts a planned date in the past (an overdue plan stays recordable)', () => {
    const change = value({ ...planned, targetDate: '2024-01-31' });
    assert.equal(change.status === 'planned' && change.targetDate, '2024-01-31');
  });

  it('accepts every delay reason of the fixed list', () => {
    for (const reason of Object.keys(DELAY_REASONS)) {
      const change = value({ ...planned, delayReason: reason });
      assert.equal(change.status === 'planned' && change.delayReason, reason);
    }
  });

  it('reads "not_relevant" with its note', () => {
    assert.deepEqual(value({ status: 'not_relevant', internalNote: 'Kein Hafen in der Gemeinde' }), {
      status: 'not_relevant',
      internalNote: 'Kein Hafen in der Gemeinde',
    });
    assert.deepEqual(value({ status: 'not_relevant' }), { status: 'not_relevant', internalNote: null });
  });

  it('"open" needs nothing else and ignores the other fields', () => {
    assert.deepEqual(value({ status: 'open' }), { status: 'open' });
    assert.deepEqual(value({ ...elsewhere, status: 'open', onlineSince: '', provider: '' }), {
      status: 'open',
    });
    // 'open' deletes the row, note included: a note it would drop anyway must not block it.
    assert.deepEqual(value({ status: 'open', internalNote: 'x'.repeat(2001) }), { status: 'open' });
  });

  for (const field of ['provider', 'onlineSince'] as const) {
    it(`"elsewhere" without ${field} gives exactly one error, on ${field}`, () => {
      const found = errors({ ...elsewhere, [field]: '' });
      assert.equal(found.length, 1, JSON.stringify(found));
      assert.equal(found[0]?.field, field);
    });
  }

  it('"elsewhere" without provider says what to enter', () => {
    const [error] = errors({ ...elsewhere, provider: '   ' });
    assert.equal(error?.message, 'Geben Sie an, wer den Online-Dienst anbietet.');
  });

  for (const field of ['targetDate', 'delayReason'] as const) {
    it(`"planned" without ${field} gives exactly one error, on ${field}`, () => {
      const found = errors({ ...planned, [field]: '' });
      assert.equal(found.length, 1, JSON.stringify(found));
      assert.equal(found[0]?.field, field);
      assert.match(found[0]?.message ?? '', /^(Geben Sie|Wählen Sie)/);
    });
  }

  it('a missing status gives one error on status and no others', () => {
    const found = errors({});
    assert.deepEqual(
      found.map((e) => e.field),
      ['status'],
    );
  });

  it('refuses an unknown status value, including the derived "amtsweg"', () => {
    for (const status of ['online', 'amtsweg', 'ELSEWHERE']) {
      const found = errors({ ...elsewhere, status });
      assert.deepEqual(
        found.map((e) => e.field),
        ['status'],
        status,
      );
      assert.equal(found[0]?.message, 'Wählen Sie aus, wie die Leistung angeboten wird.');
    }
  });

  it('refuses an unknown delay reason', () => {
    const found = errors({ ...planned, delayReason: 'weather' });
    assert.deepEqual(
      found.map((e) => e.field),
      ['delayReason'],
    );
  });

  it('refuses an onlineSince in the future but accepts today', () => {
    const found = errors({ ...elsewhere, onlineSince: '16.06.2025' });
    assert.deepEqual(found, [
      { field: 'onlineSince', message: '„Online seit“ darf nicht in der Zukunft liegen.' },
    ]);
    const change = value({ ...elsewhere, onlineSince: '15.06.2025' });
    assert.equal(change.status === 'elsewhere' && change.onlineSince, TODAY);
  });

  it('refuses an onlineSince that is not a real date', () => {
    const found = errors({ ...elsewhere, onlineSince: '31.02.2024' });
    assert.deepEqual(
      found.map((e) => e.field),
      ['onlineSince'],
    );
    assert.match(found[0]?.message ?? '', /echtes Datum/);
  });

  it('accepts maturity at the bounds and refuses it outside 0–4 (1.1) and 0–7 (2.0)', () => {
    const edges = value({ ...elsewhere, maturity11: '0', maturity20: '7' });
    assert.equal(edges.status === 'elsewhere' && edges.maturity11, 0);
    assert.equal(edges.status === 'elsewhere' && edges.maturity20, 7);
    const top = value({ ...elsewhere, maturity11: '4', maturity20: '0' });
    assert.equal(top.status === 'elsewhere' && top.maturity11, 4);

    const cases: [Record<string, string>, string, string][] = [
      [
        { maturity11: '5' },
        'maturity11',
        '„Reifegrad nach Modell 1.1“ muss eine ganze Zahl von 0 bis 4 sein.',
      ],
      [
        { maturity11: '-1' },
        'maturity11',
        '„Reifegrad nach Modell 1.1“ muss eine ganze Zahl von 0 bis 4 sein.',
      ],
      [
        { maturity11: '2,5' },
        'maturity11',
        '„Reifegrad nach Modell 1.1“ muss eine ganze Zahl von 0 bis 4 sein.',
      ],
      [
        { maturity20: '8' },
        'maturity20',
        '„Reifegrad nach Modell 2.0“ muss eine ganze Zahl von 0 bis 7 sein.',
      ],
      [
        { maturity20: 'hoch' },
        'maturity20',
        '„Reifegrad nach Modell 2.0“ muss eine ganze Zahl von 0 bis 7 sein.',
      ],
    ];
    for (const [change, field, message] of cases) {
      assert.deepEqual(errors({ ...elsewhere, ...change }), [{ field, message }], JSON.stringify(change));
    }
  });

  it('reads German money as cents and refuses what is not an amount', () => {
    for (const [typed, cents] of [
      ['1.200,50 €', 120050],
      ['1200,5', 120050],
      ['12,-', 1200],
      ['0', 0],
    ] as const) {
      const change = value({ ...elsewhere, annualCost: typed });
      assert.equal(change.status === 'elsewhere' && change.annualCostCents, cents, typed);
    }
    const change = value({ ...planned, annualCost: '99,99 EUR' });
    assert.equal(change.status === 'planned' && change.annualCostCents, 9999);
    for (const typed of ['-5,00', 'zwölf', '1,234']) {
      assert.deepEqual(
        errors({ ...elsewhere, annualCost: typed }).map((e) => e.field),
        ['annualCost'],
        typed,
      );
    }
  });

  it('refuses a url that is not http(s)', () => {
    const found = errors({ ...elsewhere, url: 'javascript:alert(1)' });
    assert.deepEqual(
      found.map((e) => e.field),
      ['url'],
    );
  });

  it('keeps the line breaks of the internal note and trims it', () => {
    const change = value({ ...planned, internalNote: '  Erste Zeile\nZweite Zeile\r\n\tDritte\u0007  ' });
    assert.equal(change.status === 'planned' && change.internalNote, 'Erste Zeile\nZweite Zeile\r\n\tDritte');
  });

  it('refuses an overlong internal note instead of cutting it, and accepts 2000 characters', () => {
    const found = errors({ ...planned, internalNote: 'x'.repeat(2001) });
    assert.deepEqual(found, [
      { field: 'internalNote', message: '„Interne Notiz“ darf höchstens 2000 Zeichen lang sein.' },
    ]);
    const change = value({ ...planned, internalNote: 'x'.repeat(2000) });
    assert.equal(change.status === 'planned' && change.internalNote?.length, 2000);
    // The limit counts the note's characters, line breaks included.
    assert.equal(
      errors({ status: 'not_relevant', internalNote: `${'x'.repeat(1000)}\n`.repeat(2) }).length,
      1,
    );
  });

  it('reports every wrong field at once, one error per field', () => {
    const found = errors({
      ...elsewhere,
      provider: '',
      onlineSince: '2030-01-01',
      maturity11: '9',
      annualCost: 'viel',
    });
    assert.deepEqual(found.map((e) => e.field).sort(), [
      'annualCost',
      'maturity11',
      'onlineSince',
      'provider',
    ]);
  });

  it('ignores values that are not strings', () => {
    const found = errors({ ...elsewhere, provider: ['A', 'B'] });
    assert.deepEqual(
      found.map((e) => e.field),
      ['provider'],
    );
  });
});
