// Startup benchmark (not a test): time from launch to the first full frame of the bundled
// claimscope (the article text, loaded in-process) against a minimal Ink program bundled the
// same way, both in a pseudo-terminal. claimscope runs twice over: cold (no code cache, as on
// the first start after an install or upgrade) and warm (the cache of an earlier start present).
// Prints medians and their ratios for the README.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
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

/**
 * The minimal program twice: bundled as one ES module, and as a CommonJS script started through
 * the code cache the way claimscope is (bench/minimal-cached.ts).
 */
async function buildBaselines(): Promise<{ plain: string; cached: string }> {
  const outDir = mkdtempSync(join(tmpdir(), 'claimscope-bench-'));
  const [entryConfig, scriptConfig] = config;
  const common = { config: false, outDir, logLevel: 'silent', clean: false } as const;
  await build({ ...entryConfig, ...common, entry: { minimal: join(root, 'bench/minimal.tsx') } });
  await build({
    ...scriptConfig,
    ...common,
    entry: { 'claimscope-minimal': join(root, 'bench/minimal.tsx') },
  });
  await build({
    ...entryConfig,
    ...common,
    entry: { 'minimal-cached': join(root, 'bench/minimal-cached.ts') },
  });
  return { plain: join(outDir, 'minimal.js'), cached: join(outDir, 'minimal-cached.js') };
}

/**
 * Runs `file` in a pty (util-linux `script`) and resolves with ms until `ready` is printed, once
 * the program has exited: a program still shutting down would slow the next one measured.
 * `stayUntil`, if given, keeps the program running after the frame until it returns true.
 */
function timeToFrame(
  file: string,
  ready: string,
  env: Record<string, string | undefined> = {},
  stayUntil?: () => boolean,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const command = `stty cols 100 rows 30; exec node ${file}`;
    const started = process.hrtime.bigint();
    const child = spawn('script', ['-qfec', command, '/dev/null'], {
      env: { ...process.env, CI: undefined, TERM: 'xterm-256color', ...env },
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
        const stop = () => {
          if (stayUntil && !stayUntil()) return void setTimeout(stop, 50);
          child.stdin.write('\u0003');
          child.kill('SIGTERM');
        };
        stop();
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
const baseline = await buildBaselines();
// Cold: a cache folder emptied before every run. Warm: one that an earlier start filled.
const coldCache = mkdtempSync(join(tmpdir(), 'claimscope-bench-cold-'));
const warmCache = mkdtempSync(join(tmpdir(), 'claimscope-bench-warm-'));
// The minimal program's own: a start keeps only its own scripts' caches in the folder.
const minimalWarmCache = mkdtempSync(join(tmpdir(), 'claimscope-bench-warm-minimal-'));
const emptyColdCache = () => {
  for (const name of readdirSync(coldCache)) rmSync(join(coldCache, name), { recursive: true });
  return { XDG_CACHE_HOME: coldCache };
};
const cacheFiles = (folder: string, name: string) => {
  try {
    return readdirSync(join(folder, 'claimscope')).filter((file) => file.startsWith(name));
  } catch {
    return [];
  }
};
await timeToFrame(
  binary,
  'lines 1–',
  { XDG_CACHE_HOME: warmCache },
  () => cacheFiles(warmCache, 'claimscope-main@').length > 0,
);
await timeToFrame(
  baseline.cached,
  'claimscope-bench-ready',
  { XDG_CACHE_HOME: minimalWarmCache },
  () => cacheFiles(minimalWarmCache, 'claimscope-minimal@').length > 0,
);
const cold: number[] = [];
const warm: number[] = [];
const minimal: number[] = [];
const minimalWarm: number[] = [];
const other: number[] = [];
const programs = [
  { file: binary, ready: 'lines 1–', times: cold, env: emptyColdCache },
  { file: binary, ready: 'lines 1–', times: warm, env: () => ({ XDG_CACHE_HOME: warmCache }) },
  { file: baseline.plain, ready: 'claimscope-bench-ready', times: minimal, env: () => ({}) },
  {
    file: baseline.cached,
    ready: 'claimscope-bench-ready',
    times: minimalWarm,
    env: () => ({ XDG_CACHE_HOME: minimalWarmCache }),
  },
  ...(compare ? [{ file: compare, ready: 'lines 1–', times: other, env: () => ({}) }] : []),
];
// One warm-up each so the file cache is hot for all, then alternate, each run starting with the
// next program so that none always takes the same place in the order.
for (const { file, ready, env } of programs) await timeToFrame(file, ready, env());
for (let i = 0; i < RUNS; i += 1) {
  for (let j = 0; j < programs.length; j += 1) {
    const program = programs[(i + j) % programs.length];
    if (program) program.times.push(await timeToFrame(program.file, program.ready, program.env()));
  }
}
rmSync(coldCache, { recursive: true, force: true });
// Every warm run must have found its cache: else it was a cold run under the wrong name.
if (cacheFiles(warmCache, 'claimscope-main@').length === 0)
  throw new Error(`the warm runs' cache folder ${warmCache} lost its cache`);
for (const folder of [warmCache, minimalWarmCache])
  rmSync(folder, { recursive: true, force: true });

const kb = (file: string) => `${(statSync(file).size / 1024).toFixed(0)} KiB`;
const m = median(minimal);
console.log(
  `claimscope startup, ${RUNS} runs each, median time from launch to first full frame (in a pty):`,
);
console.log('');
console.log('| program | entry file | median | min | max |');
console.log('| --- | --- | --- | --- | --- |');
const row = (name: string, file: string, xs: number[]) =>
  console.log(
    `| ${name} | ${kb(file)} | ${median(xs).toFixed(0)} ms | ${Math.min(...xs).toFixed(0)} ms | ${Math.max(...xs).toFixed(0)} ms |`,
  );
row('claimscope, cold (no code cache)', binary, cold);
row('claimscope, warm (code cache of an earlier start)', binary, warm);
row('minimal Ink program (one line)', baseline.plain, minimal);
row('minimal Ink program, warm (same loader and code cache)', baseline.cached, minimalWarm);
if (compare) row(`BENCH_COMPARE (${compare})`, compare, other);
console.log('');
console.log(
  `ratio claimscope / minimal: cold ${(median(cold) / m).toFixed(2)}×, warm ${(median(warm) / m).toFixed(2)}× (Node ${process.version}, ${process.platform} ${process.arch}, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')})`,
);
console.log(
  `ratio claimscope warm / minimal warm (both from their code cache): ${(median(warm) / median(minimalWarm)).toFixed(2)}×`,
);
if (compare) console.log(`ratio BENCH_COMPARE / minimal: ${(median(other) / m).toFixed(2)}×`);
