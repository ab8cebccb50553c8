import pg from 'pg';
import type { ClaimReader, ClaimStore, StoredDocument, StoreSnapshot } from '../claim-store.js';
import { DocumentConflictError } from '../conflicts.js';
import { articleReads } from './articles.js';
import { claimReads } from './claims.js';
import { entityReads } from './entities.js';
import { batchImporter, CHANGES_CHANNEL } from './import.js';
import { applyMigrations } from './migrations.js';
import { postgresAccountStore } from './postgres-accounts.js';
import { postgresDraftStore } from './postgres-drafts.js';
import { relationReads } from './relations.js';
import type { Client, OneStatement, Within } from './rows.js';
import { searchReads } from './search.js';
import { statsReads } from './stats.js';

export interface PostgresStoreOptions {
  connectionString: string;
  /** Apply pending migrations on open (default true); otherwise run `migrate` first. */
  migrate?: boolean;
  /** Connections in the pool, the one that listens for other servers' imports included (default DEFAULT_POOL_SIZE). */
  poolSize?: number;
}

/**
 * Connections per API server by default: one listens for imports, three read. A search keeps
 * PostgreSQL busy about 1.5 times as long as the server spends on it, so one Node process keeps
 * at most two database cores busy, and more connections only make PostgreSQL's processes take
 * turns. At 10,000 articles under 20 concurrent searches on 2 cores, 4 connections gave 3-10 %
 * more searches a second than 10, with p99 40-42 ms against 48-51 ms (A/B runs, 2026-11-26).
 * Several servers share one database: each brings its own pool (CLAIMSCOPE_DATABASE_POOL_SIZE).
 */
export const DEFAULT_POOL_SIZE = 4;

/** How the store's connections are used right now (the LISTEN connection is always out). */
export interface PoolStatus {
  total: number;
  idle: number;
  /** Callers waiting for a connection. */
  waiting: number;
}

export interface PostgresStore extends ClaimStore {
  snapshot(): StoreSnapshot;
  poolStatus(): PoolStatus;
}

/** Applies pending migrations to the database at `connectionString`; returns their names. */
export async function migratePostgres(connectionString: string): Promise<string[]> {
  const pool = new pg.Pool({ connectionString, max: 1 });
  try {
    const client = await pool.connect();
    try {
      return await applyMigrations(client);
    } finally {
      client.release();
    }
  } finally {
    await pool.end();
  }
}

/**
 * A ClaimStore in PostgreSQL: normalized tables for the current version of each article, every
 * version kept as imported, full-text search with tsvector and ts_rank. Each read runs in one
 * REPEATABLE READ READ ONLY transaction (or is one statement), so it sees one snapshot, and
 * `snapshot()` gives a reader whose reads share one (a request's batch); a batch of imports is
 * one transaction with a savepoint per document.
 * Several API servers can share the database: imports bump a generation and NOTIFY the others.
 */
export async function createPostgresStore(options: PostgresStoreOptions): Promise<PostgresStore> {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.poolSize ?? DEFAULT_POOL_SIZE,
  });
  if (options.migrate !== false) {
    const client = await pool.connect();
    try {
      await applyMigrations(client);
    } finally {
      client.release();
    }
  }

  let generation = '0';
  const listeners = new Set<() => void>();
  const setGeneration = (value: string) => {
    if (value === generation) return;
    generation = value;
    for (const listener of listeners) listener();
  };
  const listener = await pool.connect();
  listener.on('notification', (message) => {
    if (message.channel === CHANGES_CHANNEL && message.payload) setGeneration(message.payload);
  });
  await listener.query(`LISTEN ${CHANGES_CHANNEL}`);
  const meta = await listener.query<{ generation: string }>('SELECT generation FROM store_meta');
  generation = String(meta.rows[0]?.generation ?? '0');

  /** One read in its own REPEATABLE READ READ ONLY transaction. */
  const inTransaction = async <T>(read: (client: Client) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const result = await read(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };
  /**
   * The read methods over `within` (runs several statements in one snapshot) and `oneStatement`
   * (runs one statement, which sees one snapshot by itself), each domain's from its module.
   */
  const readerOver = (within: Within, oneStatement: OneStatement): ClaimReader => ({
    ...articleReads(within),
    ...entityReads(within),
    ...claimReads(within),
    ...relationReads(within),
    ...searchReads(within, oneStatement),
    ...statsReads(within),
  });

  /**
   * A request's snapshot: one pooled connection in one REPEATABLE READ READ ONLY transaction,
   * begun by the first read, so every later read sees the same state whatever commits meanwhile.
   * Reads share the connection (pg queues their statements). A failed read aborts the transaction:
   * the next reads get a new one on the same connection (the request carries an error anyway).
   * `release` waits for reads in flight, ends the transaction and returns the connection; a read
   * after it runs in its own transaction.
   */
  const openSnapshot = (): StoreSnapshot => {
    let client: Client | null = null;
    let ready: Promise<Client> | null = null;
    let released = false;
    const inFlight = new Set<Promise<void>>();
    const begin = async () => {
      client ??= await pool.connect();
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      return client;
    };
    const restart = async () => {
      if (!client) return begin();
      await client.query('ROLLBACK');
      return begin();
    };
    const within = <T>(read: (client: Client) => Promise<T>): Promise<T> => {
      if (released) return inTransaction(read);
      ready ??= begin();
      const result = ready.then(read);
      const settled = result.then(
        () => undefined,
        async () => {
          if (released) return;
          ready = restart();
          await ready.catch(() => undefined);
        },
      );
      inFlight.add(settled);
      void settled.finally(() => inFlight.delete(settled));
      return result;
    };
    return {
      ...readerOver(within, within),
      release: async () => {
        if (released) return;
        released = true;
        while (inFlight.size > 0) await Promise.all(inFlight);
        await ready?.catch(() => undefined);
        const connection = client;
        client = null;
        if (!connection) return;
        try {
          await connection.query('COMMIT');
          connection.release();
        } catch (error) {
          connection.release(error as Error);
        }
      },
    };
  };
  const importBatch = batchImporter(pool, setGeneration);
  const store: PostgresStore = {
    ...readerOver(inTransaction, (read) => read(pool)),
    snapshot: openSnapshot,
    poolStatus: () => ({
      total: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
    }),

    importDocument: async (document, options) => {
      const [result] = await importBatch([document], options);
      if (result instanceof DocumentConflictError) throw result;
      return result as StoredDocument; // one document in, one result out
    },
    importDocuments: (documents) => importBatch(documents),
    accounts: postgresAccountStore(pool),
    drafts: postgresDraftStore(pool),

    generation: () => generation,
    onChange: (fn) => {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    close: async () => {
      listener.release();
      await pool.end();
    },
  };
  return store;
}
