/** A case change, its event and its effect job commit together or not at all; concurrent decisions cannot both win. */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { decideCase, EFFECTS, submitApplication } from '../src/cases/service.ts';
import { saveAnswers } from '../src/forms/drafts.ts';
import { DEMO_TENANT, listStaff } from '../src/identity/tenants.ts';
import type { StaffMember } from '../src/identity/types.ts';
import type { JobQueue } from '../src/jobs/queue.ts';
import { loadPackageFile } from '../src/packages/load.ts';
import { startTestPlatform, type TestPlatform } from './helpers/platform.ts';
import { storeUpload } from './helpers/stored-files.ts';

const pkg = await loadPackageFile(
  join(import.meta.dirname, '..', 'services', 'bewohnerparkausweis', 'package.yaml'),
);
const service = pkg.definition;
let platform: TestPlatform;
let staff: StaffMember;
before(async () => {
  platform = await startTestPlatform();
  const caseworker = (await listStaff(platform.db, DEMO_TENANT.ars)).find((s) =>
    s.roles.includes('caseworker'),
  );
  assert.ok(caseworker);
  staff = caseworker;
});
after(() => platform.close());

const citizen = { id: 'test-tx', givenName: 'Tea', familyName: 'Transaktion', trustLevel: 'high' as const };
const answers = {
  givenName: 'Tea',
  familyName: 'Transaktion',
  address: { street: 'A', houseNumber: '1', postalCode: '12345', city: 'B' },
  vehicleRegistration: 'B-A 1',
};

/** A complete draft of `citizenId`, its vehicle registration certificate uploaded (a submission checks). */
async function completeDraft(citizenId: string): Promise<void> {
  const key = { tenantArs: DEMO_TENANT.ars, service, citizenId };
  const draftId = await saveAnswers(platform.db, key, answers, 'fahrzeug');
  const upload = { draftId, field: 'registrationCertificate', filename: 'a.pdf' };
  const file = await storeUpload(platform.db, platform.store, upload);
  await saveAnswers(platform.db, key, { registrationCertificate: file }, 'fahrzeugschein');
}

async function submitted(citizenId: string) {
  await completeDraft(citizenId);
  return submitApplication(
    { db: platform.db, jobs: platform.jobs, store: platform.store, now: () => new Date() },
    { tenantArs: DEMO_TENANT.ars, pkg, citizen: { ...citizen, id: citizenId } },
  );
}

async function jobsFor(queue: string, caseId: string): Promise<number> {
  const { rows } = await sql<{
    n: number;
  }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = ${queue} AND data->>'caseId' = ${caseId}`.execute(
    platform.db,
  );
  return rows[0]?.n ?? 0;
}

test('a failure after the effect was enqueued rolls back the case change, its event and the job', async () => {
  const created = await submitted('test-tx-1');
  assert.equal(await jobsFor(EFFECTS.notifySubmitted, created.id), 1);
  const failingJobs: JobQueue = {
    enqueue: async (trx, effect) => {
      await platform.jobs.enqueue(trx, effect);
      throw new Error('crash right after enqueue');
    },
    stop: async () => {},
  };
  await assert.rejects(
    decideCase({ db: platform.db, jobs: failingJobs, now: () => new Date() }, staff, {
      caseId: created.id,
      expectedVersion: 1,
      decision: 'approved',
      reason: 'ok',
    }),
    /crash right after enqueue/,
  );
  const row = await platform.db
    .selectFrom('cases')
    .select(['status', 'version'])
    .where('id', '=', created.id)
    .executeTakeFirstOrThrow();
  assert.deepEqual(row, { status: 'submitted', version: 1 });
  const events = await platform.db
    .selectFrom('case_events')
    .select('type')
    .where('case_id', '=', created.id)
    .execute();
  assert.deepEqual(events, [{ type: 'submitted' }]);
  assert.equal(await jobsFor(EFFECTS.renderDecisionLetter, created.id), 0);
});

test('of two concurrent decisions on the same version exactly one wins', async () => {
  const created = await submitted('test-tx-2');
  const deps = { db: platform.db, jobs: platform.jobs, now: () => new Date() };
  const results = await Promise.allSettled([
    decideCase(deps, staff, {
      caseId: created.id,
      expectedVersion: 1,
      decision: 'approved',
      reason: 'first',
    }),
    decideCase(deps, staff, {
      caseId: created.id,
      expectedVersion: 1,
      decision: 'rejected',
      reason: 'second',
    }),
  ]);
  assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
  const rejected = results.find((r) => r.status === 'rejected');
  assert.equal(
    rejected?.status === 'rejected' && (rejected.reason as { code?: string }).code,
    'CASE_CHANGED',
  );
  const events = await platform.db
    .selectFrom('case_events')
    .select('type')
    .where('case_id', '=', created.id)
    .execute();
  assert.deepEqual(
    events.map((e) => e.type),
    ['submitted', 'decided'],
  );
  assert.equal(await jobsFor(EFFECTS.renderDecisionLetter, created.id), 1);
});

test('submitting twice at once creates one case', async () => {
  await completeDraft('test-tx-3');
  const deps = { db: platform.db, jobs: platform.jobs, store: platform.store, now: () => new Date() };
  const input = { tenantArs: DEMO_TENANT.ars, pkg, citizen: { ...citizen, id: 'test-tx-3' } };
  const results = await Promise.allSettled([submitApplication(deps, input), submitApplication(deps, input)]);
  assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
  const cases = await platform.db
    .selectFrom('cases')
    .select('id')
    .where('citizen_id', '=', 'test-tx-3')
    .execute();
  assert.equal(cases.length, 1);
});

test('the event log and the audit log refuse changes', async () => {
  await assert.rejects(sql`UPDATE case_events SET type = 'forged'`.execute(platform.db), /append-only/);
  await assert.rejects(sql`DELETE FROM audit_log`.execute(platform.db), /append-only/);
});
