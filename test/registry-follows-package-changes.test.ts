/**
 * A process's registry follows what is published elsewhere even when it started listening late or lost its
 * listening connection; close() leaves no connection behind, not even one that was being opened.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { DEMO_TENANT } from '../src/identity/tenants.ts';
import { followPackageChanges, LISTENER_NAME } from '../src/packages/package-changes.ts';
import { loadServiceRegistry, type ServiceRegistry } from '../src/packages/registry.ts';
import { importPackage, publishPackage } from '../src/packages/store.ts';
import { readShippedPackage } from './helpers/packages.ts';
import { eventually, startTestPlatform, type TestPlatform } from './helpers/platform.ts';
import { type HeldConnection, startHoldingProxy } from './helpers/tcp-proxy.ts';

const ars = DEMO_TENANT.ars;
const LIBRARY = 'bibliotheksausweis';

let platform: TestPlatform;
before(async () => {
  platform = await startTestPlatform();
});
after(() => platform.close());

/** Names the tests' own listeners apart from the platform's and each other's, so each can be terminated alone. */
let listeners = 0;

/**
 * A registry of its own with its own follower (the platform's follows platform.services). An
 * application_name in the connection string wins over the one the follower sets.
 */
async function follow(registry: ServiceRegistry, options: { url?: URL; reload?: () => Promise<void> } = {}) {
  const url = options.url ?? new URL(platform.url);
  const name = `registry-follows-test-${++listeners}`;
  url.searchParams.set('application_name', name);
  const follower = await followPackageChanges({
    url: url.href,
    tenantArs: ars,
    reload: options.reload ?? (() => registry.reload()),
    onError: () => {}, // losing the connection is what these tests do
    retryMs: 1,
  });
  return { follower, name };
}

async function importLibrary(version: string): Promise<void> {
  const pkg = await readShippedPackage(LIBRARY);
  pkg.version = version;
  await importPackage(platform.db, ars, pkg, `${LIBRARY}@${version}`);
}

const offeredVersion = (registry: ServiceRegistry) => registry.find(LIBRARY)?.definition.version;

test('a version published after the registry was loaded but before listening began is offered', async (t) => {
  const registry = await loadServiceRegistry(platform.db, ars);
  await importLibrary('2.0.0');
  await publishPackage(platform.db, ars, LIBRARY, '2.0.0');
  const { follower } = await follow(registry);
  t.after(() => follower.close());
  assert.equal(offeredVersion(registry), '2.0.0');
});

test('the listening connection shows under its name in pg_stat_activity', async () => {
  const { rows } = await sql<{ query: string }>`
    SELECT query FROM pg_stat_activity WHERE application_name = ${LISTENER_NAME}`.execute(platform.db);
  assert.deepEqual(rows, [{ query: 'LISTEN amtsweg_packages' }]);
});

test('after its listening connection is terminated, the follower reconnects and catches up', async (t) => {
  const registry = await loadServiceRegistry(platform.db, ars);
  const { follower, name } = await follow(registry);
  t.after(() => follower.close());
  const terminateListener = async () => {
    const { rows } = await sql<{ terminated: boolean }>`
      SELECT pg_terminate_backend(pid, 5000) AS terminated FROM pg_stat_activity
      WHERE application_name = ${name} AND query ILIKE 'LISTEN%'`.execute(platform.db);
    assert.deepEqual(rows, [{ terminated: true }]);
  };

  // Published without a notification, as if it had come while the connection was down: only the reload
  // after reconnecting can bring it.
  await importLibrary('2.1.0');
  await platform.db
    .updateTable('service_packages')
    .set({ status: 'published', published_at: new Date() })
    .where('tenant_ars', '=', ars)
    .where('id', '=', LIBRARY)
    .where('version', '=', '2.1.0')
    .execute();
  assert.notEqual(offeredVersion(registry), '2.1.0');
  await terminateListener();
  await eventually(async () => (offeredVersion(registry) === '2.1.0' ? true : undefined));

  // Published through the store right after the connection was lost: offered whichever way it arrives.
  await terminateListener();
  await importLibrary('2.2.0');
  await publishPackage(platform.db, ars, LIBRARY, '2.2.0');
  await eventually(async () => (offeredVersion(registry) === '2.2.0' ? true : undefined));
});

test('close() while a reconnect is connecting leaves no listening connection and reloads nothing', async (t) => {
  const proxy = await startHoldingProxy(new URL(platform.url).port);
  t.after(() => proxy.close());
  const url = new URL(platform.url);
  url.host = `127.0.0.1:${proxy.port}`;
  url.searchParams.delete('host');
  let reloads = 0;
  const { follower } = await follow(await loadServiceRegistry(platform.db, ars), {
    url,
    reload: async () => {
      reloads += 1;
    },
  });

  // The connection is lost; the reconnect reaches the proxy and waits there while close() is called.
  const release = proxy.holdNew();
  const reconnecting = once(proxy.events, 'connection');
  proxy.dropAll();
  const [held] = (await reconnecting) as [HeldConnection];
  const reloadsBefore = reloads;
  const closing = follower.close();
  release();
  await closing;

  // Without waiting for the connection it was opening, close() would return and leave it listening.
  await eventually(async () => (held.isClosed() ? true : undefined), 5000);
  await eventually(async () => {
    const { rows } = await sql<{ count: number }>`
      SELECT count(*)::int AS count FROM pg_stat_activity WHERE client_port = ANY(${proxy.upstreamPorts()})`.execute(
      platform.db,
    );
    return rows[0]?.count === 0 ? true : undefined;
  }, 5000);
  assert.equal(reloads, reloadsBefore, 'no reload after close()');
});
