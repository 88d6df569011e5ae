/**
 * Real FIM schemas (see test/fixtures/fim/README.md) imported, published and completed in a real Chromium:
 * Bewohnerparken S05000058 with its genericode code lists (XDatenfelder 2.0), S00000000364 "Anzeige der
 * erstmaligen Ausgabe von Heimarbeit" and S00000000373 "Mitteilung über eine bestellte verantwortliche
 * Person nach dem Sprengstoffgesetz" (XDatenfelder 3.0.0, with an upload per item of a repeating group).
 * Each is answered with generated valid answers, page by page as the app shows them; every page passes
 * axe-core, has no CSP violation and no server error.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { isoDateInBerlin } from '../src/forms/display.ts';
import { DEMO_TENANT } from '../src/identity/tenants.ts';
import { importFim } from '../src/packages/fim/import-fim.ts';
import { importPackage, publishPackage } from '../src/packages/store.ts';
import { applyInBrowser, assertCheckAnswers } from './helpers/apply-in-browser.ts';
import { type BrowserPlatform, openScenario, startBrowserPlatform } from './helpers/browser.ts';
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

for (const schema of SCHEMAS) {
  test(`FIM ${schema.path.split('/').at(-2)}: imported, published and completed in the browser`, async (t) => {
    const codeLists = schema.codeListFolder ? codeListsIn(schema.codeListFolder) : undefined;
    const imported = importFim(read(schema.path), codeLists ? { codeLists } : {});
    const definition = {
      ...imported.package,
      metadata: { ...imported.package.metadata, referencePrefix: schema.referencePrefix },
    };
    const pkg = await importPackage(platform.db, DEMO_TENANT.ars, definition, schema.path);
    await publishPackage(platform.db, DEMO_TENANT.ars, definition.id, definition.version);
    await platform.services.reload();

    const today = isoDateInBerlin(new Date());
    const { answers, unanswerable } = validAnswers(definition, today);
    for (const problem of unanswerable) t.diagnostic(`not answered: ${problem}`);
    const runs = [
      { name: 'first options, yes to every yes/no question', answers: {} },
      ...(schema.variants ?? []),
    ];
    for (const run of runs) {
      await t.test(run.name, async (t) => {
        const given = { ...answers, ...run.answers };
        const s = await openScenario(browser, baseURL);
        try {
          const submitted = await applyInBrowser(s, {
            serviceId: definition.id,
            person: schema.person,
            answers: given,
            onCheckAnswers: (page) => assertCheckAnswers(page, pkg, given, today),
          });
          t.diagnostic(`pages: ${submitted.pages.join(', ')}`);
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
      });
    }
  });
}
