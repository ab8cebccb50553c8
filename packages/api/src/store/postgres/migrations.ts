import type { PoolClient } from 'pg';

/**
 * The schema, one versioned step at a time. A step is never edited once released: a change is a
 * new step. `schema_migrations` records what a database has.
 */
export const MIGRATIONS: readonly { name: string; sql: string }[] = [
  {
    name: '001_initial',
    sql: `
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE store_meta (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  generation bigint NOT NULL DEFAULT 0
);
INSERT INTO store_meta DEFAULT VALUES;

CREATE TABLE articles (
  id text PRIMARY KEY,
  seq bigserial UNIQUE NOT NULL,
  current_version int NOT NULL,
  summary jsonb NOT NULL
);

-- Every version as imported, byte for byte, so an export returns exactly what came in.
CREATE TABLE article_versions (
  article_id text NOT NULL REFERENCES articles (id),
  version int NOT NULL,
  content_sha256 text NOT NULL,
  text_sha256 text NOT NULL,
  imported_at timestamptz,
  document text NOT NULL,
  PRIMARY KEY (article_id, version)
);

-- The tables below hold the current version of each article only.
CREATE TABLE blocks (
  article_id text NOT NULL,
  id text NOT NULL,
  record jsonb NOT NULL,
  PRIMARY KEY (article_id, id)
);

CREATE TABLE entity_records (
  entity_id text NOT NULL,
  article_id text NOT NULL,
  article_seq bigint NOT NULL,
  kind text NOT NULL,
  record jsonb NOT NULL,
  PRIMARY KEY (entity_id, article_id)
);
CREATE INDEX entity_records_article ON entity_records (article_id);

-- One row per entity id across the corpus: the first article's record, the aliases of all.
CREATE TABLE entities (
  id text PRIMARY KEY,
  kind text NOT NULL,
  name text NOT NULL,
  article_ids text[] NOT NULL,
  folded text NOT NULL,
  -- The name and aliases only, folded: what a misspelt name is compared with.
  names text NOT NULL,
  record jsonb NOT NULL,
  mention_count int NOT NULL,
  claim_count int NOT NULL,
  about_count int NOT NULL
);
CREATE INDEX entities_kind ON entities (kind);
CREATE INDEX entities_articles ON entities USING gin (article_ids);
CREATE INDEX entities_folded ON entities USING gin (folded gin_trgm_ops);
CREATE INDEX entities_by_mentions ON entities (mention_count DESC, name COLLATE "en-x-icu", id COLLATE "en-x-icu");
CREATE INDEX entities_by_name ON entities (name COLLATE "en-x-icu", id COLLATE "en-x-icu");

CREATE TABLE mentions (
  id text PRIMARY KEY,
  article_id text NOT NULL,
  article_seq bigint NOT NULL,
  ord int NOT NULL,
  entity_id text NOT NULL,
  start int NOT NULL,
  block_id text NOT NULL,
  record jsonb NOT NULL
);
CREATE INDEX mentions_entity ON mentions (entity_id, article_seq, start, ord);
CREATE INDEX mentions_article ON mentions (article_id);

CREATE TABLE claims (
  id text PRIMARY KEY,
  article_id text NOT NULL,
  article_seq bigint NOT NULL,
  ord int NOT NULL,
  first_offset int NOT NULL,
  speaker_id text NOT NULL,
  kind text NOT NULL,
  modality text NOT NULL,
  parent_id text,
  continues_id text,
  about_ids text[] NOT NULL,
  folded text NOT NULL,
  record jsonb NOT NULL
);
CREATE INDEX claims_reading_order ON claims (article_seq, first_offset, ord);
CREATE INDEX claims_article ON claims (article_id);
CREATE INDEX claims_speaker ON claims (speaker_id, article_seq, first_offset, ord);
CREATE INDEX claims_about ON claims USING gin (about_ids);
CREATE INDEX claims_parent ON claims (parent_id);
CREATE INDEX claims_continues ON claims (continues_id);
CREATE INDEX claims_folded ON claims USING gin (folded gin_trgm_ops);

CREATE TABLE claim_links (
  id text PRIMARY KEY,
  article_id text NOT NULL,
  article_seq bigint NOT NULL,
  ord int NOT NULL,
  kind text NOT NULL,
  from_id text NOT NULL,
  to_id text NOT NULL,
  record jsonb NOT NULL
);
CREATE INDEX claim_links_from ON claim_links (from_id);
CREATE INDEX claim_links_to ON claim_links (to_id);
CREATE INDEX claim_links_order ON claim_links (article_seq, ord);
CREATE INDEX claim_links_article ON claim_links (article_id);

CREATE TABLE relations (
  id text PRIMARY KEY,
  article_id text NOT NULL,
  article_seq bigint NOT NULL,
  ord int NOT NULL,
  subject_id text NOT NULL,
  object_id text NOT NULL,
  predicate text NOT NULL,
  record jsonb NOT NULL
);
CREATE INDEX relations_subject ON relations (subject_id);
CREATE INDEX relations_object ON relations (object_id);
CREATE INDEX relations_order ON relations (article_seq, ord);
CREATE INDEX relations_article ON relations (article_id);

-- Full text: one row per entity, claim and paragraph, weighted A name, B aliases, C text, D summary.
CREATE TABLE search_entries (
  type text NOT NULL,
  id text NOT NULL,
  article_id text NOT NULL,
  boost real NOT NULL,
  tsv tsvector NOT NULL,
  PRIMARY KEY (type, id, article_id)
);
CREATE INDEX search_entries_tsv ON search_entries USING gin (tsv);
CREATE INDEX search_entries_article ON search_entries (article_id);
`,
  },
  {
    // Imports stop rewriting the growing list of articles of shared entities: an entity's articles
    // are read from entity_records (in corpus order, by the new index), and the row keeps the first.
    name: '002_entity_articles_and_search_by_type',
    sql: `
CREATE INDEX entity_records_by_entity ON entity_records (entity_id, article_seq) INCLUDE (article_id, kind);
CREATE INDEX entity_records_by_article ON entity_records (article_id) INCLUDE (entity_id);
DROP INDEX entity_records_article;
ALTER TABLE entities ADD COLUMN first_article_id text;
UPDATE entities SET first_article_id = article_ids[1], record = record - 'articleIds';
ALTER TABLE entities ALTER COLUMN first_article_id SET NOT NULL;
ALTER TABLE entities DROP COLUMN article_ids;
-- Every import changes the counts of its entities: with room on each page and no index on the
-- counts, that update is HOT (no index entries, not even in the trigram index). The entities are
-- few next to their records, so sorting them by count costs less than keeping an index current.
DROP INDEX entities_by_mentions;
ALTER TABLE entities SET (fillfactor = 40);
-- One full-text index per type: a search ranks a bounded number of candidates of each type, and
-- each type's scan reads only that type's postings. A small pending list keeps the unmerged
-- entries a query must also read (right after a bulk import) short.
CREATE INDEX search_entries_tsv_entity ON search_entries USING gin (tsv) WITH (gin_pending_list_limit = 256) WHERE type = 'entity';
CREATE INDEX search_entries_tsv_claim ON search_entries USING gin (tsv) WITH (gin_pending_list_limit = 256) WHERE type = 'claim';
CREATE INDEX search_entries_tsv_paragraph ON search_entries USING gin (tsv) WITH (gin_pending_list_limit = 256) WHERE type = 'paragraph';
DROP INDEX search_entries_tsv;
`,
  },
  {
    // claim.list filtered by kind and modality (the facets of the claims page) without a scan,
    // already in reading order.
    name: '003_claims_by_kind_and_modality',
    sql: `
CREATE INDEX claims_kind_modality ON claims (kind, modality, article_seq, first_offset, ord);
`,
  },
];

/** Applies the migrations a database lacks, in order, each in its own transaction. */
export async function applyMigrations(client: PoolClient): Promise<string[]> {
  // One migrator at a time, whichever server or CLI gets there first.
  await client.query('SELECT pg_advisory_lock(7301001)');
  try {
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const { rows } = await client.query<{ name: string }>('SELECT name FROM schema_migrations');
    const done = new Set(rows.map((r) => r.name));
    const applied: string[] = [];
    for (const migration of MIGRATIONS) {
      if (done.has(migration.name)) continue;
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (name) VALUES ($1)', [migration.name]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(
          `migration ${migration.name} failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      applied.push(migration.name);
    }
    return applied;
  } finally {
    await client.query('SELECT pg_advisory_unlock(7301001)');
  }
}
