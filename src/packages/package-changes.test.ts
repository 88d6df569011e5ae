import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reloadsInTurn } from './package-changes.ts';

/** A reload that runs until the test lets it finish. */
function gatedReloads() {
  const started: (() => void)[] = [];
  const reloads = reloadsInTurn(
    () => new Promise<void>((resolve) => started.push(resolve)),
    (error) => assert.fail(String(error)),
  );
  return { reloads, started };
}

test('notifications while a reload waits to start share it: a burst costs one more reload, not one each', async () => {
  const { reloads, started } = gatedReloads();
  const first = reloads.request();
  await eventuallyStarted(started, 1);
  const burst = Array.from({ length: 5 }, () => reloads.request());
  assert.equal(new Set(burst).size, 1, 'the five requests share one queued reload');
  assert.notEqual(burst[0], first);
  started[0]?.();
  await first;
  await eventuallyStarted(started, 2);
  started[1]?.();
  await Promise.all(burst);
  await reloads.settled();
  assert.equal(started.length, 2);
});

test('reloads run one after another, and a request during a run gets a run that starts after it', async () => {
  const { reloads, started } = gatedReloads();
  const first = reloads.request();
  await eventuallyStarted(started, 1);
  const second = reloads.request();
  assert.notEqual(second, first, 'the running reload may have read before the change; another one follows');
  await Promise.resolve();
  assert.equal(started.length, 1, 'the second waits for the first');
  started[0]?.();
  await eventuallyStarted(started, 2);
  started[1]?.();
  await second;
});

test('a failed reload is reported and does not stop later ones', async () => {
  const errors: unknown[] = [];
  let runs = 0;
  const reloads = reloadsInTurn(
    async () => {
      runs += 1;
      if (runs === 1) throw new Error('database gone');
    },
    (error) => errors.push(error),
  );
  await reloads.request();
  await reloads.request();
  assert.equal(runs, 2);
  assert.equal(errors.length, 1);
});

/** Lets queued promise callbacks run until `count` reloads have started (no timers involved). */
async function eventuallyStarted(started: unknown[], count: number): Promise<void> {
  for (let turn = 0; turn < 100 && started.length < count; turn++) await Promise.resolve();
  assert.equal(started.length, count);
}
