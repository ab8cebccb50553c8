import { execFile, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMemoryStore } from '@claimscope/api';
import { loadCorpus } from '@claimscope/corpus';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../src/server.js';

// The README's examples are run as they are written, so they cannot drift from the API.
const readme = readFileSync(
  join(fileURLToPath(new URL('.', import.meta.url)), '../../../README.md'),
  'utf8',
);
const block = (language: string) => {
  const found = new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\`\`\``).exec(
    readme.slice(readme.indexOf('### Without TypeScript')),
  );
  if (!found?.[1])
    throw new Error(`README.md has no ${language} example under "Without TypeScript"`);
  return found[1];
};
/** Runs a program without blocking this process, which is serving the requests it makes. */
function run(program: string, args: string[], input: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      program,
      args,
      { env, encoding: 'utf8', timeout: 90_000 },
      (error, stdout, stderr) =>
        error
          ? reject(new Error(`${program} failed: ${error.message}\n${stderr}`))
          : resolve(stdout),
    );
    child.stdin?.end(input);
  });
}
const has = (tool: string) => spawnSync(tool, ['--version'], { stdio: 'ignore' }).status === 0;
const missing = ['python3', 'curl', 'tar'].filter((tool) => !has(tool));
if (missing.length > 0) {
  const message = `README examples need ${missing.join(', ')}, missing on this machine`;
  if (process.env.CI === 'true') throw new Error(message);
  console.warn(`\n*** SKIPPED: ${message} ***\n`);
}

const app = createServer({
  host: '127.0.0.1',
  port: 0,
  store: createMemoryStore(loadCorpus()),
  logger: { info: () => {}, error: () => {} },
});
let env: NodeJS.ProcessEnv = {};
beforeAll(async () => {
  env = { ...process.env, CLAIMSCOPE_URL: (await app.start()).url };
});
afterAll(() => app.stop());

describe.skipIf(missing.length > 0)('the README examples, against a started server', () => {
  it('the Python example (standard library only) prints quotes, CSV rows and a named error', async () => {
    const out = await run('python3', ['-'], block('python'));
    expect(out).toMatch(/^Matthew Levitt: “/m);
    expect(out).toMatch(/^\d+ claims; the first is by \S/m);
    expect(out).toMatch(/^400 limit: /m);
  });

  it('the shell example', async () => {
    const out = await run('bash', ['-eu', '-s'], block('sh'));
    expect(out).toContain('"speakerId":"matthew-levitt"');
    expect(out).toMatch(/^T1\t\w+ \d+ \d+\t/m);
    expect(out).toMatch(/^article_id,relation_id,subject_id,/m);
  });
});
