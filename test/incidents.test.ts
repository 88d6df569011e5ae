/** An effect that fails every retry opens an incident that staff see and resolve; nothing fails silently. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { recordIncident } from '../src/jobs/incidents.ts';
import { type JobQueue, startJobQueue } from '../src/jobs/queue.ts';
import { Client } from './helpers/client.ts';
import { loginStaff } from './helpers/journey.ts';
import { eventually, startTestPlatform, type TestPlatform } from './helpers/platform.ts';

let platform: TestPlatform;
let failing: JobQueue;
before(async () => {
  platform = await startTestPlatform();
  failing = await startJobQueue({
    url: platform.url,
    queues: ['render-decision-letter-test'],
    retryLimit: 0,
    handlers: {
      'render-decision-letter-test': async () => {
        throw new Error('the PDF renderer is broken');
      },
    },
    onDeadLetter: (job) => recordIncident(platform.db, job),
  });
});
after(async () => {
  await failing.stop();
  await platform.close();
});

test('a job that fails its last try becomes one incident, shown to staff until resolved', async () => {
  await platform.db
    .transaction()
    .execute((trx) =>
      failing.enqueue(trx, { queue: 'render-decision-letter-test', data: { caseId: 'c-1' } }),
    );
  const incident = await eventually(
    async () => (await platform.db.selectFrom('incidents').selectAll().execute())[0],
  );
  assert.equal(incident.queue, 'render-decision-letter-test');
  assert.deepEqual(incident.data, { caseId: 'c-1' });

  const staff = new Client(platform.app);
  await loginStaff(staff, 'Tobias Wagner');
  const page = await staff.get('/verwaltung/stoerungen');
  assert.match(page.body, /render-decision-letter-test/);
  assert.match(page.body, /c-1/);
  const done = await staff.post(`/verwaltung/stoerungen/${incident.id}/erledigt`, {});
  assert.equal(done.statusCode, 303);
  assert.match((await staff.get('/verwaltung/stoerungen')).body, /Keine offenen Störungen/);
  assert.equal((await staff.post(`/verwaltung/stoerungen/${incident.id}/erledigt`, {})).statusCode, 404);
});

test('recording the same dead-lettered job twice opens one incident', async () => {
  await recordIncident(platform.db, { id: 'job-42', queue: 'send-mail', data: {} });
  await recordIncident(platform.db, { id: 'job-42', queue: 'send-mail', data: {} });
  const rows = await platform.db
    .selectFrom('incidents')
    .select('id')
    .where('job_id', '=', 'job-42')
    .execute();
  assert.equal(rows.length, 1);
});
