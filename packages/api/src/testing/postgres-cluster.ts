import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanUpWhenGone, shellQuote } from './reaper.js';

/** Where Debian's PostgreSQL 15 server binaries live (override with CLAIMSCOPE_PG_BIN). */
export const POSTGRES_BIN = process.env.CLAIMSCOPE_PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** Null when a private cluster can be started here, else why not. */
export function postgresUnavailableReason(): string | null {
  if (!existsSync(join(POSTGRES_BIN, 'initdb')))
    return `PostgreSQL server binaries are not in ${POSTGRES_BIN} (apt-get install -y postgresql)`;
  return null;
}

/**
 * For a PostgreSQL test suite: null when it can run; else why not, said loudly so the skip is
 * seen. In CI (where `.ci/run` installs PostgreSQL) a missing server fails the suite instead.
 */
export function postgresSkipReason(suite: string): string | null {
  const reason = postgresUnavailableReason();
  if (reason && process.env.CI) throw new Error(`${suite} are mandatory in CI: ${reason}`);
  if (reason) console.warn(`\n*** SKIPPING the ${suite}: ${reason} ***\n`);
  return reason;
}

export interface PostgresCluster {
  port: number;
  /** The temporary folder that holds the cluster; `stop()` deletes it. */
  folder: string;
  /** A connection URL for `database` (created by `createDatabase`) on this cluster. */
  url(database?: string): string;
  /** Creates an empty database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /**
   * Runs one SQL statement (outside a transaction, so VACUUM works) on `database`; returns the
   * rows it answered.
   */
  execute(sql: string, database?: string): Promise<Record<string, unknown>[]>;
  /**
   * CPU time in milliseconds (user and system) that each running process of the cluster (the
   * postmaster and its children, the connections among them) has used, by pid. Read from /proc,
   * so Linux only; empty elsewhere. For benchmarks: the database's share of a request's cost is
   * the growth between two readings (see `cpuTimeBetween`).
   */
  cpuTimes(): Map<number, number>;
  stop(): void;
}

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ, 100 on Linux). */
const USER_HZ = 100;

/** CPU milliseconds of process `pid` and of each of its children, by pid, from /proc. */
function processTreeCpuTimes(pid: number): Map<number, number> {
  const times = new Map<number, number>();
  if (!existsSync('/proc/self/stat')) return times;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // After "pid (comm) ": state, ppid, … utime (11th), stime (12th).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(entry) === pid || Number(fields[1]) === pid)
      times.set(Number(entry), ((Number(fields[11]) + Number(fields[12])) * 1000) / USER_HZ);
  }
  return times;
}

/**
 * The CPU milliseconds processes used between two readings of `cpuTimes()`: a process that
 * exited in between (an autovacuum worker) is not counted, one that started counts in full.
 */
export function cpuTimeBetween(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

const CLUSTER_PREFIX = 'claimscope-pg-';
/** Holds the pid of the process that started the cluster in the cluster's folder. */
const OWNER_FILE = 'owner.pid';

function stopCommand(dataDir: string, asRoot: boolean): string {
  const pgCtl = `${shellQuote(join(POSTGRES_BIN, 'pg_ctl'))} -D ${shellQuote(dataDir)} -m immediate -w stop`;
  return asRoot ? `runuser -u postgres -- ${pgCtl}` : pgCtl;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Stops and deletes clusters whose starting process is gone (left by a run killed before its
 * watcher could act, or by an older version without one), so no run inherits an earlier one's.
 */
function removeOrphanedClusters(): void {
  const asRoot = process.getuid?.() === 0;
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(CLUSTER_PREFIX)) continue;
    const dir = join(tmpdir(), name);
    let owner: number;
    try {
      owner = Number(readFileSync(join(dir, OWNER_FILE), 'utf8'));
    } catch {
      continue; // not ours to judge: no owner recorded (or being created right now)
    }
    if (!Number.isInteger(owner) || owner <= 0 || isAlive(owner)) continue;
    try {
      if (existsSync(join(dir, 'data', 'postmaster.pid')))
        execFileSync('sh', ['-c', stopCommand(join(dir, 'data'), asRoot)], { stdio: 'ignore' });
    } catch {
      // already stopped
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Starts a throwaway PostgreSQL cluster in a temporary directory on a free loopback port, as the
 * `postgres` user when running as root (initdb refuses root). `stop()` stops it and deletes it.
 */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  const reason = postgresUnavailableReason();
  if (reason) throw new Error(reason);
  removeOrphanedClusters();
  const dir = mkdtempSync(join(tmpdir(), CLUSTER_PREFIX));
  writeFileSync(join(dir, OWNER_FILE), String(process.pid));
  const dataDir = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
    chmodSync(dir, 0o700);
  }
  const run = (command: string, args: string[]) => {
    const [file, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', join(POSTGRES_BIN, command), ...args]]
      : [join(POSTGRES_BIN, command), args];
    return execFileSync(file, argv, { stdio: 'pipe', cwd: dir });
  };
  run('initdb', [
    '-D',
    dataDir,
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
  ]);
  const port = await freePort();
  // If this process dies before `stop()` (a timeout, Ctrl-C, SIGKILL), the cluster goes with it.
  cleanUpWhenGone({
    while: `[ -d ${shellQuote(dataDir)} ]`,
    cleanup: `${stopCommand(dataDir, asRoot)} >/dev/null 2>&1; rm -rf ${shellQuote(dir)}`,
  });
  run('pg_ctl', [
    '-D',
    dataDir,
    '-w',
    '-l',
    join(dir, 'server.log'),
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
    'start',
  ]);
  const url = (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`;
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      run('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  process.once('exit', stop);
  const execute = async (sql: string, database?: string) => {
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: url(database) });
    await client.connect();
    try {
      return (await client.query(sql)).rows as Record<string, unknown>[];
    } finally {
      await client.end();
    }
  };
  return {
    port,
    folder: dir,
    url,
    createDatabase: async (name) => {
      await execute(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
      return url(name);
    },
    execute,
    cpuTimes: () => {
      const postmaster = Number(
        readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0],
      );
      return processTreeCpuTimes(postmaster);
    },
    stop,
  };
}
