/** Package versions: draft → published (immutable) → retired; export → import round trip; drafts keep their version. */
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { DEMO_TENANT } from '../src/identity/tenants.ts';
import { packageCommand } from '../src/packages/cli.ts';
import { PackageError } from '../src/packages/errors.ts';
import { parsePackageText } from '../src/packages/load.ts';
import {
  exportPackage,
  findStoredPackage,
  importPackage,
  listPackages,
  publishPackage,
  retirePackage,
} from '../src/packages/store.ts';
import { Client } from './helpers/client.ts';
import { readShippedPackage } from './helpers/packages.ts';
import { startTestPlatform, type TestPlatform } from './helpers/platform.ts';

let platform: TestPlatform;
before(async () => {
  platform = await startTestPlatform();
});
after(() => platform.close());

const ars = DEMO_TENANT.ars;
const library = () => readShippedPackage('bibliotheksausweis');

test('the shipped samples are published on first start', async () => {
  const stored = await listPackages(platform.db, ars);
  assert.deepEqual(
    stored.map((p) => `${p.id}@${p.version}:${p.status}`),
    [
      'bewohnerparkausweis@1.0.0:published',
      'bibliotheksausweis@1.1.0:published',
      'hundesteuer@1.0.0:published',
    ],
  );
});

test('export and import again yields the identical package', async () => {
  for (const { id, version } of await listPackages(platform.db, ars)) {
    const exported = await exportPackage(platform.db, ars, id, version);
    assert.ok(exported);
    const original = (await findStoredPackage(platform.db, ars, id, version))?.definition;
    assert.deepEqual(parsePackageText(exported, id), original);
  }
});

test('a reload compiles only versions it has not seen: published ones are reused as they are', async () => {
  const before = platform.services.find('hundesteuer');
  assert.ok(before);
  await platform.services.reload();
  assert.equal(platform.services.find('hundesteuer'), before, 'the same compiled package, not a new compile');
});

test('a published version cannot change, neither through import nor in the database', async () => {
  const pkg = await library();
  pkg.metadata.title.de = 'Anders';
  await assert.rejects(
    importPackage(platform.db, ars, pkg, 'lib'),
    (e: unknown) => e instanceof PackageError && /published and cannot change/.test(e.message),
  );
  await assert.rejects(
    sql`UPDATE service_packages SET definition = '{}'::jsonb WHERE id = 'bibliotheksausweis'`.execute(
      platform.db,
    ),
    /cannot change/,
  );
});

test('a package whose own test case fails is refused with the case named, and nothing is stored', async () => {
  const pkg = await library();
  pkg.version = '9.9.9';
  const first = pkg.tests[0];
  assert.ok(first);
  first.expect.computed = { annualFee: 1 };
  await assert.rejects(
    importPackage(platform.db, ars, pkg, 'lib'),
    (e: unknown) => e instanceof PackageError && /an adult without reduction pays 20 euro/.test(e.message),
  );
  assert.equal(await findStoredPackage(platform.db, ars, 'bibliotheksausweis', '9.9.9'), undefined);
});

test('a new version is offered only once published; a draft started before keeps its version', async () => {
  const citizen = new Client(platform.app);
  const form = '/dienste/bibliotheksausweis/formular';
  await citizen.get(`/anmelden?weiter=${encodeURIComponent(form)}`);
  await citizen.post(`/anmelden?weiter=${encodeURIComponent(form)}`, {
    person: 'test-ozan-yilmaz',
    trustLevel: 'basic',
  });
  await citizen.get(`${form}/person`);
  await citizen.post(`${form}/person`, { givenName: 'Ozan', familyName: 'Yılmaz', birthDate: '01.02.1990' });

  const next = await library();
  next.version = '1.2.0';
  next.form.pages[1]?.fields.splice(1, 1); // 1.2.0 no longer asks for an e-mail address
  next.tests = next.tests.filter((t) => !t.name.includes('e-mail'));
  await importPackage(platform.db, ars, next, 'lib 1.2.0');
  await platform.services.reload();
  assert.equal(
    platform.services.find('bibliotheksausweis')?.definition.version,
    '1.1.0',
    'a draft version is not offered',
  );

  await publishPackage(platform.db, ars, 'bibliotheksausweis', '1.2.0');
  await platform.services.reload();
  assert.equal(platform.services.find('bibliotheksausweis')?.definition.version, '1.2.0');
  assert.doesNotMatch((await new Client(platform.app).get('/dienste/bibliotheksausweis')).body, /1\.1\.0/);

  // The citizen's draft from 1.1.0 still shows 1.1.0's contact page, with the e-mail field.
  assert.match((await citizen.get(`${form}/kontakt`)).body, /E-Mail-Adresse/);

  await retirePackage(platform.db, ars, 'bibliotheksausweis', '1.1.0');
  await platform.services.reload();
  assert.ok(
    platform.services.findVersion('bibliotheksausweis', '1.1.0'),
    'old cases still find their version',
  );
});

test('the CLI imports, lists and exports through the same store', async () => {
  const lines: string[] = [];
  const store = async () => ({ db: platform.db, tenantArs: ars, close: async () => {} });
  const pkg = await library();
  pkg.version = '2.0.0';
  const file = join(await mkdtemp(join(platform.dataDir, 'cli-')), 'lib.yaml');
  await writeFile(file, JSON.stringify(pkg));
  assert.equal(await packageCommand(['import', file, '--publish'], (l) => lines.push(l), store), 0);
  assert.equal(await packageCommand(['list'], (l) => lines.push(l), store), 0);
  assert.ok(lines.some((l) => l.startsWith('bibliotheksausweis@2.0.0\tpublished')));
  assert.equal(await packageCommand(['export', 'bibliotheksausweis@2.0.0'], (l) => lines.push(l), store), 0);
  assert.match(lines.at(-1) ?? '', /version: 2\.0\.0/);
  assert.equal(await packageCommand(['export', 'nope@1.0.0'], (l) => lines.push(l), store), 1);
});
