import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanUpWhenGone, shellQuote } from '@claimscope/api/testing/reaper';

/**
 * Drives the built `claimscope` binary in a real terminal: a tmux server of its own (a private
 * `-L` socket, so it never touches anyone else's tmux), keys sent with send-keys, the screen read
 * with capture-pane. Tests poll for what they expect to see rather than sleeping.
 */

export const BINARY = fileURLToPath(new URL('../../dist/claimscope.js', import.meta.url));
export const SERVER = fileURLToPath(new URL('../../../server/dist/main.js', import.meta.url));

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

/** With CI set, a missing tmux fails the run; elsewhere the terminal tests skip, loudly. */
export function terminalTestsAvailable(): boolean {
  if (hasTmux) return true;
  if (process.env.CI)
    throw new Error('tmux is required in CI for the terminal tests (apt-get install tmux)');
  console.warn('\n*** tmux is not installed: SKIPPING the claimscope terminal (tmux) tests ***\n');
  return false;
}

export function assertBuilt(): void {
  if (!existsSync(BINARY))
    throw new Error(`${BINARY} is missing: run \`pnpm --filter @claimscope/tui build\` first`);
}

/**
 * The environment of the tmux server, and so of the app: without CI, because Ink renders only
 * the last frame when CI is set, and chalk turns colour off when CI is set at all (even to false).
 */
function terminalEnv(): NodeJS.ProcessEnv {
  const {
    CI: _ci,
    CONTINUOUS_INTEGRATION: _ci2,
    NO_COLOR: _noColour,
    FORCE_COLOR: _force,
    ...env
  } = process.env;
  return env;
}

let sessions = 0;

export class Terminal {
  readonly socket =
    `claimscope-e2e-${process.pid}-${++sessions}-${Math.random().toString(36).slice(2, 8)}`;

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], {
      encoding: 'utf8',
      env: terminalEnv(),
    });
  }

  /** Starts a plain shell in a fresh tmux server, `columns`×`rows` cells, and waits for its prompt. */
  async start(columns: number, rows: number, env: Record<string, string> = {}): Promise<Terminal> {
    const vars = Object.entries({ PS1: '$ ', TERM: 'xterm-256color', ...env }).flatMap(([k, v]) => [
      '-e',
      `${k}=${v}`,
    ]);
    this.tmux(
      '-f',
      '/dev/null',
      'new-session',
      '-d',
      '-x',
      String(columns),
      '-y',
      String(rows),
      ...vars,
      'sh',
    );
    // If this process dies before `kill()`, the tmux server (and the app in it) goes with it.
    const socket = shellQuote(this.socket);
    cleanUpWhenGone({
      while: `tmux -L ${socket} has-session 2>/dev/null`,
      cleanup: `tmux -L ${socket} kill-server 2>/dev/null`,
    });
    // Keys typed before the shell reads them would be echoed out of place.
    await this.waitFor(/^[$#]\s*$/m);
    return this;
  }

  /** Types a shell command line and presses Enter. */
  run(commandLine: string): void {
    this.tmux('send-keys', '-l', commandLine);
    this.tmux('send-keys', 'Enter');
  }

  /** Sends keys by tmux name (`Enter`, `Escape`, `C-c`, `PageDown`) or literal text with `literal`. */
  keys(...keys: string[]): void {
    this.tmux('send-keys', ...keys);
  }

  type(text: string): void {
    this.tmux('send-keys', '-l', text);
  }

  screen(options: { escapes?: boolean } = {}): string {
    return this.tmux('capture-pane', '-p', ...(options.escapes ? ['-e'] : []));
  }

  resize(columns: number, rows: number): void {
    this.tmux('resize-window', '-x', String(columns), '-y', String(rows));
  }

  /** Polls the screen until `expected` shows (or, with `absent`, until it is gone). */
  async waitFor(
    expected: string | RegExp,
    options: { timeout?: number; absent?: boolean } = {},
  ): Promise<string> {
    const deadline = Date.now() + (options.timeout ?? 60_000);
    let screen = '';
    for (;;) {
      screen = this.screen();
      const found =
        typeof expected === 'string' ? screen.includes(expected) : expected.test(screen);
      if (found !== Boolean(options.absent)) return screen;
      if (Date.now() > deadline)
        throw new Error(
          `timed out waiting for ${options.absent ? 'absence of ' : ''}${String(expected)}; the screen was:\n${screen}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
  }

  kill(): void {
    try {
      this.tmux('kill-server');
    } catch {
      // Already gone.
    }
    // tmux leaves the socket file of a killed server behind.
    const dir = join(process.env.TMUX_TMPDIR ?? '/tmp', `tmux-${process.getuid?.() ?? 0}`);
    rmSync(join(dir, this.socket), { force: true });
  }
}

export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (typeof address !== 'object' || address === null)
    throw new Error('could not find a free port');
  return address.port;
}

export interface RunningServer {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `node apps/server/dist/main.js` on `port` and waits until it says where it listens. */
export async function startServer(
  port: number,
  env: Record<string, string> = {},
): Promise<RunningServer> {
  if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: build @claimscope/server first`);
  const child = spawn(process.execPath, [SERVER], {
    env: { ...process.env, ...env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid !== undefined)
    cleanUpWhenGone({ while: `kill -0 ${child.pid} 2>/dev/null`, cleanup: `kill ${child.pid}` });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    // Generous: a busy 2-core machine can take many seconds to start a Node server.
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(`127.0.0.1:${port}`)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    if (child.pid) process.kill(child.pid, 'SIGTERM');
    await exited;
  };
  return { url: `http://127.0.0.1:${port}/trpc`, process: child, stop };
}
