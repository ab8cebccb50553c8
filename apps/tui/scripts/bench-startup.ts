// Startup benchmark (not a test): time from launch to the first full frame of the bundled
// claimscope (the article text, loaded in-process) against a minimal Ink program bundled the
// same way, both in a pseudo-terminal. Prints medians and their ratio for the README.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'tsdown';
import config from '../tsdown.config.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 11);
const root = fileURLToPath(new URL('..', import.meta.url));
const binary = join(root, 'dist/claimscope.js');

if (!existsSync(binary)) {
  console.error(`${binary} is missing: run \`pnpm --filter @claimscope/tui build\` first`);
  process.exit(1);
}

async function buildBaseline(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'claimscope-bench-'));
  await build({
    ...config,
    config: false,
    entry: { minimal: join(root, 'bench/minimal.tsx') },
    outDir,
    logLevel: 'silent',
  });
  return join(outDir, 'minimal.js');
}

/**
 * Runs `file` in a pty (util-linux `script`) and resolves with ms until `ready` is printed, once
 * the program has exited: a program still shutting down would slow the next one measured.
 */
function timeToFrame(file: string, ready: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const command = `stty cols 100 rows 30; exec node ${file}`;
    const started = process.hrtime.bigint();
    const child = spawn('script', ['-qfec', command, '/dev/null'], {
      env: { ...process.env, CI: undefined, TERM: 'xterm-256color' },
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    // The program may be gone before the Ctrl-C below reaches it.
    child.stdin.on('error', () => {});
    let output = '';
    let elapsed: number | null = null;
    child.on('close', () => {
      if (elapsed !== null) resolve(elapsed);
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no "${ready}" from ${file} within 10 s:\n${output.slice(-500)}`));
    }, 10_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (elapsed === null && output.includes(ready)) {
        elapsed = Number(process.hrtime.bigint() - started) / 1e6;
        clearTimeout(timer);
        child.stdin.write('\u0003');
        child.kill('SIGTERM');
      }
    });
  });
}

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

// BENCH_COMPARE=<another build of claimscope.js> times it in the same runs (before and after a
// change, measured side by side, since this machine's load moves the absolute numbers).
const compare = process.env.BENCH_COMPARE || null;
const baseline = await buildBaseline();
const app: number[] = [];
const minimal: number[] = [];
const other: number[] = [];
const programs = [
  { file: binary, ready: 'lines 1–', times: app },
  { file: baseline, ready: 'claimscope-bench-ready', times: minimal },
  ...(compare ? [{ file: compare, ready: 'lines 1–', times: other }] : []),
];
// One warm-up each so the file cache is hot for all, then alternate, each run starting with the
// next program so that none always takes the same place in the order.
for (const { file, ready } of programs) await timeToFrame(file, ready);
for (let i = 0; i < RUNS; i += 1) {
  for (let j = 0; j < programs.length; j += 1) {
    const program = programs[(i + j) % programs.length];
    if (program) program.times.push(await timeToFrame(program.file, program.ready));
  }
}

const kb = (file: string) => `${(statSync(file).size / 1024).toFixed(0)} KiB`;
const a = median(app);
const m = median(minimal);
console.log(
  `claimscope startup, ${RUNS} runs each, median time from launch to first full frame (in a pty):`,
);
console.log('');
console.log('| program | bundle | median | min | max |');
console.log('| --- | --- | --- | --- | --- |');
const row = (name: string, file: string, xs: number[]) =>
  console.log(
    `| ${name} | ${kb(file)} | ${median(xs).toFixed(0)} ms | ${Math.min(...xs).toFixed(0)} ms | ${Math.max(...xs).toFixed(0)} ms |`,
  );
row('claimscope (article loaded, in-process API)', binary, app);
row('minimal Ink program (one line)', baseline, minimal);
if (compare) row(`BENCH_COMPARE (${compare})`, compare, other);
console.log('');
console.log(
  `ratio claimscope / minimal: ${(a / m).toFixed(2)}× (Node ${process.version}, ${process.platform} ${process.arch})`,
);
if (compare) console.log(`ratio BENCH_COMPARE / minimal: ${(median(other) / m).toFixed(2)}×`);
