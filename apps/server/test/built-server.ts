import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { cleanUpWhenGone } from '@claimscope/api/testing/reaper';

/** The built server, as a user starts it: `node dist/main.js`. */
export const BUILT_SERVER = fileURLToPath(new URL('../dist/main.js', import.meta.url));

export interface BuiltServer {
  child: ChildProcess;
  /** Its URL, once it logs that it listens; rejects if it exits before. */
  url: Promise<string>;
  /** Its exit code, once it exits. */
  exited: Promise<number | null>;
  /** What it wrote to stdout so far. */
  output: () => string;
}

/**
 * Starts the built server on a free loopback port with `env` added to PATH, HOST and PORT. A
 * watcher kills it if the test process dies first; tests stop it themselves otherwise.
 */
export function startBuiltServer(env: Record<string, string> = {}): BuiltServer {
  const child = spawn(process.execPath, [BUILT_SERVER], {
    env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid !== undefined)
    cleanUpWhenGone({ while: `kill -0 ${child.pid} 2>/dev/null`, cleanup: `kill -9 ${child.pid}` });
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const url = new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk) => {
      stdout += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(stdout);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) =>
      reject(new Error(`server exited with ${code} before listening: ${stderr}`)),
    );
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return { child, url, exited, output: () => stdout };
}
