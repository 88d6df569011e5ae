/** Complete journeys/s: runs bench/lib/journey-load.ts as its own process on CPU 1 against a server on CPU 0. */
import { join } from 'node:path';
import type { JourneyLoadResult } from './journey-load.ts';
import { SECONDS } from './load.ts';
import { runPinned } from './processes.ts';

export type { JourneyLoadResult };

export const USERS = Number(process.env.BENCH_USERS ?? 50);

export async function measureJourneys(
  url: string,
  options: { serverPid: number; postgresPid?: number; users?: number; personPrefix?: string },
): Promise<JourneyLoadResult> {
  const output = await runPinned(['--import', 'tsx', join(import.meta.dirname, 'journey-load.ts')], {
    BENCH_URL: url,
    BENCH_USERS: String(options.users ?? USERS),
    BENCH_SECONDS: String(SECONDS),
    BENCH_SERVER_PID: String(options.serverPid),
    BENCH_POSTGRES_PID: String(options.postgresPid ?? 0),
    BENCH_PERSON_PREFIX: options.personPrefix ?? 'load-person-',
  });
  const line = output.trim().split('\n').at(-1) ?? '';
  return JSON.parse(line) as JourneyLoadResult;
}
