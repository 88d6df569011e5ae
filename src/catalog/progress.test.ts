import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  AMTSWEG_PROVIDER,
  type CatalogEntry,
  type LeistungProgress,
  leistungProgress,
  type PackageOffer,
  type ProgressData,
  type StatusRecord,
  statusRecord,
  unknownPackageKeys,
} from './progress.ts';

const TODAY = '2025-06-15';

function entry(leikaKey: string, municipal = true): CatalogEntry {
  return {
    leikaKey,
    name: `Leistung ${leikaKey}`,
    leikaType: municipal ? '2/3' : '1',
    municipal,
    bundleId: 'B1',
    bundleName: 'Bündel 1',
    themenfeld: 'Familie & Kind',
  };
}

const row = statusRecord;

function offer(serviceId: string, leikaKeys: string[], onlineSince: string): PackageOffer {
  return {
    serviceId,
    title: `Paket ${serviceId}`,
    leikaKeys,
    onlineSince,
    maturity11: 4,
    maturity20: 5,
    maturity20Provisional: true,
  };
}

function data(
  catalog: CatalogEntry[],
  statuses: StatusRecord[],
  packages: PackageOffer[] = [],
): ProgressData {
  return {
    catalog,
    statuses,
    packages,
    counts: [],
    settings: {
      inhabitants: 10000,
      platformFeeCentsPerYear: 0,
      centsPerInhabitantPerYear: 0,
      costModelName: 'Test',
      trendStart: '2024-01-01',
    },
  };
}

function byKey(list: LeistungProgress[], key: string): LeistungProgress {
  const found = list.find((l) => l.leikaKey === key);
  assert.ok(found, `no progress for ${key}`);
  return found;
}

describe('leistungProgress', () => {
  it('returns one entry per catalogue Leistung, in catalogue order, keeping the catalogue fields', () => {
    const catalog = [entry('3'), entry('1'), entry('2', false)];
    const list = leistungProgress(data(catalog, []), TODAY);
    assert.deepEqual(
      list.map((l) => l.leikaKey),
      ['3', '1', '2'],
    );
    assert.equal(list[0]?.name, 'Leistung 3');
    assert.equal(list[0]?.bundleId, 'B1');
  });

  it('a published package overrides a "planned" row but keeps the row\'s cost and note', () => {
    const d = data(
      [entry('A')],
      [
        row('A', {
          status: 'planned',
          targetDate: '2026-01-01',
          delayReason: 'budget',
          provider: 'Alter Anbieter',
          url: 'https://alt.example.de',
          maturity11: 1,
          annualCostCents: 50000,
          internalNote: 'Paket kam früher',
        }),
      ],
      [offer('wohngeld', ['A'], '2025-02-10')],
    );
    const a = byKey(leistungProgress(d, TODAY), 'A');
    assert.equal(a.status, 'amtsweg');
    assert.equal(a.online, true);
    assert.equal(a.required, true);
    assert.equal(a.onlineSince, '2025-02-10');
    assert.equal(a.provider, AMTSWEG_PROVIDER);
    assert.equal(a.url, null);
    assert.equal(a.serviceId, 'wohngeld');
    assert.equal(a.maturity11, 4);
    assert.equal(a.maturity20, 5);
    assert.equal(a.maturity20Provisional, true);
    // A plan that the package fulfilled is no longer a plan.
    assert.equal(a.targetDate, null);
    assert.equal(a.delayReason, null);
    assert.equal(a.annualCostCents, 50000);
    assert.equal(a.internalNote, 'Paket kam früher');
  });

  it('a package also overrides "not_relevant" and "elsewhere", and makes the Leistung required', () => {
    const d = data(
      [entry('A'), entry('B', false)],
      [
        row('A', { status: 'not_relevant' }),
        row('B', { status: 'elsewhere', provider: 'Land', onlineSince: '2020-01-01' }),
      ],
      [offer('p', ['A', 'B'], '2025-03-01')],
    );
    for (const l of leistungProgress(d, TODAY)) {
      assert.equal(l.status, 'amtsweg', l.leikaKey);
      assert.equal(l.required, true, l.leikaKey);
      assert.equal(l.onlineSince, '2025-03-01', l.leikaKey);
      assert.equal(l.provider, AMTSWEG_PROVIDER, l.leikaKey);
    }
  });

  it('when two packages offer the same Leistung the first one counts', () => {
    const d = data(
      [entry('A')],
      [],
      [offer('first', ['A'], '2025-05-01'), offer('second', ['A'], '2024-01-01')],
    );
    const a = byKey(leistungProgress(d, TODAY), 'A');
    assert.equal(a.serviceId, 'first');
    assert.equal(a.onlineSince, '2025-05-01');
  });

  it('a "not_relevant" Leistung is neither required nor online', () => {
    const d = data([entry('A')], [row('A', { status: 'not_relevant', internalNote: 'kein Bedarf' })]);
    const a = byKey(leistungProgress(d, TODAY), 'A');
    assert.equal(a.status, 'not_relevant');
    assert.equal(a.required, false);
    assert.equal(a.online, false);
    assert.equal(a.internalNote, 'kein Bedarf');
  });

  it('a municipal Leistung without a row is open and required; a non-municipal one is neither', () => {
    const list = leistungProgress(data([entry('M'), entry('L', false)], []), TODAY);
    const m = byKey(list, 'M');
    const l = byKey(list, 'L');
    assert.equal(m.status, 'open');
    assert.equal(m.required, true);
    assert.equal(m.online, false);
    assert.equal(l.status, 'open');
    assert.equal(l.required, false);
  });

  it('a non-municipal Leistung given the status "elsewhere" is required and online', () => {
    const d = data(
      [entry('L', false)],
      [
        row('L', {
          status: 'elsewhere',
          provider: 'EfA-Dienst',
          url: 'https://efa.example.de',
          onlineSince: '2024-11-30',
          maturity11: 3,
          maturity20: 2,
          annualCostCents: 1200,
        }),
      ],
    );
    const l = byKey(leistungProgress(d, TODAY), 'L');
    assert.equal(l.status, 'elsewhere');
    assert.equal(l.required, true);
    assert.equal(l.online, true);
    assert.equal(l.onlineSince, '2024-11-30');
    assert.equal(l.provider, 'EfA-Dienst');
    assert.equal(l.url, 'https://efa.example.de');
    assert.equal(l.serviceId, null);
    assert.equal(l.maturity11, 3);
    assert.equal(l.maturity20, 2);
    assert.equal(l.maturity20Provisional, false);
    assert.equal(l.annualCostCents, 1200);
  });

  it('a non-municipal Leistung given the status "planned" is required but not online', () => {
    const d = data(
      [entry('L', false)],
      [row('L', { status: 'planned', targetDate: '2025-12-01', delayReason: 'efa_service' })],
    );
    const l = byKey(leistungProgress(d, TODAY), 'L');
    assert.equal(l.required, true);
    assert.equal(l.online, false);
    assert.equal(l.onlineSince, null);
    assert.equal(l.targetDate, '2025-12-01');
    assert.equal(l.delayReason, 'efa_service');
  });

  it('is online from the day of onlineSince on, not before', () => {
    const d = data(
      [entry('E'), entry('P')],
      [row('E', { status: 'elsewhere', provider: 'Land', onlineSince: '2025-06-16' })],
      [offer('p', ['P'], '2025-06-16')],
    );
    const tomorrow = leistungProgress(d, TODAY);
    assert.equal(byKey(tomorrow, 'E').online, false);
    assert.equal(byKey(tomorrow, 'P').online, false);
    // Still required and with its status: it just is not online yet.
    assert.equal(byKey(tomorrow, 'E').required, true);
    assert.equal(byKey(tomorrow, 'P').status, 'amtsweg');
    const onTheDay = leistungProgress(d, '2025-06-16');
    assert.equal(byKey(onTheDay, 'E').online, true);
    assert.equal(byKey(onTheDay, 'P').online, true);
  });

  it('an onlineSince left on a planned row does not make it online', () => {
    const d = data(
      [entry('A')],
      [row('A', { status: 'planned', onlineSince: '2024-01-01', targetDate: '2025-09-01' })],
    );
    const a = byKey(leistungProgress(d, TODAY), 'A');
    assert.equal(a.online, false);
    assert.equal(a.onlineSince, null);
  });

  it('ignores status rows and packages for Leistungen outside the catalogue', () => {
    const d = data(
      [entry('A')],
      [row('X', { status: 'elsewhere', onlineSince: '2024-01-01' })],
      [offer('p', ['Y'], '2024-01-01')],
    );
    const list = leistungProgress(d, TODAY);
    assert.equal(list.length, 1);
    assert.equal(byKey(list, 'A').status, 'open');
  });
});

describe('unknownPackageKeys', () => {
  it('lists the package keys the catalogue does not know, with their package', () => {
    const d = data(
      [entry('A'), entry('B')],
      [],
      [
        offer('p1', ['A', 'X1'], '2025-01-01'),
        offer('p2', ['B'], '2025-01-01'),
        offer('p3', ['X2', 'X3'], '2025-01-01'),
      ],
    );
    assert.deepEqual(unknownPackageKeys(d), [
      { serviceId: 'p1', leikaKey: 'X1' },
      { serviceId: 'p3', leikaKey: 'X2' },
      { serviceId: 'p3', leikaKey: 'X3' },
    ]);
  });

  it('is empty when the catalogue knows every key', () => {
    const d = data([entry('A')], [], [offer('p1', ['A'], '2025-01-01')]);
    assert.deepEqual(unknownPackageKeys(d), []);
  });
});
