import type { PoolClient } from 'pg';

/** A lexeme column as a tsquery operand: quoted, with quotes and backslashes escaped. */
const quotedLexeme = (column: string) =>
  `'''' || replace(replace(${column}, '\\', '\\\\'), '''', '''''') || ''''`;

/**
 * How many matches of each type a search ranks at most: the newest, when more match (a sample
 * of a common word). Migration 004 ranked 100; 005 made it 50, for about a fifth less database
 * time per search. The any-word search in the store ranks as many.
 */
export const SEARCH_CANDIDATES = 50;

/**
 * Part of migrations 004, 005 and 007, whose text must never change (a change is a new
 * migration): the AND search's candidates of one type, at most `wanted`. Each query word
 * (lows[i], up to highs[i]) becomes the lexemes it matches, with how many entries hold them (its
 * postings); a type where a word matches nothing is skipped. The index over all entries reads
 * every posting of the query's lexemes (GIN skips through a common word's postings when a rare
 * one leads; a prefix would collect them all, hence the exact lexemes). When the expected share
 * of matching entries says `wanted` matches lie in fewer than half as many entries, the buckets
 * are read instead, newest first, one GIN scan each, until `wanted` matches are found: the cost
 * follows the candidates wanted, not the corpus. Words that meet less than expected stop that
 * after buckets holding half the postings or twice the entries expected, whichever is more (plus
 * the newest bucket, partly filled), and the index over all entries answers (at worst about
 * three times its cost) unless the buckets gave `enough` matches (a comparison with their count).
 * A word that begins more than 100 lexemes is matched as a prefix (its postings are then those
 * of the first 101).
 */
const searchCandidates = (type: 'claim' | 'paragraph', wanted: number, enough: string) => `
words_${type} AS (SELECT t.ord, t.low, count(l.lexeme) AS lexemes, sum(l.entries) AS entries,
    string_agg(${quotedLexeme('l.lexeme')}, ' | ') AS alternatives
  FROM terms t LEFT JOIN LATERAL (SELECT lexeme, entries FROM search_lexemes
      WHERE type = '${type}' AND lexeme >= t.low AND lexeme < t.high AND entries > 0 LIMIT 101) l ON true
  GROUP BY t.ord, t.low),
stats_${type} AS (SELECT '${type}' = ANY(types) AND bool_and(w.lexemes > 0) AS matchable,
    coalesce(sum(w.entries), 0) AS postings, n.entries,
    -- The share of entries the query matches, between words that always meet (the rarest word's
    -- share) and independent words (the product of the shares): the geometric mean of the two.
    sqrt(coalesce(min(w.entries), 0)::float8 / greatest(n.entries, 1)
         * exp(sum(ln(greatest(w.entries, 1)::float8 / greatest(n.entries, 1))))) AS share,
    string_agg('(' || CASE WHEN w.lexemes > 100 THEN ${quotedLexeme('w.low')} || ':*'
                           ELSE w.alternatives END || ')', ' & ')::tsquery AS q
  FROM words_${type} w, search_totals n WHERE n.type = '${type}' GROUP BY n.entries),
plan_${type} AS MATERIALIZED (SELECT s.matchable, s.q, b.last,
    s.matchable AND ${wanted} / greatest(s.share, 1e-9) < s.postings / 2.0 AS bucketed,
    greatest(0, b.last - ceil(greatest(s.postings / 2.0, ${2 * wanted} / greatest(s.share, 1e-9))
                              / greatest(s.entries / (b.last + 1.0), 1)))::bigint AS stop
  FROM stats_${type} s, buckets b),
bucketed_${type} AS MATERIALIZED (SELECT c.* FROM plan_${type} p, generate_series(p.last, p.stop, -1) n,
  LATERAL (SELECT s.id, s.article_id, s.tsv, s.boost FROM search_entries s
            WHERE s.type = '${type}' AND s.bucket = n AND s.tsv @@ p.q LIMIT ${wanted}) c
  WHERE p.bucketed LIMIT ${wanted}),
found_${type} AS (
  SELECT * FROM bucketed_${type}
  UNION ALL
  (SELECT s.id, s.article_id, s.tsv, s.boost FROM plan_${type} p, search_entries s
    WHERE p.matchable
      AND NOT (p.bucketed AND (p.stop = 0 OR (SELECT count(*) FROM bucketed_${type}) ${enough}))
      AND s.type = '${type}' AND s.tsv @@ p.q LIMIT ${wanted}))`;

/**
 * Part of migrations 004, 005 and 007, whose text must never change: the AND search, every query word
 * matching, as one function so that its plan is made once per connection (a generic plan,
 * forced: as a prepared statement, planning this query cost as much as running it). `q` (the
 * prefix query) matches entities, whose index is small, and ranks every candidate; ts_rank runs
 * on at most `wanted` candidates of each type. Returns the best `hits` with their records, a claim's speaker and a
 * paragraph's headline.
 */
const searchAllFunction = (
  create: string,
  wanted: number,
  enough = `= ${wanted}`,
  claimRecord = 'c.record',
) => `
${create} search_all(lows text[], highs text[], prefix_query text, types text[], hits int)
RETURNS TABLE (type text, id text, article_id text, score real, record jsonb, speaker json, headline text)
LANGUAGE plpgsql STABLE SET plan_cache_mode = force_generic_plan AS $fn$
#variable_conflict use_column
BEGIN
RETURN QUERY WITH q AS MATERIALIZED (SELECT to_tsquery('simple', prefix_query) AS q),
terms AS (SELECT * FROM unnest(lows, highs) WITH ORDINALITY t(low, high, ord)),
buckets AS (SELECT coalesce(max(seq), 0) / 100 AS last FROM articles),
${searchCandidates('claim', wanted, enough)},
${searchCandidates('paragraph', wanted, enough)},
candidates AS (
  (SELECT s.type, s.id, s.article_id, s.tsv, s.boost FROM search_entries s, q
    WHERE 'entity' = ANY(types) AND s.type = 'entity' AND s.tsv @@ q.q LIMIT ${wanted})
  UNION ALL SELECT 'claim', * FROM found_claim
  UNION ALL SELECT 'paragraph', * FROM found_paragraph),
top AS (SELECT type, id, article_id, ts_rank('{0.2, 0.25, 0.75, 1.0}', tsv, (SELECT q FROM q), 1) * boost AS score
  FROM candidates ORDER BY score DESC, type, id LIMIT hits)
SELECT top.type, top.id, top.article_id, top.score,
  CASE top.type
    WHEN 'entity' THEN (SELECT e.record FROM entities e WHERE e.id = top.id)
    WHEN 'claim' THEN (SELECT ${claimRecord} FROM claims c WHERE c.id = top.id)
    ELSE (SELECT b.record FROM blocks b WHERE b.article_id = top.article_id AND b.id = top.id) END,
  CASE WHEN top.type = 'claim' THEN (SELECT json_build_object('id', e.id, 'name', e.name, 'kind', e.kind)
    FROM claims c JOIN entities e ON e.id = c.speaker_id WHERE c.id = top.id) END,
  CASE WHEN top.type = 'paragraph' THEN (SELECT a.summary->>'headline' FROM articles a WHERE a.id = top.article_id) END
FROM top ORDER BY top.score DESC, top.type, top.id;
END
$fn$;`;

/**
 * The schema, one versioned step at a time. A step is never edited once released: a change is a
 * new step. `schema_migrations` records what a database has.
 */
/**
 * The keys of article.list's orders (see ARTICLE_SORTS), as migration 019 indexes them: the
 * publication date (null when unknown), the headline folded as the API folds (NFD, combining
 * marks dropped, lower case by ICU's rules), and the number of claims. Text compares byte by byte.
 * Part of migration 019, whose text must never change.
 */
export const ARTICLE_KEYS = {
  published: `((summary->'published'->>'date') COLLATE "C")`,
  headline: `(lower(regexp_replace(normalize(summary->>'headline', NFD),
    '[\\u0300-\\u036f\\u1ab0-\\u1aff\\u1dc0-\\u1dff\\u20d0-\\u20ff\\ufe20-\\ufe2f]', '', 'g') COLLATE "und-x-icu") COLLATE "C")`,
  claims: `((summary->'counts'->>'claims')::int)`,
} as const;

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
  {
    // Search work bounded by the candidates it wants, not by the size of the corpus: see
    // SEARCH_ALL_FUNCTION below.
    name: '004_bounded_search',
    sql: `
CREATE EXTENSION IF NOT EXISTS btree_gin;
-- How many claim and paragraph entries hold each lexeme, kept current by imports. Every import
-- updates the counts of the common words: room on each page for HOT updates.
CREATE TABLE search_lexemes (
  type text NOT NULL,
  lexeme text COLLATE "C" NOT NULL,
  entries int NOT NULL,
  PRIMARY KEY (type, lexeme)
) WITH (fillfactor = 50);
INSERT INTO search_lexemes (type, lexeme, entries)
  SELECT 'claim', word, ndoc FROM ts_stat($$SELECT tsv FROM search_entries WHERE type = 'claim'$$)
  UNION ALL
  SELECT 'paragraph', word, ndoc FROM ts_stat($$SELECT tsv FROM search_entries WHERE type = 'paragraph'$$);
CREATE TABLE search_totals (type text PRIMARY KEY, entries int NOT NULL);
INSERT INTO search_totals (type, entries)
  SELECT t, (SELECT count(*) FROM search_entries WHERE type = t) FROM unnest(ARRAY['claim', 'paragraph']) t;
-- Claim and paragraph entries in buckets of 100 articles in import order, indexed with their words.
ALTER TABLE search_entries ADD COLUMN bucket bigint;
UPDATE search_entries s SET bucket = a.seq / 100 FROM articles a WHERE a.id = s.article_id AND s.type <> 'entity';
CREATE INDEX search_entries_bucket_claim ON search_entries USING gin (bucket, tsv) WITH (gin_pending_list_limit = 64) WHERE type = 'claim';
CREATE INDEX search_entries_bucket_paragraph ON search_entries USING gin (bucket, tsv) WITH (gin_pending_list_limit = 64) WHERE type = 'paragraph';
DROP INDEX search_entries_tsv_claim;
DROP INDEX search_entries_tsv_paragraph;
${searchAllFunction('CREATE FUNCTION', 100)}
`,
  },
  {
    // Half the candidates per type: a search ranks the 50 newest matches of each type (150 in
    // all, the in-memory store ranks 200), for about a fifth less database time per search.
    name: '005_fifty_search_candidates',
    sql: searchAllFunction('CREATE OR REPLACE FUNCTION', 50),
  },
  {
    // How many claims there are of each kind and modality, kept by imports: claim.list filtered
    // by its facets alone takes its total from here instead of counting the matching claims.
    name: '006_claim_facet_counts',
    sql: `
CREATE TABLE claim_facets (
  kind text NOT NULL,
  modality text NOT NULL,
  claims int NOT NULL,
  PRIMARY KEY (kind, modality)
) WITH (fillfactor = 50);
INSERT INTO claim_facets (kind, modality, claims) SELECT kind, modality, count(*) FROM claims GROUP BY 1, 2;
`,
  },
  {
    // Words that are each common but rarely meet: when the newest buckets already gave as many
    // matches of a type as the search returns, those are ranked, and the index over all entries
    // (about 1 ms for two common words at 10,000 articles) is not read. Over 200 searches drawn
    // from the corpus, the slowest 1 % took 2.6 ms of PostgreSQL time instead of 4.2.
    name: '007_enough_search_candidates',
    sql: searchAllFunction('CREATE OR REPLACE FUNCTION', 50, '>= least(50, hits)'),
  },
  {
    // Editors' accounts, their signed-in sessions (only each token's sha256) and their drafts
    // under review, beside the articles. A draft outlives its owner's account: it is the record
    // of who decided what.
    name: '008_accounts_sessions_and_drafts',
    sql: `
CREATE TABLE accounts (
  username text PRIMARY KEY,
  role text NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE TABLE sessions (
  token_sha256 text PRIMARY KEY,
  username text NOT NULL REFERENCES accounts ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_by_username ON sessions (username);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);
CREATE TABLE drafts (
  id text PRIMARY KEY,
  owner text NOT NULL,
  article_id text NOT NULL,
  revision int NOT NULL,
  updated_at timestamptz NOT NULL,
  -- json, not jsonb: a draft reads back exactly as saved, its decisions in the order made.
  body json NOT NULL
);
CREATE INDEX drafts_by_owner ON drafts (owner, updated_at DESC);
`,
  },
  {
    // Each version as imported is text of some 50 KB that TOAST compresses: lz4 costs a tenth of
    // the database's time per imported article less than the default pglz. A server built without
    // lz4 keeps pglz. Versions already stored keep their compression until rewritten.
    name: '009_lz4_article_versions',
    sql: `
DO $$ BEGIN
  ALTER TABLE article_versions ALTER COLUMN document SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN NULL;
END $$;
`,
  },
  {
    // claim.disagreements pages and filters by the speakers of a link's two claims: kept on the
    // link's row (filled here for existing rows) instead of joining the claims of every link, with
    // indexes in the list's order (article, then link) for each filter.
    name: '011_claim_link_speakers',
    sql: `
ALTER TABLE claim_links ADD COLUMN from_speaker_id text NOT NULL DEFAULT '',
  ADD COLUMN to_speaker_id text NOT NULL DEFAULT '';
UPDATE claim_links l SET
  from_speaker_id = coalesce((SELECT speaker_id FROM claims WHERE id = l.from_id), ''),
  to_speaker_id = coalesce((SELECT speaker_id FROM claims WHERE id = l.to_id), '');
ALTER TABLE claim_links ADD COLUMN same_speaker boolean
  GENERATED ALWAYS AS (from_speaker_id = to_speaker_id) STORED;
CREATE INDEX claim_links_kind ON claim_links (kind, article_seq, ord);
CREATE INDEX claim_links_same_speaker ON claim_links (same_speaker, kind, article_seq, ord);
CREATE INDEX claim_links_from_speaker ON claim_links (from_speaker_id, article_seq, ord);
CREATE INDEX claim_links_to_speaker ON claim_links (to_speaker_id, article_seq, ord);
-- How many links there are of each kind, by whether one speaker says both claims: the corpus-wide
-- totals of claim.disagreements, read instead of counted. Kept by statement triggers (one update
-- per statement, whatever writes the links: the import's INSERT, COPY or DELETE).
CREATE TABLE claim_link_counts (
  kind text NOT NULL,
  same_speaker boolean NOT NULL,
  links int NOT NULL,
  PRIMARY KEY (kind, same_speaker)
) WITH (fillfactor = 50);
INSERT INTO claim_link_counts (kind, same_speaker, links)
  SELECT kind, same_speaker, count(*) FROM claim_links GROUP BY 1, 2;
CREATE FUNCTION claim_links_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO claim_link_counts (kind, same_speaker, links)
    SELECT kind, same_speaker, count(*) FROM added GROUP BY 1, 2
    ON CONFLICT (kind, same_speaker) DO UPDATE SET links = claim_link_counts.links + excluded.links;
  RETURN NULL;
END $$;
CREATE FUNCTION claim_links_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE claim_link_counts c SET links = c.links - r.n
    FROM (SELECT kind, same_speaker, count(*) AS n FROM removed GROUP BY 1, 2) r
    WHERE c.kind = r.kind AND c.same_speaker = r.same_speaker;
  RETURN NULL;
END $$;
CREATE TRIGGER claim_links_counted_in AFTER INSERT ON claim_links
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION claim_links_added();
CREATE TRIGGER claim_links_counted_out AFTER DELETE ON claim_links
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION claim_links_removed();
`,
  },
  {
    // claim.list's channel, outlet and review filters read an index in list order, so a page
    // reads about as many rows as it returns, and their totals are kept in claim_filter_counts
    // by triggers on claims (one per statement: a batch's claims are counted at once), so
    // imports need no change. With other filters, a count reads the index alone (index-only
    // scan: the columns are stored, not computed from the record at each read).
    name: '012_claim_list_filters',
    sql: `
ALTER TABLE claims
  ADD COLUMN channel_kind text GENERATED ALWAYS AS (record->'channel'->>'kind') STORED,
  ADD COLUMN outlet_id text GENERATED ALWAYS AS (record->'channel'->>'outletId') STORED,
  ADD COLUMN review_status text GENERATED ALWAYS AS (record->'provenance'->'review'->>'status') STORED;
CREATE INDEX claims_channel ON claims (channel_kind, article_seq, first_offset, ord);
CREATE INDEX claims_outlet ON claims (outlet_id, article_seq, first_offset, ord) WHERE outlet_id IS NOT NULL;
CREATE INDEX claims_review ON claims (review_status, article_seq, first_offset, ord);
CREATE TABLE claim_filter_counts (
  filter text NOT NULL,
  value text NOT NULL,
  claims int NOT NULL,
  PRIMARY KEY (filter, value)
) WITH (fillfactor = 50);
INSERT INTO claim_filter_counts (filter, value, claims)
  SELECT 'channel', channel_kind, count(*) FROM claims GROUP BY 2
  UNION ALL SELECT 'review', review_status, count(*) FROM claims GROUP BY 2
  UNION ALL SELECT 'outlet', outlet_id, count(*) FROM claims WHERE outlet_id IS NOT NULL GROUP BY 2;
CREATE FUNCTION count_claim_filters() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO claim_filter_counts AS k (filter, value, claims)
    SELECT filter, value, (CASE TG_OP WHEN 'INSERT' THEN 1 ELSE -1 END) * count(*)
      FROM (SELECT 'channel' AS filter, channel_kind AS value FROM changed
            UNION ALL SELECT 'review', review_status FROM changed
            UNION ALL SELECT 'outlet', outlet_id FROM changed WHERE outlet_id IS NOT NULL) c
     GROUP BY filter, value
     -- One order for every writer, so two imports never wait on each other's rows crosswise.
     ORDER BY filter, value
  ON CONFLICT (filter, value) DO UPDATE SET claims = k.claims + excluded.claims;
  RETURN NULL;
END $$;
CREATE TRIGGER claims_counted_in AFTER INSERT ON claims
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION count_claim_filters();
CREATE TRIGGER claims_counted_out AFTER DELETE ON claims
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION count_claim_filters();
`,
  },
  {
    // The records of mentions, entity records and claim links are stored as the text imports
    // send (json) instead of jsonb: no query looks inside them, and building jsonb of them was
    // about a sixth of the database's time per imported article. Reads return them as they were
    // imported (keys in their order) and no longer serialise jsonb.
    name: '013_json_records',
    sql: `
ALTER TABLE mentions ALTER COLUMN record TYPE json USING record::json;
ALTER TABLE entity_records ALTER COLUMN record TYPE json USING record::json;
ALTER TABLE claim_links ALTER COLUMN record TYPE json USING record::json;
`,
  },
  {
    // Imports merge the claim and paragraph entries' pending lists into their GIN indexes once per
    // batch, before COMMIT (see importBatch), instead of every 64 KB: one merge per batch files
    // the batch's common words once, not once per few articles. The limit is room for a batch of
    // a few hundred articles, so a search during an import reads at most that one uncommitted
    // batch's entries unmerged; after it, none.
    name: '014_search_pending_lists_per_batch',
    sql: `
ALTER INDEX search_entries_bucket_claim SET (gin_pending_list_limit = 2048);
ALTER INDEX search_entries_bucket_paragraph SET (gin_pending_list_limit = 2048);
`,
  },
  {
    // No query of the store looks claims up by the claim they answer or continue (the records
    // carry both ids, read with the claim): two indexes every imported claim paid for, unread.
    name: '015_drop_unread_claim_indexes',
    sql: `
DROP INDEX IF EXISTS claims_parent;
DROP INDEX IF EXISTS claims_continues;
`,
  },
  {
    // article.list's text filter: each article's headline, dek and id folded as the API folds
    // (NFD, combining marks dropped, lower case), kept by PostgreSQL itself (a generated column,
    // so imports need not send it), with a trigram index for substrings of three characters or more.
    name: '016_article_filter_text',
    sql: `
ALTER TABLE articles ADD COLUMN folded text GENERATED ALWAYS AS (
  lower(regexp_replace(
    normalize(summary->>'headline' || E'\\n' || coalesce(summary->>'dek', '') || E'\\n' || id, NFD),
    '[\\u0300-\\u036f\\u1ab0-\\u1aff\\u1dc0-\\u1dff\\u20d0-\\u20ff\\ufe20-\\ufe2f]', '', 'g'))
) STORED;
CREATE INDEX articles_folded ON articles USING gin (folded gin_trgm_ops);
`,
  },
  {
    // Fewer index entries per imported record. An article's claims, links and relations are found
    // by its sequence number (the indexes in reading order lead with it), its mentions and search
    // entries by their ids in the version being replaced: five indexes by article id that only a
    // new version's DELETE read. An entity's records keep one index in corpus order, which is also
    // their key (an article's sequence number stands for its id).
    name: '017_fewer_import_indexes',
    sql: `
DROP INDEX IF EXISTS mentions_article;
DROP INDEX IF EXISTS claims_article;
DROP INDEX IF EXISTS claim_links_article;
DROP INDEX IF EXISTS relations_article;
DROP INDEX IF EXISTS search_entries_article;
ALTER TABLE entity_records DROP CONSTRAINT entity_records_pkey,
  ADD CONSTRAINT entity_records_pkey PRIMARY KEY (entity_id, article_seq) INCLUDE (article_id, kind);
DROP INDEX entity_records_by_entity;
`,
  },
  {
    // The records of claims, relations, mentions, entity records and claim links are stored as
    // the text imports send, which PostgreSQL neither parses nor builds jsonb of (that was about a
    // fifth of its time per imported article); no query looks inside them. What queries filter by
    // is a column written by imports: a claim's channel, outlet and review status (no longer read
    // out of its record) and now a relation's review status, with an index in list order.
    // Searches still return a claim's record as jsonb.
    name: '018_text_records',
    sql: `
ALTER TABLE claims ALTER COLUMN channel_kind DROP EXPRESSION IF EXISTS,
  ALTER COLUMN outlet_id DROP EXPRESSION IF EXISTS,
  ALTER COLUMN review_status DROP EXPRESSION IF EXISTS;
ALTER TABLE relations ADD COLUMN review_status text;
UPDATE relations SET review_status = record->'provenance'->'review'->>'status';
CREATE INDEX relations_review ON relations (review_status, article_seq, ord);
ALTER TABLE claims ALTER COLUMN record TYPE text USING record::text;
ALTER TABLE relations ALTER COLUMN record TYPE text USING record::text;
ALTER TABLE mentions ALTER COLUMN record TYPE text USING record::text;
ALTER TABLE entity_records ALTER COLUMN record TYPE text USING record::text;
ALTER TABLE claim_links ALTER COLUMN record TYPE text USING record::text;
${searchAllFunction('CREATE OR REPLACE FUNCTION', 50, '>= least(50, hits)', 'c.record::jsonb')}
`,
  },
  {
    // article.list's orders (ARTICLE_SORTS): an index for each, so a page of any order is read in
    // order rather than sorted out of every article (ARTICLE_ORDER_SQL names the same keys).
    name: '019_article_orders',
    sql: `
CREATE INDEX articles_newest ON articles (${ARTICLE_KEYS.published} DESC NULLS LAST, seq);
CREATE INDEX articles_oldest ON articles (${ARTICLE_KEYS.published}, seq);
CREATE INDEX articles_headline ON articles (${ARTICLE_KEYS.headline}, seq);
CREATE INDEX articles_claims ON articles (${ARTICLE_KEYS.claims} DESC, seq);
`,
  },
  {
    // An entity's articles and relations are counted by imports, as its mentions and claims are:
    // entity.list and entity.get counted every article record and relation of each entity they
    // showed (tens of thousands for an entity in a fifth of 100,000 articles). An entity's
    // relations are read in corpus order from each side's index, a page at a time.
    name: '020_entity_counts_and_relations_in_order',
    sql: `
ALTER TABLE entities ADD COLUMN article_count int NOT NULL DEFAULT 0,
  ADD COLUMN relation_count int NOT NULL DEFAULT 0;
UPDATE entities e SET
  article_count = (SELECT count(*) FROM entity_records r WHERE r.entity_id = e.id),
  relation_count = (SELECT count(*) FROM relations r WHERE r.subject_id = e.id OR r.object_id = e.id);
DROP INDEX relations_subject;
DROP INDEX relations_object;
CREATE INDEX relations_subject ON relations (subject_id, article_seq, ord);
CREATE INDEX relations_object ON relations (object_id, article_seq, ord);
`,
  },
];

/** How many articles (in import order) share a search bucket: fixed by migration 004. */
export const SEARCH_BUCKET_ARTICLES = 100;

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
