/** A service without log-in: the visitor saves, gets a link by e-mail, and continues in another browser. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { mailHandler } from '../src/jobs/mail.ts';
import { Client } from './helpers/client.ts';
import { publishAnonymousLibraryCard } from './helpers/packages.ts';
import { startTestPlatform, type TestPlatform } from './helpers/platform.ts';

let platform: TestPlatform;
const FORM = '/dienste/bibliotheksausweis/formular';

before(async () => {
  platform = await startTestPlatform();
  await publishAnonymousLibraryCard(platform);
});
after(() => platform.close());

const latestMail = async () =>
  platform.db
    .selectFrom('outbound_mail')
    .select(['id', 'recipient', 'body', 'sent_at'])
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();

test('a visitor without log-in saves, receives a link and continues in another browser', async () => {
  const visitor = new Client(platform.app);
  assert.equal((await visitor.get(FORM)).headers.location, `${FORM}/person`, 'no log-in is asked for');
  const page = await visitor.get(`${FORM}/person`);
  assert.match(page.body, /Speichern und später weitermachen/);
  await visitor.post(`${FORM}/person`, { givenName: 'Mia', familyName: 'Anonym', birthDate: '01.02.1990' });

  await visitor.get(`${FORM}/speichern`);
  const wrong = await visitor.post(`${FORM}/speichern`, { email: 'mia.example.org' });
  assert.equal(wrong.statusCode, 400);
  assert.match(wrong.body, /href="#email"/);
  const sent = await visitor.post(`${FORM}/speichern`, { email: 'mia@example.org' });
  assert.equal(sent.statusCode, 200);
  assert.match(sent.body, /Link verschickt/);

  const mail = await latestMail();
  assert.equal(mail.recipient, 'mia@example.org');
  const link = mail.body.match(/http:\/\/localhost:3000(\/weitermachen\/[\w-]+)/)?.[1];
  assert.ok(link, mail.body);
  const stored = await platform.db.selectFrom('resume_links').select('token_hash').execute();
  assert.ok(!stored.some((row) => link.endsWith(row.token_hash)), 'only a hash of the token is stored');

  const elsewhere = new Client(platform.app);
  const opened = await elsewhere.get(link);
  assert.equal(opened.headers.location, FORM);
  assert.equal((await elsewhere.get(FORM)).headers.location, `${FORM}/kontakt`);
  assert.match((await elsewhere.get(`${FORM}/person`)).body, /value="Anonym"/);

  const outbox = await visitor.get('/entwicklung/postausgang');
  assert.match(outbox.body, /später weitermachen/);
});

test('an unknown or expired link opens nothing', async () => {
  const stranger = new Client(platform.app);
  assert.equal((await stranger.get(`/weitermachen/${'x'.repeat(43)}`)).statusCode, 404);
  const mail = await latestMail();
  const link = mail.body.match(/(\/weitermachen\/[\w-]+)/)?.[1] ?? '';
  await sql`UPDATE resume_links SET expires_at = now() - interval '1 minute'`.execute(platform.db);
  const expired = await stranger.get(link);
  assert.equal(expired.statusCode, 404);
  assert.match(expired.body, /ungültig oder abgelaufen/);
});

test('with a mail server configured each mail is sent once', async () => {
  const sentMails: string[] = [];
  const send = mailHandler(platform.db, { send: async (m) => void sentMails.push(m.to) });
  const mail = await latestMail();
  await send({ mailId: mail.id });
  await send({ mailId: mail.id });
  assert.deepEqual(sentMails, ['mia@example.org']);
  const sent = await latestMail();
  assert.ok(sent.sent_at);
  assert.equal(sent.body, '', 'a sent mail’s body, with its link, is not kept');
});
