/** Starts a server for a benchmark as its own process, pinned to CPU 0 where `taskset` exists (load runs elsewhere). */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';

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
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(ready);
      if (match?.[1]) resolve(match[1]);
    });
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
