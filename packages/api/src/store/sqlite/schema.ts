import type Database from 'better-sqlite3';

/**
 * The schema of the SQLite store, one versioned step at a time (`PRAGMA user_version` counts the
 * steps a database has). A step is never edited once released: a change is a new step.
 *
 * The tables hold the current version of each article, except `article_versions`, which keeps
 * every version byte for byte. `seq` columns are rowids: an article keeps its `seq` across
 * versions (corpus order), and the full-text tables share the rowids of the rows they index.
 */
const STEPS: readonly string[] = [
  `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO meta (key, value) VALUES ('generation', '0');

CREATE TABLE articles (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  current_version INTEGER NOT NULL,
  summary TEXT NOT NULL
);

CREATE TABLE article_versions (
  article_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  content_sha256 TEXT NOT NULL,
  text_sha256 TEXT NOT NULL,
  imported_at TEXT,
  document TEXT NOT NULL,
  UNIQUE (article_id, version)
);

CREATE TABLE blocks (
  seq INTEGER PRIMARY KEY,
  article_id TEXT NOT NULL,
  id TEXT NOT NULL,
  record TEXT NOT NULL,
  UNIQUE (article_id, id)
);

CREATE TABLE entity_records (
  entity_id TEXT NOT NULL,
  article_seq INTEGER NOT NULL,
  article_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  record TEXT NOT NULL,
  PRIMARY KEY (entity_id, article_seq)
) WITHOUT ROWID;
CREATE INDEX entity_records_article ON entity_records (article_id, entity_id);

-- One row per entity id across the corpus: the first article's record, the aliases of all.
CREATE TABLE entities (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  -- The folded name: alphabetical order without a collation library.
  name_key TEXT NOT NULL,
  first_article_id TEXT NOT NULL,
  folded TEXT NOT NULL,
  record TEXT NOT NULL,
  article_count INTEGER NOT NULL,
  mention_count INTEGER NOT NULL,
  claim_count INTEGER NOT NULL,
  about_count INTEGER NOT NULL
);
CREATE INDEX entities_by_mentions ON entities (mention_count DESC, name_key, id);
CREATE INDEX entities_by_name ON entities (name_key, id);
CREATE INDEX entities_by_claims ON entities (claim_count DESC, name_key, id);
CREATE INDEX entities_kind ON entities (kind, mention_count DESC, name_key, id);

CREATE TABLE mentions (
  id TEXT PRIMARY KEY,
  article_id TEXT NOT NULL,
  article_seq INTEGER NOT NULL,
  ord INTEGER NOT NULL,
  entity_id TEXT NOT NULL,
  start INTEGER NOT NULL,
  block_id TEXT NOT NULL,
  record TEXT NOT NULL
);
CREATE INDEX mentions_entity ON mentions (entity_id, article_seq, start, ord);
CREATE INDEX mentions_article ON mentions (article_id, entity_id);

CREATE TABLE claims (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  article_id TEXT NOT NULL,
  article_seq INTEGER NOT NULL,
  ord INTEGER NOT NULL,
  first_offset INTEGER NOT NULL,
  speaker_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  modality TEXT NOT NULL,
  parent_id TEXT,
  continues_id TEXT,
  folded TEXT NOT NULL,
  record TEXT NOT NULL
);
CREATE INDEX claims_reading_order ON claims (article_seq, first_offset, ord);
CREATE INDEX claims_article ON claims (article_id, speaker_id);
CREATE INDEX claims_speaker ON claims (speaker_id, article_seq, first_offset, ord);
CREATE INDEX claims_facets ON claims (kind, modality, article_seq, first_offset, ord);
CREATE INDEX claims_parent ON claims (parent_id);
CREATE INDEX claims_continues ON claims (continues_id);

-- The entities each claim is about, once each, in the claim's reading order.
CREATE TABLE claim_about (
  entity_id TEXT NOT NULL,
  article_seq INTEGER NOT NULL,
  first_offset INTEGER NOT NULL,
  ord INTEGER NOT NULL,
  claim_seq INTEGER NOT NULL,
  article_id TEXT NOT NULL,
  PRIMARY KEY (entity_id, article_seq, first_offset, ord)
) WITHOUT ROWID;
CREATE INDEX claim_about_article ON claim_about (article_id, entity_id);

CREATE TABLE claim_links (
  id TEXT PRIMARY KEY,
  article_id TEXT NOT NULL,
  article_seq INTEGER NOT NULL,
  ord INTEGER NOT NULL,
  kind TEXT NOT NULL,
  from_id TEXT NOT NULL,
  to_id TEXT NOT NULL,
  record TEXT NOT NULL
);
CREATE INDEX claim_links_from ON claim_links (from_id);
CREATE INDEX claim_links_to ON claim_links (to_id);
CREATE INDEX claim_links_kind ON claim_links (kind, article_seq, ord);
CREATE INDEX claim_links_article ON claim_links (article_id, article_seq, ord);

CREATE TABLE relations (
  id TEXT PRIMARY KEY,
  article_id TEXT NOT NULL,
  article_seq INTEGER NOT NULL,
  ord INTEGER NOT NULL,
  subject_id TEXT NOT NULL,
  object_id TEXT NOT NULL,
  predicate TEXT NOT NULL,
  record TEXT NOT NULL
);
CREATE INDEX relations_subject ON relations (subject_id, article_seq, ord);
CREATE INDEX relations_object ON relations (object_id, article_seq, ord);
CREATE INDEX relations_order ON relations (article_seq, ord);
CREATE INDEX relations_predicate ON relations (predicate, article_seq, ord);
CREATE INDEX relations_article ON relations (article_id, article_seq, ord);

-- Counts kept by imports, so totals and stats of the whole corpus are read, not counted:
-- (table, key) -> rows, key '' for the whole table.
CREATE TABLE tallies (
  name TEXT NOT NULL,
  key TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (name, key)
) WITHOUT ROWID;

-- Full text (FTS5, contentless: the text lives in the tables above). The rowid is the seq of the
-- entity, claim or paragraph block. Text is folded like search queries (see searchText).
CREATE VIRTUAL TABLE search_entity USING fts5 (name, aliases, description,
  content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2', prefix = '3');
CREATE VIRTUAL TABLE search_claim USING fts5 (words, statement,
  content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2', prefix = '3');
CREATE VIRTUAL TABLE search_paragraph USING fts5 (text,
  content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2', prefix = '3');
-- The words each full-text table holds (added by imports, never removed: a stale word matches
-- nothing): a query word of 3+ letters becomes the words it begins, exact terms that FTS5 reads
-- lazily, where FTS5's own prefix query reads every posting of every such word first.
CREATE TABLE search_terms (
  type TEXT NOT NULL,
  term TEXT NOT NULL,
  PRIMARY KEY (type, term)
) WITHOUT ROWID;
-- Claims' folded words and statement by trigram: claim.list's text filter (a substring) reads the
-- claims that hold the needle instead of every claim.
CREATE VIRTUAL TABLE claim_trigrams USING fts5 (folded,
  content = '', contentless_delete = 1, tokenize = 'trigram');
-- Entity names and aliases by trigram: what a misspelt name is compared with.
CREATE VIRTUAL TABLE entity_trigrams USING fts5 (names,
  content = '', contentless_delete = 1, tokenize = 'trigram');
`,
  // Step 2: claim.disagreements pages and filters by the speakers of a link's two claims, read
  // from the link's row (filled here for existing rows) instead of joining the claims of every link.
  `
ALTER TABLE claim_links ADD COLUMN from_speaker_id TEXT NOT NULL DEFAULT '';
ALTER TABLE claim_links ADD COLUMN to_speaker_id TEXT NOT NULL DEFAULT '';
UPDATE claim_links SET
  from_speaker_id = coalesce((SELECT speaker_id FROM claims WHERE id = claim_links.from_id), ''),
  to_speaker_id = coalesce((SELECT speaker_id FROM claims WHERE id = claim_links.to_id), '');
ALTER TABLE claim_links ADD COLUMN same_speaker INTEGER
  GENERATED ALWAYS AS (from_speaker_id = to_speaker_id) VIRTUAL;
-- In list order, each with the kind (and the other speaker): a page reads the index in order,
-- checking the kind there, and a speaker's links are counted from the indexes alone.
CREATE INDEX claim_links_order ON claim_links (article_seq, ord, kind);
CREATE INDEX claim_links_same_speaker ON claim_links (same_speaker, article_seq, ord, kind);
CREATE INDEX claim_links_from_speaker ON claim_links (from_speaker_id, article_seq, ord, kind, to_speaker_id);
CREATE INDEX claim_links_to_speaker ON claim_links (to_speaker_id, article_seq, ord, kind, from_speaker_id);
-- Links by kind and by whether one speaker says both claims, as kept counts (see countDocument).
INSERT INTO tallies (name, key, n)
  SELECT 'claim_links.same_speaker', kind || char(0) || same_speaker, count(*) FROM claim_links
  GROUP BY kind, same_speaker;
`,
  // claim.list's channel, outlet and review filters read an index in list order (a page reads
  // about as many rows as it returns), and their totals are kept like the facets' (issue 16).
  `
ALTER TABLE claims ADD COLUMN channel_kind TEXT GENERATED ALWAYS AS (json_extract(record, '$.channel.kind')) VIRTUAL;
ALTER TABLE claims ADD COLUMN outlet_id TEXT GENERATED ALWAYS AS (json_extract(record, '$.channel.outletId')) VIRTUAL;
ALTER TABLE claims ADD COLUMN review_status TEXT GENERATED ALWAYS AS (json_extract(record, '$.provenance.review.status')) VIRTUAL;
CREATE INDEX claims_channel ON claims (channel_kind, article_seq, first_offset, ord);
CREATE INDEX claims_outlet ON claims (outlet_id, article_seq, first_offset, ord) WHERE outlet_id IS NOT NULL;
CREATE INDEX claims_review ON claims (review_status, article_seq, first_offset, ord);
INSERT INTO tallies (name, key, n) SELECT 'claims.channel', channel_kind, count(*) FROM claims GROUP BY channel_kind;
INSERT INTO tallies (name, key, n) SELECT 'claims.review', review_status, count(*) FROM claims GROUP BY review_status;
INSERT INTO tallies (name, key, n)
  SELECT 'claims.outlet', outlet_id, count(*) FROM claims WHERE outlet_id IS NOT NULL GROUP BY outlet_id;
`,
  // claim.list's text filter pages through the trigram matches in the order the index gives
  // them, without counting or sorting every match: a claim's trigram rowid is now its place in
  // reading order, `reading_key` = article seq × 2^20 + its rank in the article by (first
  // offset, ord). An article keeps its seq across versions, so a re-imported version keeps its
  // place; claim seqs (rowids) do not follow reading order (a new version's claims come last).
  `
ALTER TABLE claims ADD COLUMN reading_key INTEGER;
WITH ranked AS (
  SELECT seq, article_seq * 1048576 + row_number() OVER (PARTITION BY article_seq ORDER BY first_offset, ord) - 1 AS k
  FROM claims
)
UPDATE claims SET reading_key = ranked.k FROM ranked WHERE ranked.seq = claims.seq;
CREATE UNIQUE INDEX claims_reading_key ON claims (reading_key);
DROP TABLE claim_trigrams;
CREATE VIRTUAL TABLE claim_trigrams USING fts5 (folded,
  content = '', contentless_delete = 1, tokenize = 'trigram');
INSERT INTO claim_trigrams (rowid, folded) SELECT reading_key, folded FROM claims;
`,
  // Step 5: each article's headline, dek and id, folded (claimscope_fold, the API's case and accent
  // folding, registered by the store), for article.list's text filter.
  `
ALTER TABLE articles ADD COLUMN folded TEXT NOT NULL DEFAULT '';
UPDATE articles SET folded = claimscope_fold(json_extract(summary, '$.headline') || char(10) ||
  coalesce(json_extract(summary, '$.dek'), '') || char(10) || id);
`,
  // Step 6: article.list's orders (ARTICLE_SORTS), an index each, so a page of any order is read
  // in order (ARTICLE_ORDER_SQL names the same keys): the publication date (an unknown one last),
  // the headline folded (written by imports, as \`folded\` is) and the number of claims.
  `
ALTER TABLE articles ADD COLUMN headline_key TEXT NOT NULL DEFAULT '';
UPDATE articles SET headline_key = claimscope_fold(json_extract(summary, '$.headline'));
CREATE INDEX articles_newest ON articles (json_extract(summary, '$.published.date') IS NULL,
  json_extract(summary, '$.published.date') DESC, seq);
CREATE INDEX articles_oldest ON articles (json_extract(summary, '$.published.date') IS NULL,
  json_extract(summary, '$.published.date'), seq);
CREATE INDEX articles_headline ON articles (headline_key, seq);
CREATE INDEX articles_claims ON articles (json_extract(summary, '$.counts.claims') DESC, seq);
`,
];

/** Brings the database up to the newest schema, in one write transaction per step. */
export function applySchema(db: Database.Database): void {
  for (;;) {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version >= STEPS.length) return;
    db.exec('BEGIN IMMEDIATE');
    try {
      // Another process may have applied it while this one waited for the lock.
      const now = db.pragma('user_version', { simple: true }) as number;
      if (now === version) {
        db.exec(STEPS[version] as string);
        db.pragma(`user_version = ${version + 1}`);
      }
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw new Error(
        `cannot bring the SQLite store's schema to step ${version + 1}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
