/**
 * The outbox keeps link tokens only while a mail may still be sent: a sent mail and a mail that failed its
 * last try both lose their body; sent and failed mails are deleted after MAIL_RETENTION_DAYS. A mail still
 * pending after MAIL_RETENTION_DAYS will not be sent any more: it is marked failed, losing its body.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { DEMO_TENANT } from '../src/identity/tenants.ts';
import {
  deleteExpiredMails,
  MAIL_QUEUE,
  type MailTransport,
  mailHandler,
  queueMail,
} from '../src/jobs/mail.ts';
import { type JobQueue, startJobQueue } from '../src/jobs/queue.ts';
import { nightlyJobs, onDeadLetter } from '../src/main.ts';
import { Client } from './helpers/client.ts';
import { eventually, startTestPlatform, type TestPlatform } from './helpers/platform.ts';

const LINK = 'http://localhost:3000/nachrichten/c2VjcmV0LXRva2VuLXRoYXQtb3BlbnMtYS1jYXNlLWFiYw';
const BROKEN = 'niemand@example.invalid';

let platform: TestPlatform;
let mailer: JobQueue;
const sent: string[] = [];
/** A mail server that refuses one recipient for good and accepts everyone else. */
const transport: MailTransport = {
  async send(mail) {
    if (mail.to === BROKEN) throw new Error('550 no such user');
    sent.push(mail.to);
  },
};

before(async () => {
  platform = await startTestPlatform();
  // The mail worker as main.ts wires it, with no retries so the last try comes at once.
  mailer = await startJobQueue({
    url: platform.url,
    queues: [MAIL_QUEUE],
    retryLimit: 0,
    handlers: { [MAIL_QUEUE]: mailHandler(platform.db, transport) },
    onDeadLetter: onDeadLetter(platform.db, () => {}),
  });
});
after(async () => {
  await mailer.stop();
  await platform.close();
});

async function queue(to: string): Promise<void> {
  await platform.db.transaction().execute((trx) =>
    queueMail(trx, mailer, {
      tenantArs: DEMO_TENANT.ars,
      to,
      subject: `Ihr Link (${to})`,
      body: `Mit diesem Link geht es weiter:\n${LINK}`,
    }),
  );
}

const mailTo = (recipient: string) =>
  platform.db
    .selectFrom('outbound_mail')
    .select(['id', 'body', 'sent_at', 'failed_at'])
    .where('recipient', '=', recipient)
    .executeTakeFirst();

test('a mail that fails its last try loses its link, shows as failed and opens an incident', async () => {
  await queue(BROKEN);
  const failed = await eventually(async () => {
    const row = await mailTo(BROKEN);
    return row?.failed_at ? row : undefined;
  });
  assert.equal(failed.body, '', 'the link is gone, as after sending');
  assert.equal(failed.sent_at, null);
  const incidents = await platform.db.selectFrom('incidents').select(['queue', 'data']).execute();
  assert.deepEqual(incidents, [{ queue: MAIL_QUEUE, data: { mailId: failed.id } }]);

  // The development outbox tells it apart from a mail still waiting.
  const outbox = await new Client(platform.app).get('/entwicklung/postausgang');
  assert.match(outbox.body, /niemand@example\.invalid, [^<]*, Versand fehlgeschlagen/);
  assert.ok(!outbox.body.includes(LINK), 'no page shows the link of a failed mail');

  // Retried by hand later, the dead job sends nothing (its body is gone).
  await mailHandler(platform.db, transport)({ mailId: failed.id });
  assert.deepEqual(sent, []);
});

test('a sent mail loses its link', async () => {
  await queue('mia@example.org');
  const done = await eventually(async () => {
    const row = await mailTo('mia@example.org');
    return row?.sent_at ? row : undefined;
  });
  assert.deepEqual(sent, ['mia@example.org']);
  assert.equal(done.body, '');
  assert.equal(done.failed_at, null);
});

test('the nightly run deletes sent and failed mails after MAIL_RETENTION_DAYS and keeps pending ones', async () => {
  await platform.db.deleteFrom('outbound_mail').execute();
  const daysAgo = (days: number) => sql<Date>`now() - make_interval(days => ${days})`;
  const row = (
    recipient: string,
    createdDaysAgo: number,
    sentDaysAgo: number | null,
    failedDaysAgo: number | null,
  ) => ({
    tenant_ars: DEMO_TENANT.ars,
    recipient,
    subject: 'Betreff',
    body: sentDaysAgo === null && failedDaysAgo === null ? LINK : '',
    created_at: daysAgo(createdDaysAgo),
    sent_at: sentDaysAgo === null ? null : daysAgo(sentDaysAgo),
    failed_at: failedDaysAgo === null ? null : daysAgo(failedDaysAgo),
  });
  await platform.db
    .insertInto('outbound_mail')
    .values([
      row('sent-long-ago@example.org', 60, 8, null),
      row('failed-long-ago@example.org', 60, null, 8),
      row('sent-recently@example.org', 60, 6, null),
      row('failed-recently@example.org', 60, null, 6),
      row('pending@example.org', 6, null, null),
      // Never sent and never marked failed (dead-lettered before migration 0008, or marking it failed failed).
      row('stuck@example.org', 8, null, null),
    ])
    .execute();

  const jobs = nightlyJobs(platform.db, platform.store, { draftRetentionDays: 30, mailRetentionDays: 7 });
  assert.ok(jobs.some((job) => job.queue === 'expire-mails'));
  for (const job of jobs) await job.run();

  const left = await platform.db
    .selectFrom('outbound_mail')
    .select(['recipient', 'body', sql<boolean>`failed_at IS NOT NULL`.as('failed')])
    .orderBy('recipient')
    .execute();
  assert.deepEqual(left, [
    { recipient: 'failed-recently@example.org', body: '', failed: true },
    { recipient: 'pending@example.org', body: LINK, failed: false },
    { recipient: 'sent-recently@example.org', body: '', failed: false },
    // Past the retention period it will not be sent any more: it loses its link now and is kept as failed.
    { recipient: 'stuck@example.org', body: '', failed: true },
  ]);
});

test('a mail pending past MAIL_RETENTION_DAYS is deleted a retention period after it was marked failed', async () => {
  await platform.db.deleteFrom('outbound_mail').execute();
  await platform.db
    .insertInto('outbound_mail')
    .values({
      tenant_ars: DEMO_TENANT.ars,
      recipient: 'stuck@example.org',
      subject: 'Betreff',
      body: LINK,
      created_at: new Date('2026-01-01T00:00:00Z'),
    })
    .execute();
  const day = 24 * 60 * 60 * 1000;
  const markedAt = new Date('2026-01-09T03:27:00Z');
  assert.equal(await deleteExpiredMails(platform.db, markedAt, 7), 0);
  assert.equal(await deleteExpiredMails(platform.db, new Date(markedAt.getTime() + 7 * day - 1), 7), 0);
  assert.equal(await deleteExpiredMails(platform.db, new Date(markedAt.getTime() + 7 * day + 1), 7), 1);
});
