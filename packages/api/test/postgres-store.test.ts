import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { importDocuments } from '../src/index.js';
import { createPostgresStore } from '../src/store/postgres/postgres-store.js';
import { makeFixtureDocument } from '../src/testing/fixture-document.js';
import {
  type PostgresCluster,
  postgresUnavailableReason,
  startPostgresCluster,
} from '../src/testing/postgres-cluster.js';
import { describeStoreContract } from '../src/testing/store-contract.js';

const unavailable = postgresUnavailableReason();
if (unavailable && process.env.CI)
  throw new Error(`PostgreSQL store tests are mandatory in CI: ${unavailable}`);
if (unavailable) console.warn(`\n*** SKIPPING the PostgreSQL store tests: ${unavailable} ***\n`);

let cluster: PostgresCluster | undefined;
let databases = 0;
const freshDatabase = async () => {
  if (!cluster) cluster = await startPostgresCluster();
  databases += 1;
  return cluster.createDatabase(`contract_${databases}`);
};
afterAll(() => cluster?.stop());

describe.skipIf(unavailable !== null)('PostgreSQL store', () => {
  describeStoreContract('postgres store', async (documents) => {
    const store = await createPostgresStore({
      connectionString: await freshDatabase(),
      poolSize: 4,
    });
    await importDocuments(store, documents);
    return store;
  });

  describe('shared by several API servers', () => {
    let url = '';
    beforeAll(async () => {
      url = await freshDatabase();
    });

    it('tells every server about an import, so their caches can be dropped', async () => {
      const writer = await createPostgresStore({ connectionString: url, poolSize: 2 });
      const reader = await createPostgresStore({ connectionString: url, poolSize: 2 });
      try {
        const before = reader.generation();
        const changed = vi.fn();
        reader.onChange(changed);
        await importDocuments(writer, [makeFixtureDocument('shared')]);
        await vi.waitFor(() => expect(changed).toHaveBeenCalled());
        expect(reader.generation()).not.toBe(before);
        expect(reader.generation()).toBe(writer.generation());
        expect((await reader.versions('shared'))?.length).toBe(1);
      } finally {
        await Promise.all([writer.close(), reader.close()]);
      }
    });
  });
});
