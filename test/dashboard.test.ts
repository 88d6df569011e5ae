/**
 * The OZG progress dashboard over HTTP with the vendored catalogue and the demo data (the situation Mainz
 * reported in 2024): the figures, their exports, caching, the council answer PDF, and the coordinators'
 * changes with their checks and permissions.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DEMO_ONLINE_BUNDLES, DEMO_ONLINE_LEISTUNGEN } from '../src/catalog/demo.ts';
import { type Figure, figureFromCsv } from '../src/catalog/figure.ts';
import { extractPdfText } from '../src/pdf/extract-text.ts';
import { Client } from './helpers/client.ts';
import { loginCaseworker, loginStaff } from './helpers/journey.ts';
import { startTestPlatform, type TestPlatform } from './helpers/platform.ts';

let platform: TestPlatform;
before(async () => {
  platform = await startTestPlatform({ catalog: 'demo' });
});
after(() => platform?.close());

const NOT_ASSESSED = '99010001001000'; // Aufenthaltserlaubnis Erteilung: municipal, outside the demo's bundles
const headlineRow = (figure: Figure, measure: string) => figure.rows.find((r) => r.measure === measure);

async function headline(client: Client, path = '/ozg-stand/daten/ueberblick.json'): Promise<Figure> {
  const response = await client.get(path);
  assert.equal(response.statusCode, 200, response.body.slice(0, 200));
  return JSON.parse(response.body) as Figure;
}

test('the demo reproduces Mainz 2024: exactly 120 Leistungen in 50 bundles online, on the page and in the data', async () => {
  const client = new Client(platform.app);
  const page = await client.get('/ozg-stand');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /app-key-number__value">120<\/span> Leistungen online/);
  assert.match(page.body, /app-key-number__value">50<\/span> OZG-Leistungsbündel online/);
  const figure = await headline(client);
  assert.deepEqual(
    [headlineRow(figure, 'Online')?.leistungen, headlineRow(figure, 'Online')?.bundles],
    [DEMO_ONLINE_LEISTUNGEN, DEMO_ONLINE_BUNDLES],
  );
  // The required count is the catalogue's municipal Leistungen less those the town marked not relevant.
  const municipal = await platform.db
    .selectFrom('catalog_leistungen')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('municipal', '=', true)
    .executeTakeFirstOrThrow();
  const notRelevant = await platform.db
    .selectFrom('leistung_statuses')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'not_relevant')
    .executeTakeFirstOrThrow();
  assert.equal(headlineRow(figure, 'Anzubieten')?.leistungen, Number(municipal.n) - Number(notRelevant.n));
});

test('the Amtsweg package counts as online through Amtsweg with its derived maturity', async () => {
  const client = new Client(platform.app);
  const online = JSON.parse((await client.get('/ozg-stand/daten/online-leistungen.json')).body) as Figure;
  const parking = online.rows.find((r) => r.leikaKey === '99108001001000');
  assert.equal(parking?.provider, 'Amtsweg (eigene Plattform)');
  assert.equal(typeof parking?.maturity11, 'number');
});

test('every figure downloads as CSV that reads back to the JSON rows, and the public page is cacheable', async () => {
  const client = new Client(platform.app);
  const all = JSON.parse((await client.get('/ozg-stand/daten.json')).body) as Figure[];
  assert.ok(all.length >= 10);
  for (const figure of all) {
    const csv = await client.get(`/ozg-stand/daten/${figure.id}.csv`);
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /^text\/csv/);
    assert.match(String(csv.headers['content-disposition']), new RegExp(`${figure.id}\\.csv`));
    assert.deepEqual(figureFromCsv(csv.body, figure.columns), figure.rows, figure.id);
  }
  const page = await client.get('/ozg-stand');
  assert.match(String(page.headers['cache-control']), /public, max-age=\d+/);
  assert.equal(page.headers['set-cookie'], undefined, 'a cacheable page must not set a cookie');
  const etag = String(page.headers.etag);
  const again = await platform.app.inject({ url: '/ozg-stand', headers: { 'if-none-match': etag } });
  assert.equal(again.statusCode, 304);
  assert.equal((await client.get('/ozg-stand/daten/gibt-es-nicht.csv')).statusCode, 404);
  assert.equal((await client.get('/ozg-stand/daten/ueberblick.xlsx')).statusCode, 404);
});

test('the council answer PDF states the current figures and never an internal note', async () => {
  const client = new Client(platform.app);
  const response = await platform.app.inject({ url: '/ozg-stand/antwort.pdf' });
  assert.equal(response.statusCode, 200);
  assert.equal(response.headers['content-type'], 'application/pdf');
  const text = await extractPdfText(new Uint8Array(response.rawPayload));
  assert.match(text, /Antwort der Verwaltung: Stand der Umsetzung des Onlinezugangsgesetzes/);
  assert.match(text, /sind 120 online/);
  assert.match(text, /zu 50 von \d+ OZG-Leistungsbündeln/);
  assert.doesNotMatch(text, /Demodaten: Abstimmung/);
  // The staff dashboard shows the internal notes that the public one leaves out.
  await loginCaseworker(client);
  assert.match((await client.get('/verwaltung/ozg')).body, /Demodaten: Abstimmung mit dem Fachamt/);
  assert.doesNotMatch((await client.get('/ozg-stand')).body, /Demodaten: Abstimmung mit dem Fachamt/);
});

test('staff pages need a log-in; a caseworker may read but not change', async () => {
  const anonymous = new Client(platform.app);
  for (const path of [
    '/verwaltung/ozg',
    '/verwaltung/ozg/leistungen',
    `/verwaltung/ozg/leistungen/${NOT_ASSESSED}`,
  ]) {
    const response = await anonymous.get(path);
    assert.equal(response.statusCode, 303, path);
    assert.match(String(response.headers.location), /\/verwaltung\/anmelden/);
  }
  const caseworker = new Client(platform.app);
  await loginCaseworker(caseworker);
  const page = await caseworker.get(`/verwaltung/ozg/leistungen/${NOT_ASSESSED}`);
  assert.match(page.body, /Ändern dürfen diese Angaben nur Mitarbeitende der OZG-Koordination/);
  const refused = await caseworker.post(`/verwaltung/ozg/leistungen/${NOT_ASSESSED}`, {
    status: 'not_relevant',
  });
  assert.equal(refused.statusCode, 403);
  const row = await platform.db
    .selectFrom('leistung_statuses')
    .selectAll()
    .where('leika_key', '=', NOT_ASSESSED)
    .executeTakeFirst();
  assert.equal(row, undefined, 'nothing was stored');
});

test('a coordinator puts a Leistung online elsewhere: the figures follow, bad input is named in German', async () => {
  const client = new Client(platform.app);
  await loginStaff(client, 'Jana Becker');
  const page = await client.get(`/verwaltung/ozg/leistungen/${NOT_ASSESSED}`);
  assert.match(page.body, /Aufenthaltstitel \(OZG-ID 10255\)/);
  assert.match(page.body, />Lebenslage<\/dt>\s*<dd[^>]*>Einwanderung</);
  const bad = await client.post(`/verwaltung/ozg/leistungen/${NOT_ASSESSED}`, {
    status: 'elsewhere',
    provider: '',
    onlineSince: '31.02.2024',
    maturity11: '9',
  });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /href="#provider"[^>]*>Geben Sie an, wer den Online-Dienst anbietet/);
  assert.match(bad.body, /href="#onlineSince"[^>]*>„Online seit“ muss ein echtes Datum/);
  assert.match(bad.body, /href="#maturity11"/);
  assert.match(bad.body, /value="31.02.2024"/, 'what was typed is shown again');

  const saved = await client.post(`/verwaltung/ozg/leistungen/${NOT_ASSESSED}`, {
    status: 'elsewhere',
    provider: 'Onlinedienst des Landes',
    url: 'https://service.example/aufenthalt',
    onlineSince: '01.03.2025',
    maturity11: '3',
    annualCost: '1.500,00',
    internalNote: 'Vertrag bis 2027',
  });
  assert.equal(saved.statusCode, 303);
  const figure = await headline(client, '/verwaltung/ozg/daten/ueberblick.json');
  assert.equal(headlineRow(figure, 'Online')?.leistungen, DEMO_ONLINE_LEISTUNGEN + 1);

  const counts = await client.post(`/verwaltung/ozg/leistungen/${NOT_ASSESSED}/antragszahlen`, {
    _csrf: client.csrf(),
    month: '13.2025',
    online: '-1',
    paper: 'viele',
  });
  assert.equal(counts.statusCode, 400);
  assert.match(counts.body, /href="#month"/);
  assert.match(counts.body, /href="#online"/);
  assert.match(counts.body, /href="#paper"/);
  await client.get(`/verwaltung/ozg/leistungen/${NOT_ASSESSED}`);
  const month = new Date().toISOString().slice(0, 7);
  const countsSaved = await client.post(`/verwaltung/ozg/leistungen/${NOT_ASSESSED}/antragszahlen`, {
    month,
    online: '30',
    paper: '10',
  });
  assert.equal(countsSaved.statusCode, 303);
  const share = JSON.parse((await client.get('/verwaltung/ozg/daten/digitalquote.json')).body) as Figure;
  assert.deepEqual(
    share.rows.find((r) => r.leistung === 'Aufenthaltserlaubnis Erteilung'),
    { leistung: 'Aufenthaltserlaubnis Erteilung', online: 30, paper: 10, share: 75 },
  );

  // Back to "not yet assessed": the status row goes, the count of online Leistungen drops again.
  await client.get(`/verwaltung/ozg/leistungen/${NOT_ASSESSED}`);
  assert.equal(
    (await client.post(`/verwaltung/ozg/leistungen/${NOT_ASSESSED}`, { status: 'open' })).statusCode,
    303,
  );
  const back = await headline(client, '/verwaltung/ozg/daten/ueberblick.json');
  assert.equal(headlineRow(back, 'Online')?.leistungen, DEMO_ONLINE_LEISTUNGEN);
});

test('the cost model: bad amounts are refused by field, good ones change the cost per application', async () => {
  const client = new Client(platform.app);
  await loginStaff(client, 'Jana Becker');
  await client.get('/verwaltung/ozg/kosten');
  const bad = await client.post('/verwaltung/ozg/kosten', {
    costModelName: 'KomPrOZG',
    platformFee: 'zwölfhundert',
    perInhabitant: '0,30',
    inhabitants: '-5',
    trendStart: '01.01.2019',
  });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /href="#platformFee"/);
  assert.match(bad.body, /href="#inhabitants"/);
  await client.get('/verwaltung/ozg/kosten');
  const saved = await client.post('/verwaltung/ozg/kosten', {
    costModelName: 'KomPrOZG',
    platformFee: '1.200,00',
    perInhabitant: '0,30',
    inhabitants: '10000',
    trendStart: '01.01.2019',
  });
  assert.equal(saved.statusCode, 303);
  const costs = JSON.parse((await client.get('/verwaltung/ozg/daten/kosten.json')).body) as Figure;
  assert.equal(costs.rows.find((r) => String(r.item).startsWith('Plattform: 10.000'))?.amount, 300_000);
  assert.equal(costs.rows[0]?.amount, 120_000);
});

test('a coordinator answers a maturity criterion of the Amtsweg package, with a justification', async () => {
  const client = new Client(platform.app);
  await loginStaff(client, 'Jana Becker');
  const page = await client.get('/verwaltung/ozg/leistungen/99108001001000');
  assert.match(page.body, /Reifegrad/);
  const field = page.body.match(/name="(r20-[a-zA-Z]+)"/)?.[1];
  assert.ok(field, 'a staff-answerable criterion of model 2.0 has a form');
  const criterion = field.slice('r20-'.length);
  const option = page.body.match(
    new RegExp(
      `name="${field}" type="radio" value="([^"]+)"|type="radio"[^>]*name="${field}"[^>]*value="([^"]+)"`,
    ),
  );
  const optionId = option?.[1] ?? option?.[2];
  assert.ok(optionId);
  const missing = await client.post('/verwaltung/ozg/leistungen/99108001001000/reifegrad', {
    model: '2.0',
    criterion,
    [field]: optionId,
  });
  assert.equal(missing.statusCode, 400);
  assert.match(missing.body, new RegExp(`href="#${field}-begruendung"`));
  await client.get('/verwaltung/ozg/leistungen/99108001001000');
  const saved = await client.post('/verwaltung/ozg/leistungen/99108001001000/reifegrad', {
    model: '2.0',
    criterion,
    [field]: optionId,
    [`${field}-begruendung`]: 'Geprüft mit dem Fachamt am 20.11.2026.',
  });
  assert.equal(saved.statusCode, 303);
  const row = await platform.db
    .selectFrom('maturity_answers')
    .selectAll()
    .where('criterion', '=', criterion)
    .executeTakeFirstOrThrow();
  assert.equal(row.justification, 'Geprüft mit dem Fachamt am 20.11.2026.');
  const forged = await client.post('/verwaltung/ozg/leistungen/99108001001000/reifegrad', {
    _csrf: client.csrf(),
    model: '2.0',
    criterion: 'gibt-es-nicht',
  });
  assert.equal(forged.statusCode, 400);
});
