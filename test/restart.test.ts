/** Stop the server process and start it again on the same data: cases, events, uploads and drafts survive. */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { Client } from './helpers/client.ts';
import {
  answerNamePage,
  FORM,
  fillApplication,
  loginCaseworker,
  loginCitizen,
  submitApplication,
} from './helpers/journey.ts';
import { freePort } from './helpers/platform.ts';
import { startServerProcess } from './helpers/server-process.ts';

const dataDir = await mkdtemp(join(tmpdir(), 'amtsweg-restart-'));
after(() => rm(dataDir, { recursive: true, force: true }));

async function connect(port: number): Promise<void> {
  const socket = createConnection({ host: '127.0.0.1', port });
  try {
    await once(socket, 'connect');
  } finally {
    socket.destroy();
  }
}

// A recognisable upload, so the test can compare the bytes after the restart.
const upload = Buffer.concat([
  Buffer.from('%PDF-1.4\n'),
  Buffer.from(`restart-test ${Date.now()}\n`),
  Buffer.from('%%EOF\n'),
]);

/** The variables for a server process on fresh ports, with its data in `dir`. */
async function serverEnv(dir: string): Promise<Record<string, string>> {
  return { DATA_DIR: dir, PORT: String(await freePort()), EMBEDDED_POSTGRES_PORT: String(await freePort()) };
}

/** A citizen who has submitted one application through `url`; returns their client and the reference. */
async function submittedApplication(url: string) {
  const applicant = new Client(url);
  await loginCitizen(applicant);
  await fillApplication(applicant, upload);
  const { reference } = await submitApplication(applicant);
  return { applicant, reference };
}

test('a submitted case, its events, its upload and a saved draft survive a restart', async () => {
  const env = await serverEnv(dataDir);
  const first = await startServerProcess(env);
  const { applicant, reference } = await submittedApplication(first.url);
  const drafter = new Client(first.url);
  await loginCitizen(drafter, 'test-jana-kowalski');
  await answerNamePage(drafter, 'Kowalski-Draft');
  assert.equal(await first.stop('SIGTERM'), 0, first.output());

  // The embedded PostgreSQL went down with the server: nothing listens on its port any more.
  await assert.rejects(connect(Number(env.EMBEDDED_POSTGRES_PORT)), { code: 'ECONNREFUSED' });

  const second = await startServerProcess(env);
  try {
    const caseworker = new Client(second.url);
    await loginCaseworker(caseworker);
    const inbox = await caseworker.get('/verwaltung/eingang');
    assert.match(inbox.body, new RegExp(reference));
    const caseUrl = inbox.body.match(/href="(\/verwaltung\/vorgaenge\/[^"]+)"/)?.[1] ?? '';
    const casePage = await caseworker.get(caseUrl);
    assert.match(casePage.body, /Antrag eingegangen/);
    const uploadUrl = casePage.body.match(/href="(\/verwaltung\/dokumente\/[^"]+)"/)?.[1] ?? '';
    const stored = await caseworker.get(uploadUrl);
    assert.equal(stored.statusCode, 200);
    assert.deepEqual(stored.rawPayload, upload);

    // The applicant's session cookie is still valid (the session key is kept in the data folder).
    const postbox = await applicant.get('/postfach');
    assert.match(postbox.body, new RegExp(reference));

    const returning = new Client(second.url);
    await loginCitizen(returning, 'test-jana-kowalski');
    const resume = await returning.get(FORM);
    assert.equal(resume.headers.location, `${FORM}/anschrift`);
    assert.match((await returning.get(`${FORM}/name`)).body, /value="Kowalski-Draft"/);
  } finally {
    assert.equal(await second.stop('SIGINT'), 0, second.output());
  }
});

test('after the server process is killed, the next start takes over the data and nothing submitted is lost', async () => {
  const crashDir = await mkdtemp(join(tmpdir(), 'amtsweg-crash-'));
  const env = await serverEnv(crashDir);
  const first = await startServerProcess(env);
  const { applicant, reference } = await submittedApplication(first.url);
  // SIGKILL: no shutdown code runs; the embedded PostgreSQL is left running without its owner.
  await first.stop('SIGKILL');
  const second = await startServerProcess(env);
  try {
    const postbox = await applicant.get('/postfach');
    assert.match(postbox.body, new RegExp(reference));
  } finally {
    await second.stop('SIGTERM');
    await rm(crashDir, { recursive: true, force: true });
  }
});
