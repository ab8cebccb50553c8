import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contracts } from '@claimscope/api';
import { createPostgresStore } from '@claimscope/api/postgres';
import {
  type PostgresCluster,
  postgresSkipReason,
  startPostgresCluster,
} from '@claimscope/api/testing/postgres';
import { syntheticDocument } from '@claimscope/corpus/synthetic';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const unavailable = postgresSkipReason('PostgreSQL import tests');

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'claimscope-pg-import-'));
let cluster: PostgresCluster | undefined;
afterAll(() => {
  cluster?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

describe.skipIf(unavailable !== null)('the import command into PostgreSQL', () => {
  beforeAll(async () => {
    if (!existsSync(cli)) throw new Error(`${cli} is missing: run the build script first`);
    cluster = await startPostgresCluster();
  });

  it('leaves only whole documents, with counts that match them, when killed mid-import', async () => {
    const databaseUrl = await (cluster as PostgresCluster).createDatabase('killed_import');
    const dir = join(scratch, 'documents');
    mkdirSync(dir, { recursive: true });
    const total = 400;
    for (let i = 0; i < total; i++)
      writeFileSync(
        join(dir, `${String(i).padStart(5, '0')}.json`),
        JSON.stringify(syntheticDocument(i)),
      );
    const importer = spawn(process.execPath, [cli, 'import', dir], {
      env: { PATH: process.env.PATH, CLAIMSCOPE_DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    importer.stdout?.on('data', (chunk) => {
      stdout += chunk;
    });
    const exited = new Promise((resolve) => importer.once('exit', resolve));
    await new Promise<void>((resolve, reject) => {
      const check = setInterval(() => {
        if ((stdout.match(/created/g) ?? []).length >= 30) {
          clearInterval(check);
          resolve();
        } else if (importer.exitCode !== null) {
          clearInterval(check);
          reject(new Error(`the importer exited early:\n${stdout}`));
        }
      }, 2);
    });
    importer.kill('SIGKILL');
    await exited;

    const store = await createPostgresStore({ connectionString: databaseUrl, poolSize: 2 });
    try {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await store.listArticles({ limit: 100, cursor: cursor as never });
        ids.push(...page.items.map((a) => a.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(ids.length).toBeGreaterThanOrEqual(30);
      expect(ids.length).toBeLessThan(total);
      const documents = ids.map((id) => syntheticDocument(Number(id.slice(4))));
      for (const document of documents)
        expect(await store.exportArticle(document.article.id)).toEqual(document);
      const sum = (count: (d: (typeof documents)[number]) => number) =>
        documents.reduce((n, d) => n + count(d), 0);
      expect(await store.counts()).toMatchObject({
        articles: ids.length,
        mentions: sum((d) => d.mentions.length),
        claims: sum((d) => d.claims.length),
        relations: sum((d) => d.relations.length),
      });
      // The incrementally kept entity counts agree with the documents that made it in.
      const { items } = await store.listEntities({ sort: 'mentions', limit: 10 } as never);
      for (const entity of items) {
        expect(entity.mentionCount).toBe(
          sum((d) => d.mentions.filter((m) => m.entityId === entity.id).length),
        );
        // Its first articles in corpus order (an entity lists at most MAX_ARTICLE_IDS).
        expect(entity.articleIds).toEqual(
          ids
            .filter((_, i) => documents[i]?.entities.some((e) => e.id === entity.id))
            .slice(0, contracts.MAX_ARTICLE_IDS),
        );
      }
    } finally {
      await store.close();
    }
  }, 60_000);
});
