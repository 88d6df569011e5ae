/**
 * `npm run bench`: each figure is printed beside its anchor and written to bench/results.json.
 * Servers run pinned to CPU 0, the load generator (this process) to CPU 1, as in the DEFRA baseline.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '../test/helpers/client.ts';
import { FORM, loginCitizen } from '../test/helpers/journey.ts';
import { freePort } from '../test/helpers/platform.ts';
import { measure } from './lib/load.ts';
import { peakMemoryMiB, startPinned } from './lib/processes.ts';

interface Figure {
  name: string;
  value: number;
  unit: string;
  anchor: string;
  ratio: number | null;
}

spawnSync('taskset', ['-pc', '1', String(process.pid)], { stdio: 'ignore' });
const figures: Figure[] = [];
const report = (figure: Figure) => {
  figures.push(figure);
  const ratio = figure.ratio === null ? '' : ` (ratio ${figure.ratio})`;
  console.log(`${figure.name}: ${figure.value} ${figure.unit}${ratio}  — anchor: ${figure.anchor}`);
};
const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;

const hello = await startPinned(
  ['--import', 'tsx', 'bench/servers/hello.ts'],
  { PORT: '0' },
  /listening on (\S+)/,
);
const helloLoad = await measure(hello.url);
await hello.stop();
report({
  name: 'bare Fastify hello-world',
  value: helloLoad.requestsPerSecond,
  unit: 'req/s',
  anchor: `same run, p99 ${helloLoad.p99Ms} ms (DEFRA baseline notes ~61,000 req/s on this machine kind)`,
  ratio: 1,
});

const dataDir = await mkdtemp(join(tmpdir(), 'amtsweg-bench-'));
try {
  const env = {
    DATA_DIR: dataDir,
    PORT: String(await freePort()),
    EMBEDDED_POSTGRES_PORT: String(await freePort()),
    LOG_LEVEL: 'warn',
    NODE_ENV: 'test',
  };
  const serveArgs = ['--import', 'tsx', 'src/cli.ts', 'serve'];
  const ready = /läuft auf (\S+)/;
  const first = await startPinned(serveArgs, env, ready);
  await first.stop();
  report({
    name: 'first start (incl. database init)',
    value: Math.round(first.startMs),
    unit: 'ms',
    anchor: 'issue #2: serving within 15,000 ms of the install',
    ratio: round(first.startMs / 15_000),
  });
  const app = await startPinned(serveArgs, env, ready);
  report({
    name: 'warm start',
    value: Math.round(app.startMs),
    unit: 'ms',
    anchor: 'issue #2: serving within 15,000 ms',
    ratio: round(app.startMs / 15_000),
  });

  const citizen = new Client(app.url);
  await loginCitizen(citizen);
  const pageLoad = await measure(`${app.url}${FORM}/name`, { headers: { cookie: citizen.cookieHeader() } });
  if (pageLoad.non2xx > 0 || pageLoad.errors > 0)
    throw new Error(`question page load had ${pageLoad.non2xx} non-2xx and ${pageLoad.errors} errors`);
  report({
    name: 'question page renders (signed in, draft read from PostgreSQL)',
    value: pageLoad.requestsPerSecond,
    unit: 'req/s',
    anchor: `goal ≥ 0.25 × bare Fastify; DEFRA forms engine 0.0093 (570 of 61,000 req/s); p99 ${pageLoad.p99Ms} ms, peak RSS ${peakMemoryMiB(app.pid) ?? '?'} MiB`,
    ratio: round(pageLoad.requestsPerSecond / helloLoad.requestsPerSecond),
  });
  await app.stop();
} finally {
  await rm(dataDir, { recursive: true, force: true });
}

await writeFile(join(import.meta.dirname, 'results.json'), `${JSON.stringify(figures, null, 2)}\n`);
console.log('written to bench/results.json');
