/** Fixed-duration HTTP load with autocannon, after a warm-up; returns throughput and tail latency. */
import autocannon from 'autocannon';

export interface LoadResult {
  requestsPerSecond: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

export const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);

function run(url: string, connections: number, seconds: number, headers: Record<string, string>) {
  return autocannon({ url, connections, duration: seconds, headers, pipelining: 1 });
}

export async function measure(
  url: string,
  options: { connections?: number; headers?: Record<string, string>; onMeasureStart?: () => void } = {},
): Promise<LoadResult> {
  const connections = options.connections ?? 50;
  const headers = options.headers ?? {};
  await run(url, connections, WARMUP_SECONDS, headers);
  options.onMeasureStart?.();
  const result = await run(url, connections, SECONDS, headers);
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
