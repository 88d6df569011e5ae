import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadPackageDirectory } from '../../packages/load.ts';
import type { ServicePackage } from '../../packages/schema.ts';
import { type FactKey, type PackageFacts, packageFacts } from './package-facts.ts';

const shipped = async (id: string): Promise<ServicePackage> => {
  const all = await loadPackageDirectory(join(import.meta.dirname, '..', '..', '..', 'services'));
  const found = all.find((p) => p.definition.id === id);
  assert.ok(found, `services/${id} is shipped`);
  return found.definition;
};

const values = (facts: PackageFacts): Record<FactKey, boolean> =>
  Object.fromEntries(Object.entries(facts).map(([k, f]) => [k, f.value])) as Record<FactKey, boolean>;

// Same for every package today: Amtsweg has no payment, e-file or register retrieval yet.
const platform = { onlineForm: true, ePayment: false, eFile: false, onceOnly: false };

test('Bewohnerparkausweis: log-in "substanziell", upload, stated fee, postbox and status', async () => {
  const facts = packageFacts(await shipped('bewohnerparkausweis'));
  assert.deepEqual(values(facts), {
    ...platform,
    leistungsbeschreibung: true,
    login: true,
    onlineProofs: true,
    fee: true,
    digitalDecision: true,
    postbox: true,
    statusMonitor: true,
  });
  assert.equal(facts.login.requiredTrustLevel, 'substantial');
  assert.equal(facts.login.reason, 'Anmeldung mit Vertrauensniveau „substanziell“ über das Nutzerkonto');
  assert.match(facts.fee.reason, /30,70 Euro/);
  assert.match(facts.onlineProofs.reason, /„Fahrzeugschein“/);
});

test('Bibliotheksausweis: LeiKa keys, a conditional upload still counts, computed fee', async () => {
  const pkg = await shipped('bibliotheksausweis');
  assert.equal(packageFacts(pkg).leistungsbeschreibung.value, true);
  const facts = packageFacts({ ...pkg, metadata: { ...pkg.metadata, leikaKeys: [] } });
  assert.equal(
    facts.leistungsbeschreibung.value,
    false,
    'without a LeiKa key there is no Leistungsbeschreibung',
  );
  assert.equal(facts.login.requiredTrustLevel, 'basic');
  assert.equal(facts.onlineProofs.value, true);
  assert.equal(facts.fee.value, true);
  assert.match(facts.fee.reason, /„Gebühr pro Jahr“/);
});

test('Hundesteuer: files inside repeats would count, but it asks for none; the tax counts as a stated amount', async () => {
  const facts = packageFacts(await shipped('hundesteuer'));
  assert.deepEqual(values(facts), {
    ...platform,
    leistungsbeschreibung: true,
    login: true,
    onlineProofs: false,
    fee: true,
    digitalDecision: true,
    postbox: true,
    statusMonitor: true,
  });
});

test('a file field inside a repeating group counts as an online proof', async () => {
  const pkg = structuredClone(await shipped('hundesteuer'));
  const repeat = pkg.form.pages.flatMap((p) => p.fields).find((f) => f.kind === 'repeat');
  assert.ok(repeat?.kind === 'repeat');
  repeat.fields.push({
    kind: 'file',
    name: 'vaccination',
    label: { de: 'Impfpass' },
    mediaTypes: ['application/pdf'],
  });
  assert.equal(packageFacts(pkg).onlineProofs.value, true);
});

test('an anonymous package has no postbox and no online status; no amount means no fee', async () => {
  const pkg = structuredClone(await shipped('bewohnerparkausweis'));
  pkg.metadata.requiredTrustLevel = 'none';
  pkg.metadata.fees = { de: 'Die Leistung ist kostenlos.' };
  const facts = packageFacts(pkg);
  assert.equal(facts.login.value, false);
  assert.equal(facts.postbox.value, false);
  assert.equal(facts.statusMonitor.value, false);
  assert.equal(facts.fee.value, false);
  assert.equal(facts.digitalDecision.value, true);
});
