import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanUpWhenGone, shellQuote } from '@claimscope/api/testing/reaper';

/** Starts and stops the processes the browser tests need: the API server and `next start`. */

export const WEB_DIR = fileURLToPath(new URL('../..', import.meta.url));
export const REPO_DIR = join(WEB_DIR, '..', '..');
export const SERVER_DIR = join(REPO_DIR, 'apps', 'server');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = join(WEB_DIR, '.artifacts', 'screenshots');

/**
 * How long `expect.poll` waits for the page to settle: a busy 2-core machine can take seconds to
 * paint a frame or finish a smooth scroll. It bounds a hang; it does not measure speed.
 */
export const POLL = { timeout: 60_000, interval: 100 };

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/** The production build exactly as `pnpm build` makes it (next build, then the compile hints). */
export function buildProduction(): void {
  const build = spawnSync('pnpm', ['run', 'build'], { cwd: WEB_DIR, stdio: 'inherit' });
  if (build.status !== 0) throw new Error(`pnpm run build in ${WEB_DIR} failed`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

export interface Running {
  url: string;
  process: ChildProcess;
  output: () => string;
}

async function waitFor(
  url: string,
  child: ChildProcess,
  output: () => string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(
        `${url}: the process exited (${child.exitCode}) before answering:\n${output()}`,
      );
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms:\n${output()}`);
}

function start(
  command: string,
  args: string[],
  cwd: string,
  env: Record<string, string>,
  readyUrl: string,
  url: string,
): Promise<Running> {
  // Its own process group, so stopping it also stops anything it spawned.
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Stopped with its group even when this process dies before `stop` runs.
  if (child.pid !== undefined)
    cleanUpWhenGone({
      while: `kill -0 ${child.pid} 2>/dev/null`,
      cleanup: `kill -TERM -${child.pid}; sleep 5; kill -KILL -${child.pid}`,
    });
  let log = '';
  child.stdout?.on('data', (chunk) => {
    log = (log + chunk).slice(-20_000);
  });
  child.stderr?.on('data', (chunk) => {
    log = (log + chunk).slice(-20_000);
  });
  const output = () => log;
  return waitFor(readyUrl, child, output, 180_000).then(() => ({ url, process: child, output }));
}

/** The claimscope API on `port`: the built server if there is one, else its sources through tsx. */
export function startApi(port: number, env: Record<string, string> = {}): Promise<Running> {
  const dist = join(SERVER_DIR, 'dist', 'main.js');
  const [command, args] = existsSync(dist)
    ? [process.execPath, [dist]]
    : [join(SERVER_DIR, 'node_modules', '.bin', 'tsx'), [join(SERVER_DIR, 'src', 'main.ts')]];
  const url = `http://127.0.0.1:${port}`;
  return start(
    command,
    args,
    SERVER_DIR,
    { HOST: '127.0.0.1', PORT: String(port), NODE_ENV: 'production', ...env },
    `${url}/healthz`,
    url,
  );
}

/** `next start` of the production build on `port`, talking to the API at `apiUrl`. */
export function startWeb(port: number, apiUrl: string): Promise<Running> {
  const next = join(WEB_DIR, 'node_modules', 'next', 'dist', 'bin', 'next');
  const url = `http://127.0.0.1:${port}`;
  return start(
    process.execPath,
    [next, 'start', '--hostname', '127.0.0.1', '--port', String(port)],
    WEB_DIR,
    {
      CLAIMSCOPE_API_URL: apiUrl,
      CLAIMSCOPE_API_TIMEOUT_MS: '3000',
      NEXT_TELEMETRY_DISABLED: '1',
      NODE_ENV: 'production',
    },
    `${url}/icon.svg`,
    url,
  );
}

export async function stop(running: Running | undefined): Promise<void> {
  const pid = running?.process.pid;
  if (!running || pid === undefined || running.process.exitCode !== null) return;
  const exited = new Promise((resolve) => running.process.once('exit', resolve));
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }, 5_000);
  await exited;
  clearTimeout(timer);
}

/** A fresh Chromium profile directory, removed by the returned function. */
export function tempProfile(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'claimscope-chromium-'));
  cleanUpWhenGone({ while: `[ -d ${shellQuote(dir)} ]`, cleanup: `rm -rf ${shellQuote(dir)}` });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
