/**
 * Wrong, missing, oversized and forged input over HTTP: each is refused with a 4xx and a German page that
 * says what to fix, never a 500 or a stack trace, and nothing half-stored remains (rows or files).
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Client, type Response, SAMPLE_PDF, SAMPLE_PNG } from './helpers/client.ts';
import {
  FORM,
  fillApplication,
  loginCaseworker,
  loginCitizen,
  submitApplication,
} from './helpers/journey.ts';
import { eventually, startTestPlatform, type TestPlatform } from './helpers/platform.ts';

const UPLOAD = `${FORM}/fahrzeugschein`;
const FILE_FIELD = 'registrationCertificate';
const UPLOAD_MAX_BYTES = 64 * 1024;

/** Asserts the status, an HTML page without internals, and each pattern in its text. */
function expectPage(response: Response, status: number, ...patterns: RegExp[]): void {
  assert.equal(response.statusCode, status, response.body.slice(0, 2000));
  assert.match(String(response.headers['content-type']), /^text\/html/);
  assert.match(response.body, /<html lang="de"/);
  assert.doesNotMatch(response.body, /\bat [^\n<]*\.tsx?:\d+/, 'no stack trace');
  assert.doesNotMatch(response.body, /node:internal|node_modules|FST_|ERR_/, 'no internals');
  for (const pattern of patterns) assert.match(response.body, pattern);
}

/** Asserts the error summary links to each field, the field exists, and the link text matches. */
function expectErrorLinks(response: Response, fields: Record<string, RegExp>): void {
  assert.match(response.body, /id="error-summary"/);
  assert.match(response.body, /<title>Fehler: /);
  const linked = [...response.body.matchAll(/<a class="kern-link" href="#([^"]+)">([^<]*)<\/a>/g)];
  assert.deepEqual(linked.map((m) => m[1]).sort(), Object.keys(fields).sort());
  for (const [field, message] of Object.entries(fields)) {
    const text = linked.find((m) => m[1] === field)?.[2] ?? '';
    assert.match(text, message, `summary message for #${field}`);
    assert.match(response.body, new RegExp(`id="${field}"`), `#${field} exists on the page`);
  }
}

async function blobFiles(platform: TestPlatform): Promise<string[]> {
  const root = join(platform.dataDir, 'files');
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** Everything a request could have left behind: drafts, documents, cases and stored files. */
async function stored(platform: TestPlatform) {
  const [drafts, documents, cases] = await Promise.all([
    platform.db.selectFrom('drafts').selectAll().orderBy('id').execute(),
    platform.db.selectFrom('documents').selectAll().orderBy('id').execute(),
    platform.db.selectFrom('cases').selectAll().orderBy('id').execute(),
  ]);
  return { drafts, documents, cases, files: await blobFiles(platform) };
}

/** Runs `act` and asserts that it changed nothing that is stored. */
async function expectNothingStored(platform: TestPlatform, act: () => Promise<void>): Promise<void> {
  const before = await stored(platform);
  await act();
  assert.deepEqual(await stored(platform), before);
}

async function citizen(platform: TestPlatform, person: string): Promise<Client> {
  const client = new Client(platform.app);
  const login = await loginCitizen(client, person);
  assert.equal(login.statusCode, 303, login.body);
  return client;
}

async function caseworker(platform: TestPlatform): Promise<Client> {
  const client = new Client(platform.app);
  await loginCaseworker(client);
  return client;
}

/** Deletes a citizen's draft and its uploads' records, so a journey starts from the first page. */
async function discardDraft(platform: TestPlatform, citizenId: string): Promise<void> {
  const drafts = platform.db.selectFrom('drafts').select('id').where('citizen_id', '=', citizenId);
  await platform.db.deleteFrom('documents').where('draft_id', 'in', drafts).execute();
  await platform.db.deleteFrom('drafts').where('citizen_id', '=', citizenId).execute();
}

/** Opens a question page (for its CSRF token) and posts `fields` to it. */
async function postPage(client: Client, page: string, fields: Record<string, string>): Promise<Response> {
  await client.get(`${FORM}/${page}`);
  return client.post(`${FORM}/${page}`, fields);
}

describe('with a 64 KiB upload limit', () => {
  let platform: TestPlatform;
  before(async () => {
    platform = await startTestPlatform({ uploadMaxBytes: UPLOAD_MAX_BYTES });
  });
  after(() => platform.close());

  describe('uploads', () => {
    let erika: Client;
    before(async () => {
      erika = await citizen(platform, 'test-erika-mustermann');
    });

    test('a file that is not PDF, JPEG or PNG is refused whatever its name says', async () => {
      const notDocuments = [
        Buffer.from('Das ist kein Fahrzeugschein, nur Text.\n'),
        // The DOS header of a Windows program.
        Buffer.concat([Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]), randomBytes(2048)]),
      ];
      for (const content of notDocuments) {
        await expectNothingStored(platform, async () => {
          await erika.get(UPLOAD);
          const response = await erika.upload(UPLOAD, FILE_FIELD, {
            name: 'schein.pdf',
            type: 'application/pdf',
            content,
          });
          expectPage(response, 400, /PDF, JPEG oder PNG/);
          expectErrorLinks(response, { [FILE_FIELD]: /„Fahrzeugschein“.*PDF, JPEG oder PNG/ });
        });
      }
    });

    test('a file over the limit is refused and leaves no file, not even a partial one', async () => {
      const tooLarge = Buffer.concat([SAMPLE_PNG, randomBytes(UPLOAD_MAX_BYTES + 10 * 1024)]);
      await expectNothingStored(platform, async () => {
        await erika.get(UPLOAD);
        const response = await erika.upload(UPLOAD, FILE_FIELD, {
          name: 'riesig.png',
          type: 'image/png',
          content: tooLarge,
        });
        assert.ok(response.statusCode >= 400 && response.statusCode < 500, String(response.statusCode));
        expectPage(response, response.statusCode, /größer als/);
        expectErrorLinks(response, { [FILE_FIELD]: /„Fahrzeugschein“: Die Datei ist größer als/ });
      });
      assert.ok(!(await blobFiles(platform)).some((f) => f.endsWith('.partial')));
    });

    test('a file just within the limit is stored, so the limit is the one configured', async () => {
      const fits = Buffer.concat([SAMPLE_PNG, randomBytes(UPLOAD_MAX_BYTES - SAMPLE_PNG.length)]);
      await erika.get(UPLOAD);
      const response = await erika.upload(UPLOAD, FILE_FIELD, {
        name: 'passt.png',
        type: 'image/png',
        content: fits,
      });
      assert.equal(response.statusCode, 303, response.body);
      const documents = await platform.db
        .selectFrom('documents')
        .select(['filename', 'size_bytes'])
        .execute();
      assert.deepEqual(documents, [{ filename: 'passt.png', size_bytes: UPLOAD_MAX_BYTES }]);
      assert.equal((await blobFiles(platform)).length, 1);
    });

    test('sending the form without choosing a file asks for one', async () => {
      const jana = await citizen(platform, 'test-jana-kowalski');
      const noFile = { name: '', type: 'application/octet-stream', content: Buffer.alloc(0) };
      const emptyFile = { name: 'leer.pdf', type: 'application/pdf', content: Buffer.alloc(0) };
      for (const [field, file] of [
        [FILE_FIELD, noFile],
        [FILE_FIELD, emptyFile],
        ['somethingElse', { name: 'schein.pdf', type: 'application/pdf', content: SAMPLE_PDF }],
      ] as const) {
        await expectNothingStored(platform, async () => {
          await jana.get(UPLOAD);
          const response = await jana.upload(UPLOAD, field, file);
          expectPage(response, 400, /Wählen Sie eine Datei/);
          expectErrorLinks(response, { [FILE_FIELD]: /Wählen Sie eine Datei für „Fahrzeugschein“ aus/ });
        });
      }
    });

    test('a form post without multipart to the upload page is a 400', async () => {
      const jana = await citizen(platform, 'test-jana-kowalski');
      await expectNothingStored(platform, async () => {
        await jana.get(UPLOAD);
        expectPage(await jana.post(UPLOAD, { [FILE_FIELD]: 'schein.pdf' }), 400, /wählen Sie eine Datei aus/);
      });
    });
  });

  describe('text pages', () => {
    let jana: Client;
    before(async () => {
      jana = await citizen(platform, 'test-jana-kowalski');
    });

    test('an empty name page lists both fields in the error summary', async () => {
      await expectNothingStored(platform, async () => {
        const response = await postPage(jana, 'name', { givenName: '', familyName: '  ' });
        expectPage(response, 400);
        expectErrorLinks(response, {
          givenName: /Bitte füllen Sie das Feld „Vorname“ aus/,
          familyName: /Bitte füllen Sie das Feld „Nachname“ aus/,
        });
      });
    });

    test('a bad postal code and house number are named in the messages', async () => {
      await expectNothingStored(platform, async () => {
        const response = await postPage(jana, 'anschrift', {
          'address.street': 'Lindenallee',
          'address.houseNumber': 'abc',
          'address.postalCode': '1234',
          'address.city': 'Musterstadt',
        });
        expectPage(response, 400);
        expectErrorLinks(response, {
          'address.houseNumber': /„Hausnummer“/,
          'address.postalCode': /„Postleitzahl“.*5 Ziffern/,
        });
        // What was typed stays in the form, so it can be corrected.
        assert.match(response.body, /value="1234"/);
        assert.match(response.body, /value="Lindenallee"/);
      });
    });

    test('a vehicle registration of only digits is refused', async () => {
      await expectNothingStored(platform, async () => {
        const response = await postPage(jana, 'fahrzeug', { vehicleRegistration: '12345' });
        expectPage(response, 400);
        expectErrorLinks(response, { vehicleRegistration: /„Kennzeichen“.*deutsches Kennzeichen/ });
      });
    });

    test('an overlong given name is refused and the draft keeps the earlier value', async () => {
      assert.equal(
        (await postPage(jana, 'name', { givenName: 'Jana', familyName: 'Kowalski' })).statusCode,
        303,
      );
      const overlong = 'J'.repeat(101);
      await expectNothingStored(platform, async () => {
        const response = await postPage(jana, 'name', { givenName: overlong, familyName: 'Kowalski' });
        expectPage(response, 400);
        expectErrorLinks(response, { givenName: /„Vorname“ darf höchstens 100 Zeichen lang sein/ });
      });
      const draft = await platform.db
        .selectFrom('drafts')
        .select('answers')
        .where('citizen_id', '=', 'test-jana-kowalski')
        .executeTakeFirstOrThrow();
      assert.equal(draft.answers.givenName, 'Jana');
      assert.ok(!JSON.stringify(draft.answers).includes(overlong));
    });

    test('control characters are removed before storing, NUL included', async () => {
      const response = await postPage(jana, 'name', {
        givenName: 'Ja\u0000na\u0007',
        familyName: 'Kowalski',
      });
      assert.equal(response.statusCode, 303, response.body);
      const draft = await platform.db
        .selectFrom('drafts')
        .select('answers')
        .where('citizen_id', '=', 'test-jana-kowalski')
        .executeTakeFirstOrThrow();
      assert.equal(draft.answers.givenName, 'Ja na');
    });

    test('a 300 KB form body is refused with 413 and a German page', async () => {
      await expectNothingStored(platform, async () => {
        await jana.get(`${FORM}/name`);
        const response = await jana.post(`${FORM}/name`, {
          givenName: 'x'.repeat(300 * 1024),
          familyName: 'K',
        });
        expectPage(response, 413, /Zu groß/, /Die gesendeten Daten sind zu groß/);
      });
    });
  });

  describe('forged requests', () => {
    let jana: Client;
    let ozan: Client;
    before(async () => {
      jana = await citizen(platform, 'test-jana-kowalski');
      ozan = await citizen(platform, 'test-ozan-yilmaz');
      await discardDraft(platform, 'test-ozan-yilmaz');
      await fillApplication(ozan);
    });

    const expired = (response: Response) =>
      expectPage(response, 403, /Sitzung abgelaufen/, /Das Formular war abgelaufen/);

    test('a text page with a wrong, missing or foreign CSRF token is refused', async () => {
      await jana.get(`${FORM}/name`);
      const othersToken = ozan.csrf();
      await ozan.get(`${FORM}/name`);
      const fields = { givenName: 'Mallory', familyName: 'Evil' };
      await expectNothingStored(platform, async () => {
        expired(await jana.post(`${FORM}/name`, fields, { csrf: 'x'.repeat(43) }));
        expired(await jana.post(`${FORM}/name`, fields, { csrf: 'forged' }));
        expired(await jana.post(`${FORM}/name`, fields, { csrf: null }));
        expired(await jana.post(`${FORM}/name`, fields, { csrf: othersToken }));
      });
    });

    test('the log-in with a forged token does not log in', async () => {
      const visitor = new Client(platform.app);
      await visitor.get('/anmelden');
      expired(
        await visitor.post(
          '/anmelden',
          { person: 'test-erika-mustermann', trustLevel: 'high' },
          { csrf: 'forged' },
        ),
      );
      const postbox = await visitor.get('/postfach');
      assert.equal(postbox.statusCode, 303);
      assert.match(String(postbox.headers.location), /^\/anmelden/);
    });

    test('the declaration with a forged token submits nothing', async () => {
      await expectNothingStored(platform, async () => {
        await ozan.get(`${FORM}/erklaerung`);
        expired(await ozan.post(`${FORM}/erklaerung`, { declaration: 'yes' }, { csrf: 'forged' }));
        expired(await ozan.post(`${FORM}/erklaerung`, { declaration: 'yes' }, { csrf: null }));
      });
    });

    test('an upload with a wrong or no _csrf field stores no file', async () => {
      const pdf = { name: 'schein.pdf', type: 'application/pdf', content: SAMPLE_PDF };
      await expectNothingStored(platform, async () => {
        await jana.get(UPLOAD);
        expired(await jana.upload(UPLOAD, FILE_FIELD, pdf, { csrf: 'forged' }));
        expired(await jana.upload(UPLOAD, FILE_FIELD, pdf, { csrf: null }));
      });
    });

    test('a post from another site is refused even with a valid token', async () => {
      const fields = { givenName: 'Jana', familyName: 'Kowalski-Evil' };
      await expectNothingStored(platform, async () => {
        await jana.get(`${FORM}/name`);
        expired(await jana.post(`${FORM}/name`, fields, { headers: { origin: 'https://evil.example' } }));
      });
      // The same request from this site goes through: the Origin is what was refused.
      await jana.get(`${FORM}/name`);
      const sameSite = await jana.post(`${FORM}/name`, fields, {
        headers: { origin: 'https://amtsweg.example', host: 'amtsweg.example' },
      });
      assert.equal(sameSite.statusCode, 303, sameSite.body);
    });
  });

  describe('declaration and submission', () => {
    test('submitting without ticking the box shows the checkbox error', async () => {
      const ozan = await citizen(platform, 'test-ozan-yilmaz');
      await expectNothingStored(platform, async () => {
        await ozan.get(`${FORM}/erklaerung`);
        const response = await ozan.post(`${FORM}/erklaerung`, {});
        expectPage(response, 400);
        expectErrorLinks(response, { declaration: /Bestätigen Sie die Erklärung/ });
        await ozan.get(`${FORM}/erklaerung`);
        expectPage(
          await ozan.post(`${FORM}/erklaerung`, { declaration: 'no' }),
          400,
          /Bestätigen Sie die Erklärung/,
        );
      });
    });

    test('submitting an incomplete draft is a 409 that says what is missing, and creates no case', async () => {
      const erika = await citizen(platform, 'test-erika-mustermann');
      await expectNothingStored(platform, async () => {
        await erika.get(`${FORM}/erklaerung`);
        const response = await erika.post(`${FORM}/erklaerung`, { declaration: 'yes' });
        expectPage(response, 409, /noch nicht vollständig/);
      });
    });

    test('submitting with no draft at all is a 409', async () => {
      const visitor = await citizen(platform, 'test-erika-mustermann');
      await discardDraft(platform, 'test-erika-mustermann');
      await expectNothingStored(platform, async () => {
        await visitor.get(`${FORM}/erklaerung`);
        expectPage(
          await visitor.post(`${FORM}/erklaerung`, { declaration: 'yes' }),
          409,
          /keinen offenen Antrag/,
        );
      });
    });
  });

  describe('unknown addresses', () => {
    test('an unknown service or page is a German 404', async () => {
      const jana = await citizen(platform, 'test-jana-kowalski');
      for (const url of [
        '/dienste/unbekannt',
        '/dienste/unbekannt/formular',
        '/dienste/unbekannt/formular/name',
        `${FORM}/unbekannt`,
        '/gibt-es-nicht',
        '/antraege/not-a-uuid/bestaetigung',
        '/antraege/not-a-uuid/eingangsbestaetigung.pdf',
        '/postfach/dokumente/not-a-uuid',
      ]) {
        const response = await jana.get(url);
        expectPage(response, 404, /Seite nicht gefunden|Diesen Vorgang gibt es nicht/);
      }
      await jana.get(`${FORM}/name`);
      await expectNothingStored(platform, async () => {
        expectPage(await jana.post(`${FORM}/unbekannt`, { givenName: 'X' }), 404, /Seite nicht gefunden/);
      });
    });

    test('a malformed case or document id for staff is a 404, not a database error', async () => {
      const staff = await caseworker(platform);
      expectPage(await staff.get('/verwaltung/vorgaenge/not-a-uuid'), 404, /Diesen Vorgang gibt es nicht/);
      expectPage(await staff.get('/verwaltung/dokumente/not-a-uuid'), 404, /Seite nicht gefunden/);
      await staff.get('/verwaltung/eingang');
      const decide = await staff.post('/verwaltung/vorgaenge/not-a-uuid/entscheidung', {
        decision: 'approved',
        reason: 'Passt.',
        version: '1',
      });
      expectPage(decide, 404, /Diesen Vorgang gibt es nicht/);
    });
  });

  describe('the caseworker decision form', () => {
    let staff: Client;
    let caseUrl: string;
    before(async () => {
      const erika = await citizen(platform, 'test-erika-mustermann');
      await discardDraft(platform, 'test-erika-mustermann');
      await fillApplication(erika);
      await submitApplication(erika);
      const found = await platform.db.selectFrom('cases').select('id').executeTakeFirstOrThrow();
      caseUrl = `/verwaltung/vorgaenge/${found.id}`;
      staff = await caseworker(platform);
    });

    const decide = async (fields: Record<string, string>) => {
      await staff.get(caseUrl);
      return staff.post(`${caseUrl}/entscheidung`, fields);
    };

    test('no decision and no reason: both errors', async () => {
      await expectNothingStored(platform, async () => {
        const response = await decide({ reason: '   ', version: '1' });
        expectPage(response, 400);
        expectErrorLinks(response, {
          decision: /Wählen Sie aus, ob Sie genehmigen oder ablehnen/,
          reason: /„Begründung“/,
        });
        expectPage(
          await decide({ decision: 'maybe', reason: 'Gut.', version: '1' }),
          400,
          /genehmigen oder ablehnen/,
        );
      });
    });

    test('a reason of 2,001 characters is refused', async () => {
      await expectNothingStored(platform, async () => {
        const response = await decide({ decision: 'approved', reason: 'a'.repeat(2001), version: '1' });
        expectPage(response, 400);
        expectErrorLinks(response, { reason: /„Begründung“ darf höchstens 2000 Zeichen/ });
      });
    });

    test('a version that is not a whole number in range is a conflict, not a database error', async () => {
      await expectNothingStored(platform, async () => {
        for (const version of ['abc', '', '1.5', '-1', '99999999999', '1e3'])
          expectPage(await decide({ decision: 'approved', reason: 'Gut.', version }), 409, /geändert/);
      });
    });

    test('a reason with control characters is stored without them', async () => {
      const response = await decide({
        decision: 'approved',
        reason: 'Zone A\u0000 passt.\nGenehmigt.',
        version: '1',
      });
      assert.equal(response.statusCode, 303, response.body);
      const decided = await platform.db
        .selectFrom('cases')
        .select(['status', 'outcome'])
        .executeTakeFirstOrThrow();
      assert.equal(decided.status, 'approved');
      assert.equal((decided.outcome as { reason: string }).reason, 'Zone A passt.\nGenehmigt.');
      // The Bescheid is rendered in the background; wait so later snapshots are stable.
      await eventually(async () =>
        platform.db
          .selectFrom('documents')
          .select('id')
          .where('kind', '=', 'decision_letter')
          .executeTakeFirst(),
      );
    });

    test('deciding a stale version is a 409: the case was already decided', async () => {
      await expectNothingStored(platform, async () => {
        await staff.get(`${caseUrl}`);
        const response = await staff.post(`${caseUrl}/entscheidung`, {
          decision: 'rejected',
          reason: 'Doch nicht.',
          version: '1',
        });
        expectPage(response, 409, /bereits entschieden/);
      });
      const events = await platform.db.selectFrom('case_events').select('type').orderBy('id').execute();
      assert.deepEqual(
        events.map((e) => e.type),
        ['submitted', 'decided'],
      );
    });
  });
});

describe('in production', () => {
  let platform: TestPlatform;
  before(async () => {
    platform = await startTestPlatform({ nodeEnv: 'production' });
  });
  after(() => platform.close());

  test('the development log-ins are switched off', async () => {
    const visitor = new Client(platform.app);
    for (const url of ['/anmelden', '/verwaltung/anmelden']) {
      expectPage(await visitor.get(url), 404, /Test-Anmeldung/);
    }
    expectPage(
      await visitor.post(
        '/anmelden',
        { person: 'test-erika-mustermann', trustLevel: 'high' },
        { csrf: null },
      ),
      404,
      /Test-Anmeldung/,
    );
    expectPage(
      await visitor.post('/verwaltung/anmelden', { staffId: 'x' }, { csrf: null }),
      404,
      /Test-Anmeldung/,
    );
    assert.equal((await visitor.get('/postfach')).statusCode, 303);
  });

  test('the development outbox (e-mails with resume links) does not exist', async () => {
    expectPage(await new Client(platform.app).get('/entwicklung/postausgang'), 404, /Seite nicht gefunden/);
  });
});
