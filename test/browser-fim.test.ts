/**
 * Real FIM schemas (see test/fixtures/fim/README.md) imported, published and completed in a real Chromium:
 * Bewohnerparken S05000058 with its genericode code lists (XDatenfelder 2.0), S00000000364 "Anzeige der
 * erstmaligen Ausgabe von Heimarbeit" and S00000000373 "Mitteilung über eine bestellte verantwortliche
 * Person nach dem Sprengstoffgesetz" (XDatenfelder 3.0.0, with an upload per item of a repeating group),
 * and Gewerbeanmeldung S00000009 (XDatenfelder 2.0). Each is answered with generated valid answers (and
 * variants of them that reach what the first options hide), page by page as the app shows them; every page
 * passes axe-core, has no CSP violation and no server error, and the runs together show every page of the
 * schema. As for the shipped packages (browser-packages.test.ts), runs that together take every step of
 * every run are done by keyboard alone, and again without JavaScript at 320 px.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { after, before, describe, type TestContext, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { isoDateInBerlin } from '../src/forms/display.ts';
import { DEMO_TENANT } from '../src/identity/tenants.ts';
import type { CompiledPackage } from '../src/packages/compile.ts';
import { importFim } from '../src/packages/fim/import-fim.ts';
import { importPackage, publishPackage } from '../src/packages/store.ts';
import {
  applyInBrowser,
  assertCheckAnswers,
  assertCovered,
  coveringWalks,
  type Walk,
  walkOf,
} from './helpers/apply-in-browser.ts';
import {
  type BrowserPlatform,
  openScenario,
  type ScenarioOptions,
  startBrowserPlatform,
} from './helpers/browser.ts';
import type { RawAnswers } from './helpers/form-filler.ts';
import type { TestPlatform } from './helpers/platform.ts';
import { validAnswers } from './helpers/valid-answers.ts';

let env: BrowserPlatform;
let platform: TestPlatform;
let browser: Browser;
let baseURL: string;

before(async () => {
  env = await startBrowserPlatform();
  ({ platform, browser, baseURL } = env);
});

after(() => env?.close());

const FIXTURES = new URL('./fixtures/fim/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, FIXTURES), 'utf8');

/** The genericode files in a folder, keyed by file name: the importer matches them by content. */
function codeListsIn(folder: string): Map<string, string> {
  const files = readdirSync(new URL(folder, FIXTURES)).filter((f) => f.endsWith('_genericode.xml'));
  return new Map(files.map((f) => [f, read(folder + f)]));
}

interface Schema {
  path: string;
  codeListFolder?: string;
  referencePrefix: string;
  person: string;
  /** Further runs with some answers changed, to reach the pages and fields the first options hide. */
  variants?: { name: string; answers: Record<string, unknown> }[];
  /** The names of the files each run's case has, in order of upload. */
  uploads?: string[];
}

const SCHEMAS: Schema[] = [
  {
    path: 'glykon/examples/2.0/bewohnerparken/S05000058V1.0_xdf2.xml',
    codeListFolder: 'glykon/examples/2.0/bewohnerparken/',
    referencePrefix: 'BWP',
    person: 'test-erika-mustermann',
    variants: [
      {
        // F05001047 "02": the vehicle's keeper is someone else (page G05000499, two uploads among its fields);
        // F05001347 "02": a renewal, which asks for the current permit's number and date on the same page.
        name: 'a renewal for a vehicle kept by someone else',
        answers: { f05001047: '02', f05001347: '02' },
      },
    ],
  },
  {
    path: 'bund-t-prototype/fim_data/S00000000364/schema.xdf.xml',
    referencePrefix: 'HAB',
    person: 'test-ozan-yilmaz',
  },
  {
    path: 'bund-t-prototype/fim_data/S00000000373/schema.xdf.xml',
    referencePrefix: 'SPG',
    person: 'test-jana-kowalski',
    // The optional "Nachweis" inside the repeating group of appointed persons.
    uploads: ['nachweis-f60000000296.pdf'],
  },
  {
    path: 'glykon/examples/2.0/gewerbeanmeldung/S00000009_xdatenfelder.xml',
    referencePrefix: 'GEW',
    person: 'test-erika-mustermann',
  },
];

/** One run of a schema: generated answers, some changed, and the walk they take. */
interface Run extends Walk {
  name: string;
  answers: RawAnswers;
}

async function publish(schema: Schema): Promise<CompiledPackage> {
  const codeLists = schema.codeListFolder ? codeListsIn(schema.codeListFolder) : undefined;
  const imported = importFim(read(schema.path), codeLists ? { codeLists } : {});
  const definition = {
    ...imported.package,
    metadata: { ...imported.package.metadata, referencePrefix: schema.referencePrefix },
  };
  const pkg = await importPackage(platform.db, DEMO_TENANT.ars, definition, schema.path);
  await publishPackage(platform.db, DEMO_TENANT.ars, definition.id, definition.version);
  // Each test reloads after its own publication; the registry applies the latest reload started.
  await platform.services.reload();
  return pkg;
}

function runsOf(t: TestContext, schema: Schema, pkg: CompiledPackage, today: string): Run[] {
  const { answers, unanswerable } = validAnswers(pkg.definition, today);
  for (const problem of unanswerable) t.diagnostic(`not answered: ${problem}`);
  return [
    { name: 'first options, yes to every yes/no question', answers: {} },
    ...(schema.variants ?? []),
  ].map((run) => {
    const given = { ...answers, ...run.answers };
    return { name: run.name, answers: given, ...walkOf(pkg, given, today, run.name) };
  });
}

async function walk(
  schema: Schema,
  pkg: CompiledPackage,
  run: Run,
  person: string,
  options: ScenarioOptions & { keyboard?: boolean },
) {
  const today = isoDateInBerlin(new Date());
  const s = await openScenario(browser, baseURL, options);
  try {
    const submitted = await applyInBrowser(s, {
      serviceId: pkg.definition.id,
      person,
      answers: run.answers,
      keyboard: options.keyboard,
      onCheckAnswers: (page) => assertCheckAnswers(page, pkg, run.answers, today),
    });
    assert.deepEqual(submitted.pages, run.pages, 'the pages shown');
    assert.match(submitted.reference, new RegExp(`^${schema.referencePrefix}-\\d{4}-\\d{6}$`));
    if (schema.uploads) {
      const files = await platform.db
        .selectFrom('documents')
        .innerJoin('cases', 'cases.id', 'documents.case_id')
        .select('documents.filename')
        .where('cases.reference', '=', submitted.reference)
        .orderBy('documents.created_at')
        .execute();
      assert.deepEqual(
        files.map((f) => f.filename),
        schema.uploads,
      );
    }
  } finally {
    await s.close();
  }
}

const NARROW_WITHOUT_JAVASCRIPT: ScenarioOptions = {
  javaScriptEnabled: false,
  viewport: { width: 320, height: 800 },
};

// Drafts are kept per citizen and service: the walks without JavaScript, side by side with those with it,
// are another person's.
const otherPerson = (person: string) =>
  person === 'test-ozan-yilmaz' ? 'test-jana-kowalski' : 'test-ozan-yilmaz';

const names = (runs: Run[]) => runs.map((r) => `"${r.name}"`).join(', ');

// The schemas, and for each the walks with and without JavaScript, run side by side (see
// browser-packages.test.ts); each schema is a service of its own.
describe('FIM schemas', { concurrency: true }, () => {
  for (const schema of SCHEMAS) {
    const name = `FIM ${schema.path.split('/').at(-2)}: imported, published and completed in the browser, by keyboard, without JavaScript and at 320 px`;
    test(name, { concurrency: true }, async (t) => {
      const pkg = await publish(schema);
      const runs = runsOf(t, schema, pkg, isoDateInBerlin(new Date()));
      assert.deepEqual(
        pkg.pages.map((p) => p.def.id).filter((id) => !runs.some((r) => r.pages.includes(id))),
        [],
        'pages no run reaches',
      );
      const cover = coveringWalks(runs);
      t.diagnostic(
        `${pkg.pages.length} pages, ${new Set(runs.flatMap((r) => r.steps)).size} steps, ` +
          `all by keyboard alone and without JavaScript at 320 px in ${names(cover)}`,
      );

      const byKeyboard: Run[] = [];
      const withoutJavaScript: Run[] = [];
      await Promise.all([
        t.test('with JavaScript', async (t) => {
          for (const run of runs) {
            const keyboard = cover.includes(run);
            await t.test(`${run.name}${keyboard ? ' (keyboard only)' : ''}`, async (t) => {
              t.diagnostic(`pages: ${run.pages.join(', ')}`);
              await walk(schema, pkg, run, schema.person, { keyboard });
              if (keyboard) byKeyboard.push(run);
            });
          }
        }),
        t.test('without JavaScript, 320 px', async (t) => {
          for (const run of cover) {
            await t.test(run.name, async () => {
              await walk(schema, pkg, run, otherPerson(schema.person), NARROW_WITHOUT_JAVASCRIPT);
              withoutJavaScript.push(run);
            });
          }
        }),
      ]);
      assertCovered(byKeyboard, runs, 'by keyboard alone');
      assertCovered(withoutJavaScript, runs, 'without JavaScript at 320 px');
    });
  }
});
