/**
 * `npm run bench`: each figure is printed beside its anchor and written to bench/results.json.
 * Servers run pinned to CPU 0, the load generator (this process) to CPU 1, as in the DEFRA baseline.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '../test/helpers/client.ts';
import { FORM, loginCitizen } from '../test/helpers/journey.ts';
import { freePort } from '../test/helpers/platform.ts';
import { measureJourneys, USERS } from './lib/journeys.ts';
import { measure, SECONDS } from './lib/load.ts';
import { cpuSeconds, peakMemoryMiB, postgresPid, startPinned } from './lib/processes.ts';

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
// Other work on the machine (tests, builds) takes CPU from the pinned server, so throughput figures vary with
// it; CPU time per request (from /proc) varies much less and is printed beside them.
const loadAverage = async () => (await readFile('/proc/loadavg', 'utf8').catch(() => '?')).split(' ')[0];
console.log(
  `load average at start: ${await loadAverage()} (on ${spawnSync('nproc', ['--all']).stdout?.toString().trim()} CPUs)`,
);

/** Load on a server of bench/servers (no database), with its CPU time per request. */
async function measureBareServer(script: string, path = '') {
  const server = await startPinned(['--import', 'tsx', script], { PORT: '0' }, /listening on (\S+)/);
  let cpuBefore = 0;
  const load = await measure(`${server.url}${path}`, {
    onMeasureStart: () => {
      cpuBefore = cpuSeconds(server.pid);
    },
  });
  const cpuUs = ((cpuSeconds(server.pid) - cpuBefore) * 1e6) / (load.requestsPerSecond * SECONDS);
  await server.stop();
  // Error responses cost less than the page and would inflate the figure, as for the real page below.
  if (load.non2xx > 0 || load.errors > 0)
    throw new Error(`${script}${path} load had ${load.non2xx} non-2xx and ${load.errors} errors`);
  return { load, cpuUs };
}

const { load: helloLoad, cpuUs: helloCpuUs } = await measureBareServer('bench/servers/hello.ts');
report({
  name: 'bare Fastify hello-world',
  value: helloLoad.requestsPerSecond,
  unit: 'req/s',
  anchor: `same run, p99 ${helloLoad.p99Ms} ms, CPU ${Math.round(helloCpuUs)} µs/request (DEFRA baseline notes ~61,000 req/s on this machine kind)`,
  ratio: 1,
});

const { load: floorLoad, cpuUs: floorCpuUs } = await measureBareServer(
  'bench/servers/page-floor.tsx',
  `${FORM}/name`,
);
report({
  name: 'floor: the same question page from bare Fastify + Preact (no session, CSRF, headers or database)',
  value: floorLoad.requestsPerSecond,
  unit: 'req/s',
  anchor: `what the stack alone allows for this page; p99 ${floorLoad.p99Ms} ms, CPU ${Math.round(floorCpuUs)} µs/request, i.e. ${round(helloCpuUs / floorCpuUs)} × hello-world by CPU cost`,
  ratio: round(floorLoad.requestsPerSecond / helloLoad.requestsPerSecond),
});

const dataDir = await mkdtemp(join(tmpdir(), 'amtsweg-bench-'));
try {
  const env = {
    DATA_DIR: dataDir,
    PORT: String(await freePort()),
    EMBEDDED_POSTGRES_PORT: String(await freePort()),
    LOG_LEVEL: 'warn',
    NODE_ENV: 'test',
    // Complete journeys need one citizen per concurrent user (drafts are one per citizen and service).
    DEV_LOGIN_LOAD_PERSONS: String(USERS),
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
  // One view first, as a browser would have: it puts the CSRF token into the session. Without it every
  // measured request would mint a token, re-encrypt the session and send a new cookie (~4 % more CPU).
  await citizen.get(`${FORM}/name`);
  const appPostgres = await postgresPid(dataDir);
  let pageCpuBefore = 0;
  const pageLoad = await measure(`${app.url}${FORM}/name`, {
    headers: { cookie: citizen.cookieHeader() },
    onMeasureStart: () => {
      pageCpuBefore = cpuSeconds(app.pid) + cpuSeconds(appPostgres, true);
    },
  });
  const pageCpuUs =
    ((cpuSeconds(app.pid) + cpuSeconds(appPostgres, true) - pageCpuBefore) * 1e6) /
    (pageLoad.requestsPerSecond * SECONDS);
  if (pageLoad.non2xx > 0 || pageLoad.errors > 0)
    throw new Error(`question page load had ${pageLoad.non2xx} non-2xx and ${pageLoad.errors} errors`);
  report({
    name: 'question page renders (signed in, draft read from PostgreSQL)',
    value: pageLoad.requestsPerSecond,
    unit: 'req/s',
    anchor:
      `goal ≥ 0.25 × bare Fastify; DEFRA forms engine 0.0093 (570 of 61,000 req/s); p99 ${pageLoad.p99Ms} ms, ` +
      `peak RSS ${peakMemoryMiB(app.pid) ?? '?'} MiB; CPU ${Math.round(pageCpuUs)} µs/request (server + PostgreSQL, ` +
      `both on CPU 0), i.e. ${round(helloCpuUs / pageCpuUs)} × hello-world by CPU cost`,
    ratio: round(pageLoad.requestsPerSecond / helloLoad.requestsPerSecond),
  });
  await app.stop();

  // A fresh process, so the peak memory is that of the journeys.
  const journeyServer = await startPinned(serveArgs, env, ready);
  const journeys = await measureJourneys(journeyServer.url, {
    serverPid: journeyServer.pid,
    postgresPid: await postgresPid(dataDir),
  });
  const journeyPeakMiB = peakMemoryMiB(journeyServer.pid);
  await journeyServer.stop();
  const errorCount = Object.values(journeys.errors).reduce((sum, n) => sum + n, 0);
  console.log(
    `  journeys: ${journeys.journeys} in ${journeys.seconds} s, ${journeys.requestsPerJourney} requests each, ` +
      `p50 ${journeys.p50Ms} ms, max ${journeys.maxMs} ms; errors ${JSON.stringify(journeys.errors)}, ` +
      `during warm-up ${journeys.warmupErrors}`,
  );
  console.log(`  mean ms per step: ${JSON.stringify(journeys.stepMeanMs)}`);
  console.log(
    `  CPU (cores): ${JSON.stringify(journeys.cpu)}; server CPU per journey ${journeys.serverCpuMsPerJourney ?? '?'} ms` +
      ' (Node + PostgreSQL)',
  );
  report({
    name: `complete journeys (${journeys.users} users, own session + CSRF, log-in to confirmation incl. upload and submit)`,
    value: journeys.journeysPerSecond,
    unit: 'journeys/s',
    anchor: `goal ≥ 600 journeys/s; DEFRA forms engine ~65 journeys/s without a submit; ${errorCount} errors`,
    ratio: round(journeys.journeysPerSecond / 600),
  });
  report({
    name: 'whole-journey p99 latency',
    value: journeys.p99Ms,
    unit: 'ms',
    anchor: 'DEFRA forms engine ~880 ms (7 requests, no submit)',
    ratio: round(journeys.p99Ms / 880),
  });
  report({
    name: 'server CPU per complete journey (Node + PostgreSQL)',
    value: journeys.serverCpuMsPerJourney ?? Number.NaN,
    unit: 'ms',
    anchor:
      'varies far less with other load on the machine than journeys/s; 600 journeys/s on one core needs ≤ 1.7 ms',
    ratio:
      journeys.serverCpuMsPerJourney === undefined
        ? null
        : round(journeys.serverCpuMsPerJourney / (1000 / 600)),
  });
  report({
    name: 'server peak memory after the journeys (VmHWM)',
    value: journeyPeakMiB ?? Number.NaN,
    unit: 'MiB',
    anchor: 'DEFRA forms engine 420–500 MiB (ratio against 460)',
    ratio: journeyPeakMiB === undefined ? null : round(journeyPeakMiB / 460),
  });
  if (errorCount > 0) process.exitCode = 1;
} finally {
  await rm(dataDir, { recursive: true, force: true });
}

console.log(`load average at the end: ${await loadAverage()}`);
await writeFile(join(import.meta.dirname, 'results.json'), `${JSON.stringify(figures, null, 2)}\n`);
console.log('written to bench/results.json');
