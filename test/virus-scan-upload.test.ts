/** Uploads are scanned by clamd (a protocol-level stand-in here): infected files are refused and not stored. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createClamdScanner } from '../src/documents/clamd.ts';
import { Client, SAMPLE_PDF } from './helpers/client.ts';
import { EICAR, type FakeClamd, startFakeClamd } from './helpers/fake-clamd.ts';
import { FORM, loginCitizen } from './helpers/journey.ts';
import { startTestPlatform, type TestPlatform } from './helpers/platform.ts';
import { storedFiles } from './helpers/stored-files.ts';

let clamd: FakeClamd;
let platform: TestPlatform;
before(async () => {
  clamd = await startFakeClamd();
  platform = await startTestPlatform({
    scanner: createClamdScanner({ host: '127.0.0.1', port: clamd.port, timeoutMs: 5000 }),
  });
});
after(async () => {
  await platform.close();
  await clamd.close();
});

const upload = async (client: Client, content: Buffer) => {
  await client.get(`${FORM}/fahrzeugschein`);
  return client.upload(`${FORM}/fahrzeugschein`, 'registrationCertificate', {
    name: 'schein.pdf',
    type: 'application/pdf',
    content,
  });
};

test('a PDF carrying the EICAR test signature is refused with a clear message and not stored', async () => {
  const citizen = new Client(platform.app);
  await loginCitizen(citizen);
  const infected = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from(EICAR), Buffer.from('\n%%EOF\n')]);
  const response = await upload(citizen, infected);
  assert.equal(response.statusCode, 400);
  assert.match(response.body, /enthält Schadsoftware und wurde nicht gespeichert/);
  assert.match(response.body, /href="#registrationCertificate"/);
  assert.deepEqual(await storedFiles(platform), []);
  assert.equal((await platform.db.selectFrom('documents').select('id').execute()).length, 0);
});

test('a clean PDF passes the scan and is stored', async () => {
  const citizen = new Client(platform.app);
  await loginCitizen(citizen, 'test-jana-kowalski');
  const response = await upload(citizen, SAMPLE_PDF);
  assert.equal(response.statusCode, 303, response.body);
  assert.equal((await storedFiles(platform)).length, 1);
});
