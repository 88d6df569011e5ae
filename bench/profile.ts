/**
 * `tsx bench/profile.ts [path | journeys]`: where the server's CPU goes while one page (or, with `journeys`,
 * complete journeys as in `npm run bench`) is under load.
 * Starts `amtsweg serve` with `--cpu-prof` pinned to CPU 0 (fresh DATA_DIR), signs a citizen in, loads `path`
 * (default: the first question page) with autocannon from CPU 1 for BENCH_SECONDS after a warm-up, stops the
 * server (which writes the profile) and prints, for the measured seconds only (not start-up or warm-up), self
 * time by group and function and inclusive time of the request's main stages.
 * PROFILE_DIR keeps the .cpuprofile (for Chrome DevTools / speedscope); LOG_LEVEL is passed on (default warn).
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '../test/helpers/client.ts';
import { FORM, loginCitizen } from '../test/helpers/journey.ts';
import { freePort } from '../test/helpers/platform.ts';
import { measureJourneys, USERS } from './lib/journeys.ts';
import { measure, SECONDS } from './lib/load.ts';
import { cpuSeconds, peakMemoryMiB, postgresPid, startPinned } from './lib/processes.ts';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Groups, first match wins; tested against "url functionName". */
const GROUPS: [string, RegExp][] = [
  ['secure-session + sodium', /secure-session|sodium/],
  ['helmet headers', /helmet/],
  ['logging (pino)', /pino|sonic-boom|thread-stream|fast-redact|quick-format/],
  ['kysely (query building)', /node_modules\/kysely\//],
  ['pg (protocol, result parsing)', /node_modules\/(pg|pg-protocol|pg-pool|pg-types|postgres-[a-z]+)\//],
  ['Preact render', /preact/],
  ['tsx loader / esbuild / source maps', /node_modules\/(tsx|esbuild|get-tsconfig)\/|source_map|sourcemap/],
  [
    'Fastify core + plugins',
    /node_modules\/(fastify|@fastify|find-my-way|avvio|light-my-request|fast-content-type-parse|fast-querystring|toad-cache|process-warning|abstract-logging|cookie|fastify-plugin|fast-json-stringify)/,
  ],
  ['pg-boss', /pg-boss/],
  ['our code: views (src/web/**/*.tsx)', /\/src\/web\/.*\.tsx/],
  ['our code: other src', /\/src\//],
  [
    'Node HTTP / net / streams',
    /node:(_http|http|net|stream|internal\/(http|streams|stream_base|net|timers|js_stream))|^node:events/,
  ],
  ['Node other internals', /^node:/],
];

const SPECIAL: Record<string, string> = {
  '(garbage collector)': 'GC',
  '(program)': '(program: V8/native, not attributed)',
  '(idle)': 'idle',
};
const SOCKET_WRITE = /^(writev|writeBuffer|writeUtf8String|writeLatin1String|writeAsciiString)$/;

function moduleGroup(frame: CallFrame): string {
  const key = `${frame.url} ${frame.functionName}`;
  for (const [name, pattern] of GROUPS) if (pattern.test(key)) return name;
  return frame.url === '' ? 'native / builtins' : 'other';
}

/** Inclusive time of the stages of a request: the first matching frame on a sample's stack counts it once. */
const STAGES: [string, (frame: CallFrame) => boolean][] = [
  ['renderPage (Preact, all views)', (f) => f.functionName === 'renderPage'],
  ['findDraft (kysely build + pg round trip, CPU part)', (f) => f.functionName === 'findDraft'],
  [
    'anything below pg / kysely (incl. socket writes to PostgreSQL)',
    (f) => /node_modules\/(pg|pg-protocol|kysely)\//.test(f.url),
  ],
  // Hooks call next() synchronously, so a hook's frame sits below everything after it: match the work only.
  [
    'secure-session decode (sodium open + JSON.parse)',
    (f) => /secure-session/.test(f.url) && f.lineNumber === 145,
  ],
  [
    'secure-session encode (sodium seal + nonce)',
    (f) => /secure-session/.test(f.url) && f.lineNumber === 215,
  ],
  ['helmet (helmet() rebuilt per request)', (f) => /helmet\/index\.cjs/.test(f.url)],
  ['pino (log writes)', (f) => /node_modules\/(pino|sonic-boom)\//.test(f.url)],
  ['src/web/app.ts onRequest idle-timeout hook', (f) => /src\/web\/app\.ts/.test(f.url)],
  ['isoDateInBerlin (Intl)', (f) => f.functionName === 'isoDateInBerlin'],
  ['crypto randomFillSync', (f) => f.functionName === 'randomFillSync'],
  ['saveAnswers (draft upsert, sync part)', (f) => f.functionName === 'saveAnswers'],
  ['submitApplication (sync parts)', (f) => f.functionName === 'submitApplication'],
  [
    'uploads (@fastify/multipart, busboy, file store)',
    (f) => /multipart|busboy|blob-store|uploads\.ts/.test(f.url),
  ],
  ['pg-boss (worker, enqueue)', (f) => /pg-boss/.test(f.url)],
];

interface Measured {
  seconds: number;
  /** ms between the end of the load and the end of the profile */
  tailMs: number;
  nodeCpu: number;
  postgresCpu: number;
}

/** Summarises the samples of the measured window (not start-up, warm-up or shutdown). */
function summarise(profile: CpuProfile, m: Measured, top = 30): void {
  const windowEnd = profile.endTime - m.tailMs * 1000;
  const windowStart = windowEnd - m.seconds * 1e6;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stack = (id: number) => {
    const frames: CallFrame[] = [];
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const frame = byId.get(n)?.callFrame;
      if (frame) frames.push(frame);
    }
    return frames;
  };
  const self = new Map<number, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    at += dt;
    if (at >= windowStart && at <= windowEnd) self.set(id, (self.get(id) ?? 0) + dt);
  });

  const bySelfModule = new Map<string, number>();
  const byOwner = new Map<string, number>();
  const functions = new Map<string, number>();
  const stages = new Map<string, number>();
  let busy = 0;
  let idle = 0;
  const add = (map: Map<string, number>, key: string, t: number) => map.set(key, (map.get(key) ?? 0) + t);
  for (const [id, t] of self) {
    const frames = stack(id);
    const frame = frames[0];
    if (!frame) continue;
    if (frame.functionName === '(idle)') {
      idle += t;
      continue;
    }
    busy += t;
    const special = SPECIAL[frame.functionName];
    const where = frame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/src\//, 'src/');
    add(
      functions,
      `${frame.functionName || '(anonymous)'}  ${where}${where ? `:${frame.lineNumber + 1}` : ''}`,
      t,
    );
    add(bySelfModule, special ?? moduleGroup(frame), t);
    // The owner: the nearest library or src/ frame on the stack, so Node core and native work is charged to
    // whoever asked for it; socket writes are split by destination.
    let owner = special;
    if (!owner && SOCKET_WRITE.test(frame.functionName)) {
      owner = frames.some((f) => /node_modules\/pg/.test(f.url))
        ? 'socket write to PostgreSQL (syscall; PostgreSQL runs meanwhile on the same core)'
        : 'socket write of the HTTP response (syscall)';
    }
    if (!owner) {
      const lib = frames.find((f) => f.url !== '' && !f.url.startsWith('node:'));
      owner = lib ? moduleGroup(lib) : 'Node core with no library on the stack (HTTP parser, timers)';
    }
    add(byOwner, owner, t);
    const seen = new Set<string>();
    for (const f of frames) for (const [stage, match] of STAGES) if (match(f)) seen.add(stage);
    for (const stage of seen) add(stages, stage, t);
  }
  const pct = (t: number) => `${((100 * t) / busy).toFixed(1).padStart(5)} %`;
  const table = (title: string, map: Map<string, number>, limit = Number.POSITIVE_INFINITY) => {
    console.log(`\n${title}`);
    for (const [k, t] of [...map].sort((a, b) => b[1] - a[1]).slice(0, limit))
      console.log(`  ${pct(t)}  ${k}`);
  };
  console.log(
    `\nmeasured ${m.seconds} s: profile busy ${(busy / 1e6).toFixed(1)} s, idle ${(idle / 1e6).toFixed(1)} s; ` +
      `CPU counted by the kernel: server ${m.nodeCpu.toFixed(1)} s, PostgreSQL ${m.postgresCpu.toFixed(1)} s. ` +
      'The profiler samples wall time, so "busy" includes time the server was preempted (mostly inside a ' +
      'socket write that woke PostgreSQL on the same core).',
  );
  table(
    'self time by owner (nearest library / src frame on the stack), share of profile busy time:',
    byOwner,
  );
  table('self time by module of the sampled frame:', bySelfModule);
  table(`top ${top} functions by self time:`, functions, top);
  console.log('\ninclusive time (overlapping):');
  for (const [stage] of STAGES) console.log(`  ${pct(stages.get(stage) ?? 0)}  ${stage}`);
}

spawnSync('taskset', ['-pc', '1', String(process.pid)], { stdio: 'ignore' });
/** `journeys` profiles complete journeys (bench/lib/journey-load.ts) instead of one page. */
const journeys = process.argv[2] === 'journeys';
const path = journeys ? '' : (process.argv[2] ?? `${FORM}/name`);
const dataDir = await mkdtemp(join(tmpdir(), 'amtsweg-profile-'));
const profileDir = process.env.PROFILE_DIR ?? join(dataDir, 'profile');
try {
  const env = {
    DATA_DIR: dataDir,
    PORT: String(await freePort()),
    EMBEDDED_POSTGRES_PORT: String(await freePort()),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    NODE_ENV: 'test',
    DEV_LOGIN_LOAD_PERSONS: String(USERS),
  };
  const app = await startPinned(
    ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, '--import', 'tsx', 'src/cli.ts', 'serve'],
    env,
    /läuft auf (\S+)/,
  );
  const postgres = await postgresPid(dataDir);
  let summary: string;
  let nodeCpu: number;
  let postgresCpu: number;
  let drainMs = 0;
  if (journeys) {
    // The generator measures the server's CPU over its window itself.
    const result = await measureJourneys(app.url, { serverPid: app.pid, postgresPid: postgres });
    nodeCpu = (result.cpu.serverNode ?? 0) * result.seconds;
    postgresCpu = (result.cpu.serverPostgres ?? 0) * result.seconds;
    drainMs = result.drainMs;
    summary =
      `journeys: ${result.journeysPerSecond}/s under --cpu-prof, p99 ${result.p99Ms} ms, ` +
      `errors ${JSON.stringify(result.errors)}, server CPU per journey ${result.serverCpuMsPerJourney} ms`;
  } else {
    const citizen = new Client(app.url);
    await loginCitizen(citizen);
    // A browser that has seen one form page keeps its CSRF token in the session: without this visit every
    // request would mint a token, re-encrypt the session and send a new cookie.
    // PROFILE_FRESH_SESSION=1 signs in again after it, so that every request mints a token (as bench/run.ts
    // measured up to 2026-11-25).
    const page = await citizen.get(path);
    if (process.env.PROFILE_FRESH_SESSION) await loginCitizen(citizen);
    let before = { node: 0, postgres: 0 };
    const load = await measure(`${app.url}${path}`, {
      headers: { cookie: citizen.cookieHeader() },
      onMeasureStart: () => {
        before = { node: cpuSeconds(app.pid), postgres: cpuSeconds(postgres, true) };
      },
    });
    nodeCpu = cpuSeconds(app.pid) - before.node;
    postgresCpu = cpuSeconds(postgres, true) - before.postgres;
    summary =
      `${path}: ${load.requestsPerSecond} req/s under --cpu-prof, p99 ${load.p99Ms} ms, non-2xx ${load.non2xx}, ` +
      `errors ${load.errors}, ${page.rawPayload.length} bytes of HTML`;
  }
  const loadEnded = performance.now();
  const peak = peakMemoryMiB(app.pid);
  await app.stop();
  const tailMs = performance.now() - loadEnded + drainMs;
  console.log(`${summary}, peak RSS ${peak ?? '?'} MiB`);
  const file = (await readdir(profileDir)).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no .cpuprofile in ${profileDir}`);
  const profile = JSON.parse(await readFile(join(profileDir, file), 'utf8')) as CpuProfile;
  summarise(profile, { seconds: SECONDS, tailMs, nodeCpu, postgresCpu });
  if (process.env.PROFILE_DIR) console.log(`\nprofile: ${join(profileDir, file)}`);
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
