/**
 * The "done when": a new service written only as data — a copy of the library card with other
 * fields and a condition — is tested and published with the CLI (as another process would), offered by the
 * running server without a restart, completed by a citizen in the browser (axe on every page) and arrives
 * in the caseworker's inbox. Nothing in src/ knows this service.
 */
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { stringify } from 'yaml';
import { isoDateInBerlin } from '../src/forms/display.ts';
import { DEMO_TENANT } from '../src/identity/tenants.ts';
import { packageCommand, testPackageCommand } from '../src/packages/cli.ts';
import { loadPackage, parsePackageText } from '../src/packages/load.ts';
import type { ServicePackage } from '../src/packages/schema.ts';
import { applyInBrowser, assertCheckAnswers } from './helpers/apply-in-browser.ts';
import { type BrowserPlatform, openScenario, startBrowserPlatform } from './helpers/browser.ts';
import { Client } from './helpers/client.ts';
import { loginCaseworker } from './helpers/journey.ts';
import { eventually } from './helpers/platform.ts';

let env: BrowserPlatform;
before(async () => {
  env = await startBrowserPlatform();
});
after(() => env?.close());

/** The library card turned into a music school enrolment: a new choice, and a page only for piano pupils. */
async function musicSchool(): Promise<ServicePackage> {
  const text = await readFile(
    join(import.meta.dirname, '..', 'services', 'bibliotheksausweis', 'package.yaml'),
  );
  const pkg = parsePackageText(text.toString('utf8'), 'copy') as ServicePackage;
  pkg.id = 'musikschule';
  pkg.version = '1.0.0';
  pkg.metadata.title = { de: 'An der Musikschule anmelden' };
  pkg.metadata.referencePrefix = 'MUS';
  pkg.metadata.leikaKeys = [];
  const [person] = pkg.form.pages;
  assert.ok(person);
  person.fields.push({
    kind: 'choice',
    name: 'instrument',
    label: { de: 'Welches Instrument möchten Sie lernen?' },
    options: [
      { value: 'klavier', label: { de: 'Klavier' } },
      { value: 'gitarre', label: { de: 'Gitarre' } },
    ],
  });
  pkg.form.pages.splice(1, 0, {
    id: 'klavier',
    title: { de: 'Üben zu Hause' },
    condition: 'instrument = "klavier"',
    fields: [{ kind: 'yesNo', name: 'pianoAtHome', label: { de: 'Haben Sie zu Hause ein Klavier?' } }],
  });
  for (const testCase of pkg.tests) testCase.answers.instrument = 'gitarre';
  const adult = pkg.tests[0];
  assert.ok(adult);
  pkg.tests.push(
    {
      name: 'a piano pupil is asked about practising at home',
      answers: { ...adult.answers, instrument: 'klavier', pianoAtHome: 'yes' },
      expect: { valid: true, pages: ['person', 'klavier', 'kontakt', 'ermaessigung'] },
    },
    {
      name: 'the piano question must be answered',
      answers: { ...adult.answers, instrument: 'klavier' },
      expect: { errors: ['pianoAtHome'] },
    },
  );
  return pkg;
}

test('a package written only as data is tested, published, offered and completed by a citizen', async (t) => {
  const { platform, browser, baseURL } = env;
  const pkg = await musicSchool();
  const file = join(platform.dataDir, 'musikschule.yaml');
  await writeFile(file, stringify(pkg));

  const report: string[] = [];
  assert.equal(await testPackageCommand(file, (line) => report.push(line)), 0, report.join('\n'));
  assert.ok(report.includes(`${pkg.tests.length} passed, 0 failed`));

  // The CLI is handed the platform's pool here (run as a command it opens its own). It only writes to the
  // database: the server learns of the new version from the notification on commit, as from another process.
  const store = async () => ({ db: platform.db, tenantArs: DEMO_TENANT.ars, close: async () => {} });
  assert.equal(await packageCommand(['import', file, '--publish'], () => {}, store), 0);
  const offered = await eventually(async () => platform.services.find('musikschule'));
  assert.equal(offered.definition.version, '1.0.0');

  const piano = pkg.tests.find((c) => c.name.startsWith('a piano pupil'));
  assert.ok(piano);
  const scenario = await openScenario(browser, baseURL);
  let reference: string;
  try {
    const submitted = await applyInBrowser(scenario, {
      serviceId: 'musikschule',
      person: 'test-jana-kowalski',
      answers: piano.answers,
      onCheckAnswers: (page) =>
        assertCheckAnswers(page, loadPackage(pkg, 'musikschule'), piano.answers, isoDateInBerlin(new Date())),
    });
    assert.deepEqual(submitted.pages, piano.expect.pages);
    reference = submitted.reference;
  } finally {
    await scenario.close();
  }
  assert.match(reference, /^MUS-\d{4}-\d{6}$/);

  const caseworker = new Client(platform.app);
  await loginCaseworker(caseworker);
  const inbox = await caseworker.get('/verwaltung/eingang');
  assert.match(inbox.body, new RegExp(reference));
  assert.match(inbox.body, /An der Musikschule anmelden/);
  t.diagnostic(`submitted ${reference}`);
});

test('a condition naming an unknown answer is refused by `package test`, with the place named', async () => {
  const pkg = await musicSchool();
  const page = pkg.form.pages.find((p) => p.id === 'klavier');
  assert.ok(page);
  page.condition = 'instrumnet = "klavier"';
  const file = join(env.platform.dataDir, 'musikschule-broken.yaml');
  await writeFile(file, stringify(pkg));
  const report: string[] = [];
  assert.equal(await testPackageCommand(file, (line) => report.push(line)), 1);
  assert.match(report.join('\n'), /klavier/);
  assert.match(report.join('\n'), /instrumnet/);
});
