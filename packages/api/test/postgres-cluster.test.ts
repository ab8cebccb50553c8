import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { postgresSkipReason } from '../src/testing/postgres-cluster.js';

const unavailable = postgresSkipReason('PostgreSQL cluster tests');
const script = fileURLToPath(new URL('./fixtures/start-cluster-and-hang.ts', import.meta.url));

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

describe.skipIf(unavailable !== null)('a private PostgreSQL cluster', () => {
  it('is stopped and its folder removed when the process that started it is killed', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const started = await new Promise<{ port: number; folder: string }>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk;
        if (out.includes('\n')) resolve(JSON.parse(out));
      });
      child.once('exit', (code) => reject(new Error(`the cluster script exited with ${code}`)));
    });
    expect(await accepts(started.port)).toBe(true);
    expect(existsSync(started.folder)).toBe(true);

    // No exit handler runs after SIGKILL: only the watcher can clean up.
    child.kill('SIGKILL');
    await vi.waitFor(
      async () => {
        expect(existsSync(started.folder)).toBe(false);
        expect(await accepts(started.port)).toBe(false);
      },
      { timeout: 60_000, interval: 250 },
    );
  }, 120_000);
});
