import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertBuilt,
  BINARY,
  freePort,
  type RunningServer,
  startServer,
  Terminal,
  terminalTestsAvailable,
} from './harness.js';

/*
 * After an editor publishes a reviewed version on the server, `claimscope --api` shows it: the
 * accepted claim with who reviewed it and how, and not the rejected one.
 */

const available = terminalTestsAvailable();
const ADMIN_TOKEN = 'terminal-review-admin-token';
const ARTICLE = `Harbour council delays ferry vote

The Millbrook harbour council postponed its vote on the new ferry route on Tuesday.

"We need another month to read the safety report," said Dana Whitlock, the council's chair.

Local fisherman Tom Reyes said the delay would cost the town its summer season.
`;
const dataDir = mkdtempSync(join(tmpdir(), 'claimscope-tui-review-'));
let api: RunningServer | undefined;
let terminal: Terminal | undefined;
let articleId = '';

async function call(path: string, input: unknown) {
  const response = await fetch(`${api?.url}/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as { result?: { data: unknown }; error?: unknown };
  if (response.status !== 200) throw new Error(`${path}: ${JSON.stringify(body.error)}`);
  return body.result?.data;
}

describe.skipIf(!available)('a reviewed version in the terminal (tmux, --api)', () => {
  beforeAll(async () => {
    assertBuilt();
    api = await startServer(await freePort(), {
      CLAIMSCOPE_DATA_DIR: dataDir,
      CLAIMSCOPE_ADMIN_TOKEN: ADMIN_TOKEN,
    });
    const draft = (await call('draft.create', { format: 'text', content: ARTICLE })) as {
      id: string;
      articleId: string;
      document: { claims: { id: string; statement: string }[] };
    };
    const claim = (words: string) => {
      const found = draft.document.claims.find((c) => c.statement.includes(words));
      if (!found) throw new Error(`the extractor found no claim with "${words}"`);
      return found.id;
    };
    for (const [words, action] of [
      ['safety report', 'accept'],
      ['summer season', 'reject'],
    ] as const)
      await call('draft.decide', {
        draftId: draft.id,
        collection: 'claims',
        id: claim(words),
        action,
      });
    await call('draft.publish', { draftId: draft.id });
    articleId = draft.articleId;
  }, 120_000);
  afterAll(async () => {
    terminal?.kill();
    await api?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows the accepted claim with its reviewer and decision, and not the rejected one', async () => {
    terminal = await new Terminal().start(120, 30);
    terminal.run(`node ${BINARY} --api ${api?.url} --article ${articleId}; echo "EXIT=$?"`);
    await terminal.waitFor('1 Article');
    terminal.keys('3');
    await terminal.waitFor('1 claim');
    terminal.keys('/');
    terminal.type('Whitlock');
    await terminal.waitFor('1 of 1 match');
    const screen = await terminal.waitFor('Review: reviewed by admin-token (accepted');
    expect(screen).toContain('Dana Whitlock');
    terminal.keys('Escape');
    terminal.keys('/');
    terminal.type('summer season');
    await terminal.waitFor('0 of 1 match');
    terminal.keys('Escape');
    terminal.keys('q');
    await terminal.waitFor('EXIT=0');
  }, 120_000);
});
