/** Starts a server for a benchmark as its own process, pinned to CPU 0 where `taskset` exists (load runs elsewhere). */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const hasTaskset = spawnSync('taskset', ['--version']).status === 0;

export interface BenchServer {
  url: string;
  pid: number;
  startMs: number;
  stop(): Promise<void>;
}

export async function startPinned(
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
): Promise<BenchServer> {
  const started = performance.now();
  const command = hasTaskset ? 'taskset' : process.execPath;
  const argv = hasTaskset ? ['-c', '0', process.execPath, ...args] : args;
  const child: ChildProcess = spawn(command, argv, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(ready);
      if (!match?.[1]) return;
      // From here on the output (e.g. request logs) is only drained, so a chatty server never waits on us.
      child.stdout?.off('data', onData);
      child.stdout?.resume();
      resolve(match[1]);
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
  return {
    url: url.replace('127.0.0.1', 'localhost'),
    pid: child.pid ?? 0,
    startMs: performance.now() - started,
    async stop() {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Peak resident memory of a process so far (Linux), in MiB. */
export function peakMemoryMiB(pid: number): number | undefined {
  const status = spawnSync('cat', [`/proc/${pid}/status`]).stdout?.toString() ?? '';
  const kb = status.match(/VmHWM:\s+(\d+) kB/)?.[1];
  return kb ? Math.round(Number(kb) / 1024) : undefined;
}

/** Runs a load generator to completion as its own process on CPU 1 (where `taskset` exists); returns its stdout. */
export async function runPinned(args: string[], env: Record<string, string>): Promise<string> {
  const command = hasTaskset ? 'taskset' : process.execPath;
  const argv = hasTaskset ? ['-c', '1', process.execPath, ...args] : args;
  const child = spawn(command, argv, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const [code] = await once(child, 'exit');
  if (code !== 0) throw new Error(`${args.join(' ')} exited with ${code}: ${output}`);
  return output;
}

/** CPU seconds (user + system) of a process and, with `children`, its descendants (Linux /proc). */
export function cpuSeconds(pid: number, children = false): number {
  const stat = (p: string) => {
    const raw = spawnSync('cat', [`/proc/${p}/stat`]).stdout?.toString() ?? '';
    const fields = raw.slice(raw.lastIndexOf(')') + 2).split(' ');
    return { ppid: fields[1] ?? '', ticks: Number(fields[11]) + Number(fields[12]) };
  };
  if (!children) return stat(String(pid)).ticks / 100;
  const listing = spawnSync('sh', ['-c', 'cat /proc/[0-9]*/stat 2>/dev/null']).stdout?.toString() ?? '';
  const rows = listing.split('\n').map((raw) => {
    const fields = raw.slice(raw.lastIndexOf(')') + 2).split(' ');
    return {
      pid: Number(raw.split(' ')[0]),
      ppid: Number(fields[1]),
      ticks: Number(fields[11]) + Number(fields[12]),
    };
  });
  const tree = (root: number): number =>
    (rows.find((r) => r.pid === root)?.ticks ?? 0) +
    rows.filter((r) => r.ppid === root).reduce((sum, r) => sum + tree(r.pid), 0);
  return tree(pid) / 100;
}

/** The embedded PostgreSQL's postmaster (it detaches from the server, so it is not among the server's children). */
export async function postgresPid(dataDir: string): Promise<number> {
  return Number((await readFile(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')).split('\n')[0]);
}
