/** With DATABASE_URL the platform uses that server and starts no embedded PostgreSQL of its own. */
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { createDatabase } from '../src/db/database.ts';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.ts';
import { Client } from './helpers/client.ts';
import { FORM, loginCitizen } from './helpers/journey.ts';
import { freePort } from './helpers/platform.ts';
import { startServerProcess } from './helpers/server-process.ts';

test('DATABASE_URL points the platform at an existing PostgreSQL server', async () => {
  const serverDir = await mkdtemp(join(tmpdir(), 'amtsweg-external-pg-'));
  const appDir = await mkdtemp(join(tmpdir(), 'amtsweg-app-'));
  const external = await startEmbeddedPostgres(serverDir, await freePort());
  try {
    const server = await startServerProcess({
      DATA_DIR: appDir,
      PORT: String(await freePort()),
      DATABASE_URL: external.url,
    });
    try {
      const citizen = new Client(server.url);
      await loginCitizen(citizen);
      assert.equal((await citizen.get(FORM)).headers.location, `${FORM}/name`);
    } finally {
      assert.equal(await server.stop(), 0);
    }
    assert.ok(!(await readdir(appDir)).includes('postgres'), 'no embedded database folder was created');
    const db = createDatabase(external.url);
    const tenants = await db.selectFrom('tenants').select('name').execute();
    await db.destroy();
    assert.deepEqual(tenants, [{ name: 'Musterstadt' }]);
  } finally {
    await external.stop();
    await rm(serverDir, { recursive: true, force: true });
    await rm(appDir, { recursive: true, force: true });
  }
});
