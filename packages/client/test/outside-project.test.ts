import { execFile } from 'node:child_process';
import {
  copyFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createCaller, createMemoryStore } from '@claimscope/api';
import { loadCorpus } from '@claimscope/corpus';
import { createServer } from '@claimscope/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const fixtureDir = fileURLToPath(new URL('./outside-project', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

const store = createMemoryStore(loadCorpus());
const server = createServer({ port: 0, store, logger: { info() {}, error() {} } });
let serverUrl = '';
let projectDir = '';
/** What tsc said about the usage file: null when it type-checked (and emitted out/usage.js). */
let typeErrors: string | null = null;

// Asynchronous on purpose: the server under test runs in this process and must keep answering.
async function run(command: string, args: string[], cwd: string): Promise<string> {
  try {
    return (await promisify(execFile)(command, args, { cwd, encoding: 'utf8' })).stdout;
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(
      `${command} ${args.join(' ')} failed in ${cwd}:\n${stdout ?? ''}\n${stderr ?? ''}`,
    );
  }
}

beforeAll(async () => {
  serverUrl = (await server.start()).url;
  projectDir = mkdtempSync(join(tmpdir(), 'claimscope-client-'));
  await run('pnpm', ['pack', '--pack-destination', projectDir], packageDir);
  const tarball = readdirSync(projectDir).find((name) => name.endsWith('.tgz'));
  if (!tarball) throw new Error('pnpm pack wrote no tarball');
  writeFileSync(
    join(projectDir, 'package.json'),
    JSON.stringify({
      name: 'claimscope-client-consumer',
      private: true,
      type: 'module',
      dependencies: { '@claimscope/client': `file:./${tarball}` },
    }),
  );
  writeFileSync(
    join(projectDir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        // ESNext.Disposable: @trpc/server's own .d.ts names Disposable; DOM: fetch and Headers.
        lib: ['ES2022', 'ESNext.Disposable', 'DOM'],
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        // Check the shipped .d.ts too, not only the usage file.
        skipLibCheck: false,
        types: [],
        outDir: 'out',
      },
      files: ['usage.ts'],
    }),
  );
  copyFileSync(join(fixtureDir, 'usage.ts'), join(projectDir, 'usage.ts'));
  copyFileSync(join(fixtureDir, 'run.mjs'), join(projectDir, 'run.mjs'));
  copyFileSync(join(fixtureDir, 'run.cjs'), join(projectDir, 'run.cjs'));
  // npm, not pnpm: nothing of the workspace can leak in. Peers (@trpc/*, zod) come from the registry.
  await run(
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'],
    projectDir,
  );
});

beforeAll(async () => {
  typeErrors = await run(process.execPath, [tsc, '-p', 'tsconfig.json'], projectDir).then(
    () => null,
    (error: Error) => error.message,
  );
});

afterAll(async () => {
  await server.stop();
  if (projectDir) rmSync(projectDir, { recursive: true, force: true });
});

describe('@claimscope/client installed outside the workspace', () => {
  it('ships only dist and its readme, with a .d.ts that names no internal package', () => {
    const installed = join(projectDir, 'node_modules', '@claimscope', 'client');
    expect(readdirSync(installed).sort()).toEqual(['README.md', 'dist', 'package.json']);
    const types = readFileSync(join(installed, 'dist', 'index.d.ts'), 'utf8');
    expect(types).not.toMatch(/from ["']@claimscope\//);
  });

  it('type-checks a usage file whose @ts-expect-error lines only a typed client satisfies', () => {
    expect(typeErrors).toBeNull();
  });

  it('fetches real data from a live server', async () => {
    const output = JSON.parse(await run(process.execPath, ['run.mjs', serverUrl], projectDir));
    const direct = createCaller(store);
    const [firstPerson] = (await direct.entity.list({ kind: 'person', limit: 1 })).items;
    expect(output).toEqual({
      firstPerson: firstPerson?.name,
      mentionCount: firstPerson?.mentionCount,
      totalClaims: (await direct.stats()).claims.total,
      firstHitType: 'claim',
      claimKind: expect.any(String),
      notFound: 'NOT_FOUND',
    });
  });

  it('can be required from CommonJS', async () => {
    const output = JSON.parse(await run(process.execPath, ['run.cjs', serverUrl], projectDir));
    const direct = createCaller(store);
    const [firstPerson] = (await direct.entity.list({ kind: 'person', limit: 1 })).items;
    expect(output).toEqual({
      firstPerson: firstPerson?.name,
      totalClaims: (await direct.stats()).claims.total,
    });
  });
});
