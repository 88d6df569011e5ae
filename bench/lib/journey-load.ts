/**
 * Load generator for complete parking-permit journeys; runs as its own process (pinned by the caller).
 *
 * BENCH_USERS virtual users loop for BENCH_WARMUP_SECONDS + BENCH_SECONDS against BENCH_URL. Each journey
 * starts with an empty cookie jar, signs in through the development log-in as the user's own citizen
 * (`${BENCH_PERSON_PREFIX}${n}`), reads every CSRF token off the page it came with, answers every page,
 * uploads a small PDF, submits (a case in PostgreSQL) and opens the confirmation. A journey counts only if
 * every response had its expected status and redirect target; anything else is an error, by step.
 * Only journeys that end inside the measured window count. Prints one JSON line (JourneyLoadResult).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { SAMPLE_PDF } from '../../test/helpers/client.ts';
import { FORM } from '../../test/helpers/journey.ts';

export interface JourneyLoadResult {
  users: number;
  seconds: number;
  journeys: number;
  journeysPerSecond: number;
  requestsPerJourney: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Errors inside the measured window, by "step: status" (or the network error). */
  errors: Record<string, number>;
  warmupErrors: number;
  /** Mean time per step inside the window, in ms. */
  stepMeanMs: Record<string, number>;
  /** CPU used inside the window, in cores (1 = one core busy all the time). */
  cpu: { loadGenerator: number; serverNode?: number; serverPostgres?: number };
  /** Server CPU (Node + PostgreSQL) per complete journey, in ms: varies less with other load than journeys/s. */
  serverCpuMsPerJourney?: number;
  /** ms from the end of the measured window until this result was printed (in-flight journeys finishing). */
  drainMs: number;
}

const base = process.env.BENCH_URL ?? '';
const users = Number(process.env.BENCH_USERS ?? 50);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const personPrefix = process.env.BENCH_PERSON_PREFIX ?? 'load-person-';
const serverPid = Number(process.env.BENCH_SERVER_PID ?? 0);
/** The embedded PostgreSQL detaches from the server (its parent is init), so it is followed by its own pid. */
const postgresPid = Number(process.env.BENCH_POSTGRES_PID ?? 0);
if (!base) throw new Error('BENCH_URL is required');

const origin = new URL(base).origin;
const loginPath = `/anmelden?weiter=${encodeURIComponent(FORM)}`;
const CSRF = /name="_csrf" value="([^"]+)"/;
const REFERENCE = /BPA-\d{4}-\d{6}/;
const BOUNDARY = '----amtswegbench7MA4YWxkTrZu0gW';

class StepError extends Error {
  constructor(readonly key: string) {
    super(key);
  }
}

interface Reply {
  status: number;
  location: string;
  body: string;
}

interface Window {
  measuring: boolean;
  journeys: number[];
  errors: Map<string, number>;
  warmupErrors: number;
  steps: Map<string, { total: number; count: number }>;
}

const window: Window = {
  measuring: false,
  journeys: [],
  errors: new Map(),
  warmupErrors: 0,
  steps: new Map(),
};
let running = true;

/** One browser tab's worth of state for one journey: a cookie jar and the last CSRF token seen. */
class Visitor {
  private cookies = new Map<string, string>();
  private csrf = '';
  requests = 0;

  async send(step: string, method: 'GET' | 'POST', path: string, body?: string | Buffer, type?: string) {
    const headers: Record<string, string> = {};
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (method === 'POST') {
      headers.origin = origin;
      if (type) headers['content-type'] = type;
    }
    const started = performance.now();
    let response: Response;
    let text: string;
    try {
      response = await fetch(base + path, {
        method,
        headers,
        body: body === undefined ? undefined : typeof body === 'string' ? body : new Uint8Array(body),
        redirect: 'manual',
      });
      text = await response.text();
    } catch (error) {
      throw new StepError(`${step}: ${(error as Error).cause ?? (error as Error).message}`);
    }
    this.requests++;
    if (window.measuring) {
      const entry = window.steps.get(step) ?? { total: 0, count: 0 };
      entry.total += performance.now() - started;
      entry.count++;
      window.steps.set(step, entry);
    }
    for (const line of response.headers.getSetCookie()) {
      const end = line.indexOf(';');
      const pair = end === -1 ? line : line.slice(0, end);
      const eq = pair.indexOf('=');
      const value = pair.slice(eq + 1);
      if (value === '') this.cookies.delete(pair.slice(0, eq));
      else this.cookies.set(pair.slice(0, eq), value);
    }
    const reply: Reply = {
      status: response.status,
      location: response.headers.get('location') ?? '',
      body: text,
    };
    return reply;
  }

  /** A page that must answer 200 and, if it has a form, carries the CSRF token. */
  async page(step: string, path: string, form = true): Promise<string> {
    const reply = await this.send(step, 'GET', path);
    if (reply.status !== 200) throw new StepError(`${step}: ${reply.status}`);
    if (form) {
      const token = reply.body.match(CSRF)?.[1];
      if (!token) throw new StepError(`${step}: no CSRF token`);
      this.csrf = token;
    }
    return reply.body;
  }

  /** A form post that must answer 303 to `to` (a string: exactly; a RegExp: matching). */
  async post(step: string, path: string, fields: Record<string, string>, to: string | RegExp) {
    const body = new URLSearchParams({ ...fields, _csrf: this.csrf }).toString();
    const reply = await this.send(step, 'POST', path, body, 'application/x-www-form-urlencoded');
    return expectRedirect(step, reply, to);
  }

  async upload(step: string, path: string, field: string, to: string) {
    const head =
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${this.csrf}\r\n` +
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${field}"; filename="schein.pdf"\r\n` +
      'Content-Type: application/pdf\r\n\r\n';
    const body = Buffer.concat([Buffer.from(head), SAMPLE_PDF, Buffer.from(`\r\n--${BOUNDARY}--\r\n`)]);
    const reply = await this.send(step, 'POST', path, body, `multipart/form-data; boundary=${BOUNDARY}`);
    return expectRedirect(step, reply, to);
  }
}

function expectRedirect(step: string, reply: Reply, to: string | RegExp): string {
  if (reply.status !== 303) throw new StepError(`${step}: ${reply.status}`);
  const ok = typeof to === 'string' ? reply.location === to : to.test(reply.location);
  if (!ok) throw new StepError(`${step}: 303 to ${reply.location.replace(/[0-9a-f-]{36}/, ':id')}`);
  return reply.location;
}

/** Every page of the Bewohnerparkausweis service, as a browser walks it. Returns the request count. */
async function journey(person: string): Promise<number> {
  const v = new Visitor();
  await v.page('log-in page', loginPath);
  await v.post('log-in', loginPath, { person, trustLevel: 'substantial' }, FORM);
  // The log-in returns to the form's start, which sends the citizen on to the first page to answer.
  const resume = await v.send('resume', 'GET', FORM);
  expectRedirect('resume', resume, new RegExp(`^${FORM}/`));
  await v.page('name page', `${FORM}/name`);
  await v.post('name post', `${FORM}/name`, { givenName: 'Last', familyName: person }, `${FORM}/anschrift`);
  await v.page('address page', `${FORM}/anschrift`);
  await v.post(
    'address post',
    `${FORM}/anschrift`,
    {
      'address.street': 'Heidestraße',
      'address.houseNumber': '17a',
      'address.postalCode': '12345',
      'address.city': 'Musterstadt',
    },
    `${FORM}/fahrzeug`,
  );
  await v.page('vehicle page', `${FORM}/fahrzeug`);
  await v.post(
    'vehicle post',
    `${FORM}/fahrzeug`,
    { vehicleRegistration: 'MS-AB 123' },
    `${FORM}/fahrzeugschein`,
  );
  await v.page('upload page', `${FORM}/fahrzeugschein`);
  await v.upload('upload post', `${FORM}/fahrzeugschein`, 'registrationCertificate', `${FORM}/pruefen`);
  await v.page('check answers', `${FORM}/pruefen`, false);
  await v.page('declaration page', `${FORM}/erklaerung`);
  const confirmation = await v.post(
    'submit',
    `${FORM}/erklaerung`,
    { declaration: 'yes' },
    /^\/antraege\/[0-9a-f-]{36}\/bestaetigung$/,
  );
  const page = await v.page('confirmation', confirmation, false);
  if (!REFERENCE.test(page)) throw new StepError('confirmation: no reference');
  return v.requests;
}

let requestsPerJourney = 0;

async function virtualUser(n: number): Promise<void> {
  const person = `${personPrefix}${n}`;
  while (running) {
    const started = performance.now();
    try {
      requestsPerJourney = await journey(person);
      if (window.measuring) window.journeys.push(performance.now() - started);
    } catch (error) {
      const key = error instanceof StepError ? error.key : String(error);
      if (window.measuring) window.errors.set(key, (window.errors.get(key) ?? 0) + 1);
      else window.warmupErrors++;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}

const ticksPerSecond = 100; // USER_HZ on Linux

/** CPU seconds of the server and of PostgreSQL, each with its descendants. */
function serverCpu(): { node: number; postgres: number } | undefined {
  if (!serverPid) return undefined;
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const raw = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const close = raw.lastIndexOf(')');
      const fields = raw.slice(close + 2).split(' ');
      // fields[0] is state; utime, stime, cutime, cstime are fields 14–17 of stat, here 11–14.
      const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
      stats.set(Number(entry), { ppid: Number(fields[1]), ticks });
    } catch {
      // The process ended while we read.
    }
  }
  const tree = (pid: number): number => {
    let ticks = stats.get(pid)?.ticks ?? 0;
    for (const [child, s] of stats) if (s.ppid === pid) ticks += tree(child);
    return ticks;
  };
  return {
    node: tree(serverPid) / ticksPerSecond,
    postgres: postgresPid ? tree(postgresPid) / ticksPerSecond : 0,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0);

const vus = Array.from({ length: users }, (_, i) => virtualUser(i + 1));
await sleep(warmupSeconds * 1000);
window.measuring = true;
const startedAt = performance.now();
const cpuBefore = process.cpuUsage();
const serverBefore = serverCpu();
await sleep(seconds * 1000);
window.measuring = false;
const windowEndedAt = performance.now();
const elapsed = (performance.now() - startedAt) / 1000;
const cpuUsed = process.cpuUsage(cpuBefore);
const serverAfter = serverCpu();
running = false;
await Promise.all(vus);

const sorted = window.journeys.toSorted((a, b) => a - b);
const round1 = (n: number) => Math.round(n * 10) / 10;
const serverSeconds =
  serverBefore && serverAfter
    ? serverAfter.node - serverBefore.node + serverAfter.postgres - serverBefore.postgres
    : undefined;
const result: JourneyLoadResult = {
  users,
  seconds: round1(elapsed),
  journeys: sorted.length,
  journeysPerSecond: round1(sorted.length / elapsed),
  requestsPerJourney,
  p50Ms: Math.round(percentile(sorted, 0.5)),
  p99Ms: Math.round(percentile(sorted, 0.99)),
  maxMs: Math.round(sorted.at(-1) ?? 0),
  errors: Object.fromEntries(window.errors),
  warmupErrors: window.warmupErrors,
  stepMeanMs: Object.fromEntries([...window.steps].map(([step, s]) => [step, round1(s.total / s.count)])),
  cpu: {
    loadGenerator: Math.round(((cpuUsed.user + cpuUsed.system) / 1e6 / elapsed) * 100) / 100,
    ...(serverBefore && serverAfter
      ? {
          serverNode: Math.round(((serverAfter.node - serverBefore.node) / elapsed) * 100) / 100,
          serverPostgres: Math.round(((serverAfter.postgres - serverBefore.postgres) / elapsed) * 100) / 100,
        }
      : {}),
  },
  ...(serverSeconds !== undefined && sorted.length > 0
    ? { serverCpuMsPerJourney: round1((serverSeconds * 1000) / sorted.length) }
    : {}),
  drainMs: Math.round(performance.now() - windowEndedAt),
};
console.log(JSON.stringify(result));
