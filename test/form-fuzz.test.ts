/**
 * Property tests over HTTP for every page of every shipped package: arbitrary and malformed form posts never
 * produce a 5xx or a stack trace, a refused post stores nothing, and whatever is stored validates again.
 * Replay a failure with FC_SEED=<seed> (and FC_RUNS=<n> for more runs per page).
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { fileTypeFromBuffer } from 'file-type';
import type { Answers } from '../src/db/schema.ts';
import { isoDateInBerlin } from '../src/forms/display.ts';
import { evaluationContext, validateJourney, validatePage, visibleItems } from '../src/forms/engine.ts';
import type { FieldEnv } from '../src/forms/fields.ts';
import { storedToRaw } from '../src/forms/raw-input.ts';
import { DEMO_TENANT } from '../src/identity/tenants.ts';
import type { CompiledPackage, CompiledPage, PageItem } from '../src/packages/compile.ts';
import { loadPackageDirectory } from '../src/packages/load.ts';
import { runTestCase } from '../src/packages/test-runner.ts';
import { csrfMode, fileContent, fileName, mediaType, pageBody, rawSuffix } from './helpers/arbitraries.ts';
import { Client, SAMPLE_PDF } from './helpers/client.ts';
import { startTestPlatform, type TestPlatform } from './helpers/platform.ts';

type Pairs = [string, string][];

const PERSON = 'test-ozan-yilmaz';
const BODY_LIMIT = 256 * 1024;
const seed = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);
const numRuns = Number(process.env.FC_RUNS ?? 100);
const today = () => isoDateInBerlin(new Date());

let platform: TestPlatform;
let packages: CompiledPackage[];
before(async () => {
  platform = await startTestPlatform();
  packages = await loadPackageDirectory(join(import.meta.dirname, '..', 'services'));
});
after(() => platform.close());

const formUrl = (pkg: CompiledPackage, pageId: string) => `/dienste/${pkg.definition.id}/formular/${pageId}`;
const envOf = (pkg: CompiledPackage): FieldEnv => ({
  locale: 'de',
  today: today(),
  codeLists: pkg.definition.codeLists ?? {},
});

/** Passing test cases of the package that together reach every page: each with the pages it shows. */
function scenarios(pkg: CompiledPackage): { answers: Record<string, unknown>; pages: string[] }[] {
  const covered = new Set<string>();
  const chosen: { answers: Record<string, unknown>; pages: string[] }[] = [];
  for (const testCase of pkg.definition.tests) {
    if (testCase.today || !testCase.expect.valid || !runTestCase(pkg, testCase, new Date()).passed) continue;
    const { pages } = validateJourney(pkg, testCase.answers, envOf(pkg));
    if (pages.every((page) => covered.has(page))) continue;
    for (const page of pages) covered.add(page);
    chosen.push({ answers: testCase.answers, pages });
  }
  assert.deepEqual([...covered].sort(), pkg.pages.map((p) => p.def.id).sort(), `${pkg.definition.id}: pages`);
  return chosen;
}

/** A test case's raw answers for one page as the form posts them. */
function validBody(items: readonly PageItem[], answers: Record<string, unknown>): Pairs {
  const scalar = (value: unknown) => (value === true ? 'yes' : value === false ? 'no' : String(value));
  const fields = (path: string, def: PageItem, value: unknown): Pairs => {
    if (value === undefined || value === null) return [];
    if (def.kind === 'address')
      return Object.entries(value as object).map(([part, v]): [string, string] => [
        `${path}.${part}`,
        scalar(v),
      ]);
    if (Array.isArray(value)) return value.map((v): [string, string] => [path, scalar(v)]);
    return [[path, scalar(value)]];
  };
  return items.flatMap((item): Pairs => {
    if (item.kind === 'info' || item.kind === 'file') return [];
    if (item.kind !== 'repeat') return fields(item.name, item, answers[item.name]);
    const entries = (answers[item.name] ?? []) as Record<string, unknown>[];
    return [
      [`${item.name}._count`, String(entries.length)],
      ...entries.flatMap((entry, i) =>
        item.fields.flatMap((f) => fields(`${item.name}.${i}.${f.name}`, f, entry[f.name])),
      ),
    ];
  });
}

async function storedAnswers(pkg: CompiledPackage): Promise<Answers> {
  const row = await platform.db
    .selectFrom('drafts')
    .select('answers')
    .where('tenant_ars', '=', DEMO_TENANT.ars)
    .where('service_id', '=', pkg.definition.id)
    .where('citizen_id', '=', PERSON)
    .executeTakeFirst();
  return row?.answers ?? {};
}

/**
 * Posts url-encoded pairs with the client's cookies. Not `Client.post`: it takes a record, and duplicate
 * keys (a value posted twice) and broken percent-encoding are part of what is fuzzed.
 */
async function postPairs(client: Client, url: string, pairs: Pairs, suffix?: string | null) {
  const payload = new URLSearchParams(pairs).toString() + (suffix ? `&${suffix}` : '');
  const response = await platform.app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: client.cookieHeader() },
    payload,
  });
  return { status: response.statusCode, body: response.body, location: response.headers.location, payload };
}

function assertNoInternals(body: string): void {
  assert.doesNotMatch(body, /\bat [^\n<]*\.tsx?:\d+|node:internal|node_modules|FST_|ERR_/, 'no stack trace');
}

/** Every link of the error summary points to an element of the page. */
function assertErrorSummary(body: string): void {
  const start = body.indexOf('id="error-summary"');
  assert.ok(start >= 0, 'a 400 page has an error summary');
  const summary = body.slice(start, body.indexOf('</ul>', start));
  const targets = [...summary.matchAll(/<a class="kern-link" href="#([^"]+)">/g)].map((m) => m[1] ?? '');
  assert.ok(targets.length > 0, 'the error summary links to the fields');
  for (const id of targets) assert.ok(body.includes(`id="${id}"`), `#${id} is on the page`);
}

/** The stored answers of `page`, shown again and validated as a citizen re-saving them would: no errors, no change. */
function assertStoredValid(pkg: CompiledPackage, page: CompiledPage, answers: Answers): void {
  const context = evaluationContext(pkg, answers, today());
  const items = visibleItems(page, context);
  const again = validatePage(page, storedToRaw(items, answers), context, envOf(pkg));
  assert.deepEqual(again.errors, [], `stored answers ${JSON.stringify(answers)} validate again`);
  for (const item of items)
    if (item.kind !== 'info')
      assert.deepEqual(again.values[item.name], answers[item.name] ?? null, `${item.name} is stable`);
}

const isRepeatAction = (pairs: Pairs) => {
  const actions = pairs.filter(([key]) => key === '_action');
  return actions.length === 1 && /^(add:[^:]|remove:[^:]+:\d{1,3}(:|$))/.test(actions[0]?.[1] ?? '');
};

async function loggedIn(pkg: CompiledPackage): Promise<{ client: Client; csrf: string }> {
  const client = new Client(platform.app);
  await client.get('/anmelden');
  const login = await client.post('/anmelden', { person: PERSON, trustLevel: 'high' });
  assert.equal(login.statusCode, 303, login.body);
  await client.get(formUrl(pkg, pkg.pages[0]?.def.id ?? ''));
  return { client, csrf: client.csrf() };
}

/** Answers `page` validly (uploads the sample PDF on a file page); the next page is then shown. */
async function answer(
  client: Client,
  csrf: string,
  pkg: CompiledPackage,
  page: CompiledPage,
  answers: Record<string, unknown>,
) {
  const url = formUrl(pkg, page.def.id);
  const shown = await client.get(url);
  assert.equal(shown.statusCode, 200, `${url} is shown`);
  const file = page.def.fields.find((f) => f.kind === 'file');
  const response = file
    ? await client.upload(
        url,
        file.name,
        { name: 'nachweis.pdf', type: 'application/pdf', content: SAMPLE_PDF },
        { csrf },
      )
    : await postPairs(client, url, [
        ['_csrf', csrf],
        ...validBody(
          page.items.map((i) => i.def),
          answers,
        ),
      ]);
  assert.equal(
    'status' in response ? response.status : response.statusCode,
    303,
    `${url} takes the test answers`,
  );
}

/** The property for one page, as the file's comment says; returns how often each status was answered. */
async function fuzzPage(client: Client, csrf: string, pkg: CompiledPackage, page: CompiledPage) {
  const url = formUrl(pkg, page.def.id);
  const statuses = new Map<number, number>();
  const items = visibleItems(page, evaluationContext(pkg, await storedAnswers(pkg), today()));
  const property = fc.asyncProperty(
    pageBody(items),
    csrfMode,
    fc.option(rawSuffix, { freq: 8 }),
    async (pairs, mode, suffix) => {
      const token = mode === 'wrong' ? `${csrf.slice(0, -1)}${csrf.endsWith('A') ? 'B' : 'A'}` : csrf;
      const csrfPairs: Pairs =
        mode === 'missing'
          ? []
          : mode === 'twice'
            ? [
                ['_csrf', csrf],
                ['_csrf', csrf],
              ]
            : [['_csrf', token]];
      const before = await storedAnswers(pkg);
      const response = await postPairs(client, url, [...csrfPairs, ...pairs], suffix);
      const after = await storedAnswers(pkg);
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      assert.ok(response.status < 500, `status ${response.status}: ${response.body.slice(0, 500)}`);
      assertNoInternals(response.body);
      if (Buffer.byteLength(response.payload) > BODY_LIMIT) assert.equal(response.status, 413);
      else if (mode !== 'valid') assert.equal(response.status, 403);
      else if (response.status === 303) {
        assert.match(response.location ?? '', new RegExp(`^/dienste/${pkg.definition.id}/formular/`));
        assertStoredValid(pkg, page, after);
        return;
      } else if (response.status === 400) assertErrorSummary(response.body);
      else if (response.status === 200)
        assert.ok(isRepeatAction(pairs), 'only an add or remove action re-shows the page');
      else assert.fail(`unexpected status ${response.status}`);
      assert.deepEqual(after, before, 'a post that is not saved stores nothing');
    },
  );
  await fc.assert(property, { numRuns, seed });
  return [...statuses].map(([status, count]) => `${status}×${count}`).join(', ');
}

for (const id of ['bewohnerparkausweis', 'bibliotheksausweis', 'hundesteuer']) {
  test(`${id}: fuzzed posts on every page never fail and never store an invalid answer`, async (t) => {
    const pkg = packages.find((p) => p.definition.id === id);
    assert.ok(pkg);
    const { client, csrf } = await loggedIn(pkg);
    const fuzzed = new Set<string>();
    for (const scenario of scenarios(pkg)) {
      for (const pageId of scenario.pages) {
        const page: CompiledPage | undefined = pkg.pages.find((p) => p.def.id === pageId);
        assert.ok(page);
        const isFile = page.def.fields.some((f) => f.kind === 'file');
        if (!fuzzed.has(pageId) && !isFile) {
          fuzzed.add(pageId);
          await t.test(pageId, async (p) => p.diagnostic(await fuzzPage(client, csrf, pkg, page)));
        }
        await answer(client, csrf, pkg, page, scenario.answers);
      }
    }
  });
}

test('uploads of random bytes never fail and are stored only if their content is a PDF, JPEG or PNG', async () => {
  const pkg = packages.find((p) => p.definition.id === 'bewohnerparkausweis');
  assert.ok(pkg);
  const { client, csrf } = await loggedIn(pkg);
  const [scenario] = scenarios(pkg);
  assert.ok(scenario);
  const fileIndex = pkg.pages.findIndex((p) => p.def.fields.some((f) => f.kind === 'file'));
  for (const page of pkg.pages.slice(0, fileIndex)) await answer(client, csrf, pkg, page, scenario.answers);
  const page: CompiledPage | undefined = pkg.pages[fileIndex];
  const field = page?.def.fields.find((f) => f.kind === 'file');
  assert.ok(page && field?.kind === 'file');
  const url = formUrl(pkg, page.def.id);
  const property = fc.asyncProperty(fileContent, fileName, mediaType, async (content, name, type) => {
    const before = (await storedAnswers(pkg))[field.name];
    const response = await client.upload(url, field.name, { name, type, content }, { csrf });
    const stored = (await storedAnswers(pkg))[field.name] as Record<string, unknown> | undefined;
    assert.ok(response.statusCode < 500, `status ${response.statusCode}: ${response.body.slice(0, 500)}`);
    assertNoInternals(response.body);
    const sniffed = (await fileTypeFromBuffer(content))?.mime;
    const acceptable = content.length > 0 && sniffed !== undefined && field.mediaTypes.includes(sniffed);
    // A browser sends filename="" when no file is chosen and the earlier upload stays; busboy reduces names
    // such as "a/" or ".." to that and reads backslashes as escapes, so those may go either way.
    const unclear = name.includes('\\') || ['', '.', '..'].includes(name.split('/').pop() ?? '');
    const isNew = stored?.documentId !== (before as typeof stored)?.documentId;
    if (!isNew) {
      assert.ok(!acceptable || unclear, `a ${sniffed} named ${JSON.stringify(name)} is stored`);
      if (!unclear) assert.equal(response.statusCode, 400);
      if (response.statusCode === 400) assertErrorSummary(response.body);
      return;
    }
    assert.ok(acceptable, `only a PDF, JPEG or PNG is stored, not ${sniffed}`);
    assert.equal(response.statusCode, 303, response.body.slice(0, 500));
    assert.ok(stored);
    assert.equal(stored.mediaType, sniffed);
    assert.equal(stored.sizeBytes, content.length);
    const filename = String(stored.filename);
    assert.ok(filename.isWellFormed() && filename.length <= 120, `file name ${JSON.stringify(filename)}`);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: no control character may be stored
    assert.doesNotMatch(filename, /[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069/\\]/);
    const document = await platform.db
      .selectFrom('documents')
      .select('sha256')
      .where('id', '=', String(stored.documentId))
      .executeTakeFirstOrThrow();
    assert.equal(document.sha256, createHash('sha256').update(content).digest('hex'));
  });
  await fc.assert(property, { numRuns: numRuns * 2, seed });
});
