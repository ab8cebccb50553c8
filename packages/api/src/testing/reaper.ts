import { spawn } from 'node:child_process';

/**
 * Runs `cleanup` (a POSIX shell script) once the test process `owner` is gone, however it ended:
 * a failed or timed-out suite, Ctrl-C, or a SIGKILL that no exit handler survives. The watcher is
 * a detached `sh` in a process group of its own, so the signal that ends the tests does not end
 * it. It also ends, without cleaning, as soon as `while` no longer holds (say, the folder it
 * guards is gone because the test cleaned up itself).
 *
 * Tests still stop what they start; this only makes sure that nothing outlives a run that could
 * not.
 */
export function cleanUpWhenGone(options: {
  cleanup: string;
  while?: string;
  owner?: number;
}): void {
  const owner = options.owner ?? process.pid;
  const guard = options.while ?? 'true';
  const script = `while kill -0 ${owner} 2>/dev/null; do sleep 1; ${guard} || exit 0; done; ${options.cleanup}`;
  const watcher = spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' });
  watcher.on('error', () => {}); // no sh: nothing to watch with, and the tests' own stop still runs
  watcher.unref();
}

/** Single-quotes `value` for a POSIX shell. */
export function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}
