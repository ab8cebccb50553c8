import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import {
  buildProduction,
  CHROMIUM,
  freePort,
  type Running,
  startApi,
  startWeb,
  stop,
  WEB_DIR,
} from './harness';

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: {
      chromium: boolean;
      apiUrl: string;
      webUrl: string;
      downWebUrl: string;
      lateApiPort: number;
    };
  }
}

/**
 * Starts the API and two production Next servers: one wired to the API, and one wired to a port
 * where nothing listens yet (the API-down test starts an API there later, to check "Try again").
 */
export default async function setup(project: TestProject) {
  const chromium = existsSync(CHROMIUM);
  if (!chromium) {
    const message = `${CHROMIUM} is missing: install it with \`apt-get install -y chromium\``;
    if (process.env.CI) throw new Error(`browser tests cannot run: ${message}`);
    console.warn(
      `\n${'!'.repeat(72)}\n!! SKIPPING the claimscope web browser tests: ${message}\n${'!'.repeat(72)}\n`,
    );
    project.provide('e2e', { chromium, apiUrl: '', webUrl: '', downWebUrl: '', lateApiPort: 0 });
    return;
  }
  if (!existsSync(join(WEB_DIR, '.next', 'BUILD_ID')) || process.env.CLAIMSCOPE_E2E_BUILD === '1') {
    buildProduction();
  }
  const started: Running[] = [];
  try {
    const api = await startApi(await freePort());
    started.push(api);
    const web = await startWeb(await freePort(), `${api.url}/trpc`);
    started.push(web);
    const lateApiPort = await freePort();
    const downWeb = await startWeb(await freePort(), `http://127.0.0.1:${lateApiPort}/trpc`);
    started.push(downWeb);
    project.provide('e2e', {
      chromium,
      apiUrl: `${api.url}/trpc`,
      webUrl: web.url,
      downWebUrl: downWeb.url,
      lateApiPort,
    });
  } catch (error) {
    await Promise.all(started.map(stop));
    throw error;
  }
  return async () => {
    await Promise.all(started.map(stop));
  };
}
