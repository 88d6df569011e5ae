/**
 * Real FIM schemas (see test/fixtures/fim/README.md) imported, published and completed in a real Chromium:
 * Bewohnerparken S05000058 with its genericode code lists (XDatenfelder 2.0), S00000000364 "Anzeige der
 * erstmaligen Ausgabe von Heimarbeit" and S00000000373 "Mitteilung über eine bestellte verantwortliche
 * Person nach dem Sprengstoffgesetz" (XDatenfelder 3.0.0, with an upload per item of a repeating group),
 * and Gewerbeanmeldung S00000009 (XDatenfelder 2.0). Each is answered with generated valid answers (and
 * variants of them that reach what the first options hide), page by page as the app shows them; every page
 * passes axe-core, has no CSP violation and no server error. As for the shipped packages
 * (browser-packages.test.ts), runs that together take every step of the schema (each page, question and
 * repeat button) are done by keyboard alone, and again without JavaScript at 320 px.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { after, before, describe, type TestContext, test } from 'node:test';
import { isoDateInBerlin } from '../src/forms/display.ts';
import { DEMO_TENANT } from '../src/identity/tenants.ts';
import type { CompiledPackage } from '../src/packages/compile.ts';
import { importFim } from '../src/packages/fim/import-fim.ts';
import { importPackage, publishPackage } from '../src/packages/store.ts';
import type { Submitted } from './helpers/apply-in-browser.ts';
import { type BrowserPlatform, startBrowserPlatform } from './helpers/browser.ts';
import type { RawAnswers } from './helpers/form-filler.ts';
import type { TestPlatform } from './helpers/platform.ts';
import { validAnswers } from './helpers/valid-answers.ts';
import { type NotReached, type Walk, walkEveryWay, walkOf } from './helpers/walk-every-way.ts';

let env: BrowserPlatform;
let platform: TestPlatform;

before(async () => {
  env = await startBrowserPlatform();
  ({ platform } = env);
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
  /** Steps of the schema that no run takes, each with the reason. */
  notReached?: NotReached;
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

/**
 * One more item in each repeating group that allows it, with the first item's answers to the required
 * fields only (the first answers every field): the walks press the add button too.
 */
function withOneMoreItem(pkg: CompiledPackage, answers: RawAnswers): RawAnswers {
  const more: Record<string, unknown> = { ...answers };
  for (const item of pkg.definition.form.pages.flatMap((page) => page.fields)) {
    if (item.kind !== 'repeat') continue;
    const items = answers[item.name];
    if (!Array.isArray(items) || items.length >= item.max) continue;
    const first = (items[0] ?? {}) as Record<string, unknown>;
    const required = item.fields.filter((f) => !f.optional).map((f) => [f.name, first[f.name]]);
    more[item.name] = [...items, Object.fromEntries(required)];
  }
  return more;
}

/** The runs of a schema: generated answers, some changed, and the walk each takes. */
function runsOf(t: TestContext, schema: Schema, pkg: CompiledPackage, today: string): Walk[] {
  const { answers, unanswerable } = validAnswers(pkg.definition, today);
  for (const problem of unanswerable) t.diagnostic(`not answered: ${problem}`);
  const generated = withOneMoreItem(pkg, answers);
  const groups = pkg.definition.form.pages.some((page) => page.fields.some((f) => f.kind === 'repeat'));
  const first = `first options, yes to every yes/no question${groups ? ', one item more in each group' : ''}`;
  return [{ name: first, answers: {} }, ...(schema.variants ?? [])].map((run) =>
    walkOf(pkg, { ...generated, ...run.answers }, today, run.name),
  );
}

/** The documents of the case `submitted`, by file name in order of upload, are the schema's `uploads`. */
async function assertUploads(schema: Schema, submitted: Submitted) {
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

// The schemas, and for each the walks with and without JavaScript, run side by side (see
// browser-packages.test.ts); each schema is a service of its own.
describe('FIM schemas', { concurrency: true }, () => {
  for (const schema of SCHEMAS) {
    const name = `FIM ${schema.path.split('/').at(-2)}: imported, published and completed in the browser, by keyboard, without JavaScript and at 320 px`;
    test(name, { concurrency: true }, async (t) => {
      const pkg = await publish(schema);
      await walkEveryWay(t, env, {
        pkg,
        walks: runsOf(t, schema, pkg, isoDateInBerlin(new Date())),
        notReached: schema.notReached ?? {},
        // Drafts are kept per citizen and service: the walks without JavaScript are another person's.
        persons: {
          withJavaScript: [schema.person],
          withoutJavaScript: schema.person === 'test-ozan-yilmaz' ? 'test-jana-kowalski' : 'test-ozan-yilmaz',
        },
        afterSubmit: async (_, submitted) => {
          if (schema.uploads) await assertUploads(schema, submitted);
        },
      });
    });
  }
});
