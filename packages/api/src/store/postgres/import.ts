import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { ArticleDocument, Claim, Entity, EntityKind } from '@claimscope/schema';
import type pg from 'pg';
import type { CorpusEntity } from '../../contracts/shared.js';
import {
  articleSummary,
  claimText,
  entityRecordCounts,
  mergeEntity,
  newAliases,
} from '../../views/records.js';
import { fold, searchText } from '../../views/terms.js';
import type { ImportOptions, SearchableType, StoredDocument } from '../claim-store.js';
import {
  DocumentConflictError,
  DocumentStoreError,
  findConflicts,
  StaleVersionError,
  UNIQUE_COLLECTIONS,
} from '../conflicts.js';
import { contentDigest, contentDigestOfJson } from '../stored-version.js';
import { SEARCH_BUCKET_ARTICLES } from './migrations.js';
import { type Client, recordOf } from './rows.js';

/*
 * Writing documents: a batch of imports in one transaction under the import lock. New articles
 * are written in runs, all rows of a run in one statement; a new version of an article in one
 * statement of its own, inside a savepoint. The kept counts and corpus-wide entity rows are
 * updated with them.
 */

/** Imports bump the store's generation and NOTIFY it here, for every server on the database. */
export const CHANGES_CHANNEL = 'claimscope_changes';
const IMPORT_LOCK = 7301002;
const TYPE_BOOST: Record<SearchableType, number> = { entity: 1.5, claim: 1, paragraph: 0.7 };

/**
 * The most new articles written by one statement: a parameter each (PostgreSQL takes at most
 * 65,535) and some 65 KB of JSON each, so a batch of thousands is written in several statements.
 */
const MAX_RUN_ARTICLES = 200;

/**
 * Merges the pending lists of the claim and paragraph entries' GIN indexes (migration 014), once
 * a batch. Only the owner of an index may: a role that imports without owning them leaves the
 * lists to merge themselves when full.
 */
const MERGE_PENDING_ENTRIES_SQL = `SELECT gin_clean_pending_list(c.oid) FROM pg_class c
  WHERE c.oid IN ('search_entries_bucket_claim'::regclass, 'search_entries_bucket_paragraph'::regclass)
    AND pg_has_role(c.relowner, 'USAGE')`;

/** Enough memory for a run's rows (see MAX_RUN_ARTICLES), for the import's transaction only. */
const IMPORT_WORK_MEM = '64MB';

const firstOffset = (claim: Claim) => Math.min(...claim.content.map((a) => a.position.start));

/**
 * The store's `importDocuments`: each call's documents are prepared at once (their rows built
 * from the documents alone), then written after the calls before it, in the order of the calls.
 * So a caller can hand over the next batch while the last is written: this process prepares it
 * while PostgreSQL writes.
 */
export function batchImporter(pool: pg.Pool, onGeneration: (generation: string) => void) {
  let previous: Promise<unknown> = Promise.resolve();
  return (
    documents: readonly ArticleDocument[],
    options?: ImportOptions,
  ): Promise<(StoredDocument | DocumentConflictError)[]> => {
    // New articles only: an import that expects a version is written alone (see importBatch).
    const prepared = options?.expectedVersion === undefined ? prepareArticles(documents) : null;
    const written = previous.then(async () =>
      importBatch(pool, documents, await prepared, onGeneration, options),
    );
    previous = written.catch(() => undefined);
    return written;
  };
}

/**
 * Imports documents in one transaction under the import lock, as if one after the other: a
 * rejected document is left out alone, and a crash leaves the batch out whole. One transaction
 * saves each document its own BEGIN, lock and COMMIT round trips, and runs of new articles their
 * own statements.
 */
async function importBatch(
  pool: pg.Pool,
  documents: readonly ArticleDocument[],
  prepared: readonly PreparedArticle[] | null,
  onGeneration: (generation: string) => void,
  options?: ImportOptions,
): Promise<(StoredDocument | DocumentConflictError)[]> {
  if (documents.length === 0) return [];
  const client = await pool.connect();
  // A connection lost mid-import fails the batch through its query; the error the client emits
  // afterwards (it is checked out, so the pool does not listen) must not end the process.
  const lost = (_: Error) => {};
  client.on('error', lost);
  let broken: Error | undefined;
  const results: (StoredDocument | DocumentConflictError)[] = [];
  let changed: string | null = null;
  try {
    // The run's statement keeps its rows (some 50 KB of JSON an article) in tuplestores between
    // its inserts: with the default 4 MB of work_mem they spilled to temporary files.
    // Parallel workers would each be a new process started for a probe of a few milliseconds.
    await client.query(
      `BEGIN; SET LOCAL work_mem = '${IMPORT_WORK_MEM}'; SET LOCAL max_parallel_workers_per_gather = 0`,
    );
    await client.query('SELECT pg_advisory_xact_lock($1)', [IMPORT_LOCK]);
    // A conflict is found before anything of the document is written or counted.
    const counts = new CountChanges();
    let next = 0;
    while (next < documents.length) {
      // New articles are written many at a time; a new version of an article, a second copy of an
      // article in the batch, or an import that expects a version, is written alone, in order.
      const run = prepared
        ? await newArticlesRun(client, prepared.slice(next, next + MAX_RUN_ARTICLES))
        : null;
      if (run && run.documents.length > 0) {
        const written = await importNewArticles(client, run, counts);
        if (!('refused' in written)) {
          if (written.generation) changed = written.generation;
          results.push(...written.results);
          next += run.documents.length;
          continue;
        }
        // The database refused the run (text it cannot store, say): its documents are retried one
        // by one below, so only the faulty one is rejected.
        const failedBefore = results.filter((r) => r instanceof DocumentStoreError).length;
        for (const { document } of run.documents) {
          const generation = await importOne(client, document, counts, results, options);
          if (generation) changed = generation;
        }
        // None failed alone: the run's statement itself is at fault, which must not go unseen.
        if (results.filter((r) => r instanceof DocumentStoreError).length === failedBefore)
          console.error(
            `a run of ${run.documents.length} new articles was refused, then stored one by one: ${written.refused instanceof Error ? written.refused.stack : String(written.refused)}`,
          );
        next += run.documents.length;
        continue;
      }
      const generation = await importOne(
        client,
        documents[next] as ArticleDocument,
        counts,
        results,
        options,
      );
      if (generation) changed = generation;
      next += 1;
    }
    await counts.write(client);
    await client.query(MERGE_PENDING_ENTRIES_SQL);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch((failed: Error) => {
      broken = failed;
    });
    throw error;
  } finally {
    // A connection that cannot even roll back is closed rather than handed out again.
    if (!broken) client.off('error', lost);
    client.release(broken);
  }
  if (changed) onGeneration(changed);
  return results;
}

/**
 * One document inside its own savepoint: a rejected document is rolled back alone. Pushes its
 * result and returns the generation it made, if any.
 */
async function importOne(
  client: Client,
  document: ArticleDocument,
  counts: CountChanges,
  results: (StoredDocument | DocumentConflictError)[],
  options?: ImportOptions,
): Promise<string | null> {
  await client.query('SAVEPOINT document');
  // The document's changes to the kept counts join the batch's only if it is stored.
  const own: [CountedRows, 1 | -1][] = [];
  const recorder = {
    add: (rows: CountedRows, sign: 1 | -1) => {
      own.push([rows, sign]);
    },
  };
  try {
    const { generation, ...stored } = await importInTransaction(
      client,
      document,
      recorder,
      options,
    );
    await client.query('RELEASE SAVEPOINT document');
    for (const [rows, sign] of own) counts.add(rows, sign);
    results.push(stored);
    return generation;
  } catch (error) {
    // Any failure of one document (a conflict, or text the database refuses) is its own.
    await client.query('ROLLBACK TO SAVEPOINT document');
    if (!(error instanceof DocumentConflictError))
      console.error(
        `import of article "${document.article.id}" failed: ${error instanceof Error ? error.stack : String(error)}`,
      );
    results.push(
      error instanceof DocumentConflictError
        ? error
        : new DocumentStoreError(document.article.id, error),
    );
    return null;
  }
}

/** What the entities and search_entries rows of merged entities hold (the record without articleIds). */
function entityPayload(e: Entity, firstArticleId: string) {
  return {
    record: e,
    first: firstArticleId,
    folded: fold([e.name, e.description, ...e.aliases.map((a) => a.name)].join('\n')),
    names: fold([e.name, ...e.aliases.map((a) => a.name)].join('\n')),
    a: searchText(e.name),
    b: searchText(e.aliases.map((a) => a.name).join(' ')),
    c: searchText(e.description),
  };
}

type EntityPayload = ReturnType<typeof entityPayload> & {
  mentions: number;
  claims: number;
  about: number;
  articles: number;
  relations: number;
  /** The search entry must be (re)written: a new entity, or new aliases. */
  searchable: boolean;
};

const TABLE_OF: Record<(typeof UNIQUE_COLLECTIONS)[number], string> = {
  mentions: 'mentions',
  claims: 'claims',
  claimLinks: 'claim_links',
  relations: 'relations',
};

/**
 * Everything an import must know before writing, in one statement: the current version, the
 * records of other articles that hold this document's ids, the kind each entity already has, and
 * the corpus rows of its entities. Runs after the import lock, so it sees every finished import.
 */
const PROBE_SQL = `SELECT
  (SELECT row_to_json(x) FROM (SELECT a.seq, a.current_version, v.content_sha256 FROM articles a
     JOIN article_versions v ON v.article_id = a.id AND v.version = a.current_version WHERE a.id = $1) x) AS current,
  (SELECT coalesce(json_agg(o), '[]') FROM (
     ${UNIQUE_COLLECTIONS.map(
       (collection, i) =>
         `SELECT '${collection}' AS collection, id, article_id FROM ${TABLE_OF[collection]} WHERE id = ANY($${i + 2}) AND article_id <> $1`,
     ).join(' UNION ALL ')}) o) AS owners,
  (SELECT coalesce(json_agg(k), '[]') FROM (
     SELECT e.id AS entity_id, r.kind, r.article_id FROM unnest($6::text[]) e(id)
       CROSS JOIN LATERAL (SELECT kind, article_id FROM entity_records
                            WHERE entity_id = e.id AND article_id <> $1 ORDER BY article_seq LIMIT 1) r) k) AS kinds,
  (SELECT coalesce(json_agg(x), '[]') FROM (
     SELECT id, record, first_article_id, mention_count, claim_count, about_count, article_count, relation_count
       FROM entities WHERE id = ANY($6)) x) AS entities`;

/**
 * What a statement that writes or deletes an article's rows reports for the kept counts: the
 * entries that `s` (claim and paragraph search entries) holds, per type and per lexeme, and the
 * claims that `c` holds, per kind and modality.
 */
const COUNTED_ROWS = `(SELECT coalesce(json_agg(json_build_array(type, lexeme, n)), '[]')
    FROM (SELECT s.type, w.lexeme, count(*) AS n FROM s, unnest(tsvector_to_array(s.tsv)) w(lexeme) GROUP BY 1, 2) x) AS lexemes,
  (SELECT coalesce(json_agg(json_build_array(type, n)), '[]')
    FROM (SELECT type, count(*) AS n FROM s GROUP BY type) x) AS entries,
  (SELECT coalesce(json_agg(json_build_array(kind, modality, n)), '[]')
    FROM (SELECT kind, modality, count(*) AS n FROM c GROUP BY 1, 2) x) AS facets`;

/**
 * The tables an article's own rows go to, in the order of their parameters (see articleRowCtes),
 * with the key of each in `documentRows`.
 */
const ROW_TABLES = [
  'blocks',
  'entityRecords',
  'mentions',
  'claims',
  'claimLinks',
  'relations',
  'entries',
] as const;
type RowTable = (typeof ROW_TABLES)[number];

/**
 * The tables whose records are stored as the text JavaScript made of them (see migration 018):
 * each travels apart from its table's other columns, one record a line (JSON.stringify never
 * writes a raw line feed), so PostgreSQL splits them off without reading them.
 */
const RECORD_TABLES = ['entityRecords', 'mentions', 'claims', 'claimLinks', 'relations'] as const;
type RecordTable = (typeof RECORD_TABLES)[number];

/**
 * The statements' per-article inserts: blocks, entity records, mentions, claims, links, relations
 * and search entries. Each table's rows (of one article or of a run) come as one JSON array, a
 * parameter each from `$first` on in the order of ROW_TABLES, with their columns worked out in
 * JavaScript; `a` names the row's article, whose sequence comes from `art`. The records of
 * RECORD_TABLES follow, a parameter each, one record a line in the order of their rows: stored
 * as text, they are neither parsed nor checked again (JSON.stringify made them).
 */
const articleRowCtes = (first: number) => {
  const rows = (table: RowTable) =>
    `json_to_recordset($${first + ROW_TABLES.indexOf(table)}::json)`;
  // A table's rows with their records (column \`line.r\`), matched by their place in the lists.
  const withRecords = (table: RecordTable, columns: string) => {
    const names = columns.split(',').map((column) => column.trim().split(' ')[0]);
    const records = first + ROW_TABLES.length + RECORD_TABLES.indexOf(table);
    return `ROWS FROM (${rows(table)} AS (${columns})) WITH ORDINALITY AS t(${names.join(', ')}, n)
            JOIN string_to_table($${records}, E'\\n') WITH ORDINALITY AS line(r, n) USING (n)`;
  };
  return `blk AS (INSERT INTO blocks (article_id, id, record)
        SELECT t.a, t.r->>'id', t.r FROM ${rows('blocks')} AS t(a text, r jsonb)),
rec AS (INSERT INTO entity_records (entity_id, article_id, article_seq, kind, record)
        SELECT t.id, t.a, art.seq, t.kind, line.r
          FROM ${withRecords('entityRecords', 'a text, id text, kind text')} JOIN art ON art.id = t.a),
men AS (INSERT INTO mentions (id, article_id, article_seq, ord, entity_id, start, block_id, record)
        SELECT t.id, t.a, art.seq, t.o, t.entity, t.start, t.block, line.r
          FROM ${withRecords('mentions', 'a text, o int, id text, entity text, start int, block text')}
          JOIN art ON art.id = t.a),
c AS (INSERT INTO claims (id, article_id, article_seq, ord, first_offset, speaker_id, kind, modality,
                            parent_id, continues_id, about_ids, folded, channel_kind, outlet_id, review_status, record)
        SELECT t.id, t.a, art.seq, t.o, t.first, t.speaker, t.kind, t.modality, t.parent, t.continues,
               t.about, t.folded, t.channel, t.outlet, t.review, line.r
          FROM ${withRecords(
            'claims',
            'a text, o int, id text, first int, speaker text, kind text, modality text, parent text, continues text, about text[], folded text, channel text, outlet text, review text',
          )}
          JOIN art ON art.id = t.a
        RETURNING kind, modality),
lnk AS (INSERT INTO claim_links (id, article_id, article_seq, ord, kind, from_id, to_id, from_speaker_id, to_speaker_id, record)
        SELECT t.id, t.a, art.seq, t.o, t.kind, t.from, t.to, t.from_speaker, t.to_speaker, line.r
          FROM ${withRecords(
            'claimLinks',
            'a text, o int, id text, kind text, "from" text, "to" text, from_speaker text, to_speaker text',
          )}
          JOIN art ON art.id = t.a),
rel AS (INSERT INTO relations (id, article_id, article_seq, ord, subject_id, object_id, predicate, review_status, record)
        SELECT t.id, t.a, art.seq, t.o, t.subject, t.object, t.predicate, t.review, line.r
          FROM ${withRecords('relations', 'a text, o int, id text, subject text, object text, predicate text, review text')}
          JOIN art ON art.id = t.a),
s AS (INSERT INTO search_entries (type, id, article_id, bucket, boost, tsv)
         SELECT t.type, t.id, t.a, art.seq / ${SEARCH_BUCKET_ARTICLES},
                CASE t.type WHEN 'claim' THEN ${TYPE_BOOST.claim} ELSE ${TYPE_BOOST.paragraph} END,
                setweight(to_tsvector('simple', t.c), 'C') || setweight(to_tsvector('simple', t.d), 'D')
           FROM ${rows('entries')} AS t(a text, type text, id text, c text, d text) JOIN art ON art.id = t.a
         RETURNING type, tsv),`;
};

/**
 * The statements' corpus-wide writes: the entities' rows and their search entries (from the
 * parameter `$param`, a JSON array of entity payloads), and the generation.
 */
const corpusCtes = (
  param: number,
) => `ent AS (INSERT INTO entities (id, kind, name, first_article_id, folded, names, record, mention_count, claim_count, about_count,
                              article_count, relation_count)
        SELECT r->'record'->>'id', r->'record'->>'kind', r->'record'->>'name', r->>'first', r->>'folded', r->>'names',
               r->'record', (r->>'mentions')::int, (r->>'claims')::int, (r->>'about')::int,
               (r->>'articles')::int, (r->>'relations')::int
          FROM jsonb_array_elements($${param}::jsonb) r
        ON CONFLICT (id) DO UPDATE SET folded = excluded.folded, names = excluded.names, record = excluded.record,
          mention_count = excluded.mention_count, claim_count = excluded.claim_count, about_count = excluded.about_count,
          article_count = excluded.article_count, relation_count = excluded.relation_count),
esrch AS (INSERT INTO search_entries (type, id, article_id, boost, tsv)
          SELECT 'entity', r->'record'->>'id', r->>'first', ${TYPE_BOOST.entity},
                 setweight(to_tsvector('simple', r->>'a'), 'A') || setweight(to_tsvector('simple', r->>'b'), 'B')
                 || setweight(to_tsvector('simple', r->>'c'), 'C')
            FROM jsonb_array_elements($${param}::jsonb) r WHERE (r->>'searchable')::boolean
          ON CONFLICT (type, id, article_id) DO UPDATE SET tsv = excluded.tsv),
gen AS (UPDATE store_meta SET generation = generation + 1 RETURNING generation)`;

/**
 * Writes the article, its version and all its rows in one statement; with `entities`, also the
 * corpus rows and search entries of its entities (a new article: they are merged in JavaScript).
 */
const WRITE_SQL = `WITH
art AS (INSERT INTO articles (id, current_version, summary) VALUES ($1, $2, $3)
        ON CONFLICT (id) DO UPDATE SET current_version = $2, summary = $3 RETURNING id, seq),
ver AS (INSERT INTO article_versions (article_id, version, content_sha256, text_sha256, imported_at, document)
        VALUES ($1, $2, $4, $5, now(), $6)),
${articleRowCtes(7)}
${corpusCtes(7 + ROW_TABLES.length + RECORD_TABLES.length)}
SELECT art.seq, gen.generation::text AS generation, pg_notify('${CHANGES_CHANNEL}', gen.generation::text),
  ${COUNTED_ROWS} FROM art, gen`;

/**
 * What writing a run of new articles must know, in one statement: which of the articles exist,
 * the records that hold the run's ids, the first kind of each of its entities, and their corpus rows.
 */
const RUN_PROBE_SQL = `SELECT
  (SELECT coalesce(json_agg(id), '[]') FROM articles WHERE id = ANY($1)) AS existing,
  (SELECT coalesce(json_agg(o), '[]') FROM (
     ${UNIQUE_COLLECTIONS.map(
       (collection, i) =>
         `SELECT '${collection}' AS collection, id, article_id FROM ${TABLE_OF[collection]} WHERE id = ANY($${i + 2})`,
     ).join(' UNION ALL ')}) o) AS owners,
  (SELECT coalesce(json_agg(k), '[]') FROM (
     SELECT e.id AS entity_id, r.kind, r.article_id FROM unnest($6::text[]) e(id)
       CROSS JOIN LATERAL (SELECT kind, article_id FROM entity_records
                            WHERE entity_id = e.id ORDER BY article_seq LIMIT 1) r) k) AS kinds,
  (SELECT coalesce(json_agg(x), '[]') FROM (
     SELECT id, record, first_article_id, mention_count, claim_count, about_count, article_count, relation_count
       FROM entities WHERE id = ANY($6)) x) AS entities`;

/** New articles to write in one statement, with what the database held before them. */
interface NewArticlesRun {
  documents: PreparedArticle[];
  owners: Map<string, string>;
  kinds: Map<string, { kind: EntityKind; articleId: string }>;
  entities: EntityRow[];
}

/**
 * The longest run at the head of `documents` of articles the store does not hold yet, each
 * article once (a second copy is a new version of the first, written alone).
 */
async function newArticlesRun(
  client: Client,
  articles: readonly PreparedArticle[],
): Promise<NewArticlesRun> {
  const documents = articles.map((a) => a.document);
  const probe = (
    await client.query<{
      existing: string[];
      owners: { collection: string; id: string; article_id: string }[];
      kinds: { entity_id: string; kind: EntityKind; article_id: string }[];
      entities: EntityRow[];
    }>(RUN_PROBE_SQL, [
      documents.map((d) => d.article.id),
      ...UNIQUE_COLLECTIONS.map((collection) =>
        documents.flatMap((d) => d[collection].map((r) => r.id)),
      ),
      [...new Set(documents.flatMap((d) => d.entities.map((e) => e.id)))],
    ])
  ).rows[0];
  const taken = new Set(probe?.existing);
  const run: PreparedArticle[] = [];
  for (const article of articles) {
    if (taken.has(article.document.article.id)) break;
    taken.add(article.document.article.id);
    run.push(article);
  }
  const owners = new Map<string, string>();
  for (const row of probe?.owners ?? [])
    owners.set(`${row.collection}\u0000${row.id}`, row.article_id);
  const kinds = new Map<string, { kind: EntityKind; articleId: string }>();
  for (const row of probe?.kinds ?? [])
    kinds.set(row.entity_id, { kind: row.kind, articleId: row.article_id });
  return { documents: run, owners, kinds, entities: probe?.entities ?? [] };
}

/**
 * Writes a run of new articles in one statement, as if imported one after the other: a document
 * that conflicts with the corpus or with an earlier one of the run is left out with its error.
 * Inside a savepoint: if the database refuses the statement, nothing of the run is written and
 * the result holds the error (the caller then writes the documents one by one).
 */
async function importNewArticles(
  client: Client,
  run: NewArticlesRun,
  counts: CountChanges,
): Promise<
  | { results: (StoredDocument | DocumentConflictError)[]; generation: string | null }
  | { refused: unknown }
> {
  const { owners, kinds } = run;
  const entities = entityStates(run.entities);
  const touched = new Set<string>();
  const results: (StoredDocument | DocumentConflictError)[] = [];
  const written: PreparedArticle[] = [];
  for (const article of run.documents) {
    const { document } = article;
    const articleId = document.article.id;
    const issues = findConflicts(document, {
      ownerOf: (collection, id) => owners.get(`${collection}\u0000${id}`),
      kindOf: (entityId) => kinds.get(entityId),
    });
    if (issues.length > 0) {
      results.push(new DocumentConflictError(articleId, issues));
      continue;
    }
    // Later documents of the run see this one's records, as they would after its import.
    for (const collection of UNIQUE_COLLECTIONS)
      for (const record of document[collection])
        owners.set(`${collection}\u0000${record.id}`, articleId);
    for (const entity of document.entities)
      if (!kinds.has(entity.id)) kinds.set(entity.id, { kind: entity.kind, articleId });
    for (const id of appendEntities(entities, document)) touched.add(id);
    written.push(article);
    results.push({ articleId, status: 'created', version: 1 });
  }
  if (written.length === 0) return { results, generation: null };
  await client.query('SAVEPOINT run');
  try {
    const articles = written.map((a, i) => `{"o":${i + 1},${a.articleJson.slice(1)}`);
    const tables = ROW_TABLES.map(
      (table) => `[${written.flatMap((a) => a.rows[table] || []).join(',')}]`,
    );
    const records = RECORD_TABLES.map((table) =>
      written.flatMap((a) => a.records[table] || []).join('\n'),
    );
    const statement = await client.query<CountedRows & { generation: string }>(
      writeRunSql(written.length),
      [
        `[${articles.join(',')}]`,
        ...tables,
        ...records,
        JSON.stringify(entityPayloads(entities, touched)),
        ...written.map((a) => a.json),
      ],
    );
    await client.query('RELEASE SAVEPOINT run');
    const [row] = statement.rows;
    if (row) counts.add(row, 1);
    return { results, generation: row ? String(row.generation) : null };
  } catch (error) {
    await client.query('ROLLBACK TO SAVEPOINT run');
    return { refused: error };
  }
}

/**
 * WRITE_SQL for `count` new articles at once: their articles, versions and rows, and the corpus
 * rows and search entries of the entities they touch, merged in JavaScript. Sequence numbers
 * follow the order of the run: $1 holds the articles, the rows and corpus entities follow, then
 * each document's text in a parameter of its own (as one array, quoting and parsing it cost more
 * than the rest of the statement).
 */
const writeRunSql = (count: number) => {
  const documents = 3 + ROW_TABLES.length + RECORD_TABLES.length;
  return `WITH
a AS (SELECT * FROM json_to_recordset($1::json)
        AS t(o int, id text, summary jsonb, "contentSha256" text, "textSha256" text)),
art AS (INSERT INTO articles (id, current_version, summary)
        SELECT id, 1, summary FROM a ORDER BY o RETURNING id, seq),
ver AS (INSERT INTO article_versions (article_id, version, content_sha256, text_sha256, imported_at, document)
        SELECT a.id, 1, a."contentSha256", a."textSha256", now(), t.document
          FROM a JOIN unnest(ARRAY[${Array.from({ length: count }, (_, i) => `$${documents + i}::text`).join(', ')}])
                      WITH ORDINALITY AS t(document, o) USING (o)),
${articleRowCtes(2)}
${corpusCtes(2 + ROW_TABLES.length + RECORD_TABLES.length)}
SELECT gen.generation::text AS generation, pg_notify('${CHANGES_CHANNEL}', gen.generation::text),
  ${COUNTED_ROWS} FROM gen`;
};

/** What a statement that wrote or deleted an article's rows returns about them (see COUNTED_ROWS). */
interface CountedRows {
  lexemes: [type: string, lexeme: string, entries: number][];
  entries: [type: string, entries: number][];
  facets: [kind: string, modality: string, claims: number][];
}

/** Counts by a pair of keys, added up in memory, then added to a table's rows in one upsert. */
class PairCounts {
  private readonly counts = new Map<string, number>();

  add(first: string, second: string, n: number): void {
    const key = `${first}\u0000${second}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + n);
  }

  /** Adds the counts to `table`: its primary key is the first two `columns`, the third holds the count. */
  async addTo(client: Client, table: string, [a, b, count]: [string, string, string]) {
    const changed = [...this.counts].filter(([, n]) => n !== 0);
    if (changed.length === 0) return;
    const keys = changed.map(([key]) => key.split('\u0000'));
    await client.query(
      `INSERT INTO ${table} (${a}, ${b}, ${count}) SELECT * FROM unnest($1::text[], $2::text[], $3::int[])
       ON CONFLICT (${a}, ${b}) DO UPDATE SET ${count} = ${table}.${count} + excluded.${count}`,
      [keys.map(([first]) => first), keys.map(([, second]) => second), changed.map(([, n]) => n)],
    );
  }
}

/**
 * The changes to the kept counts (`search_lexemes`, `search_totals` and `claim_facets`) that a
 * batch of imports makes, added up in memory and written once before it commits: updating the
 * same rows once per document of one transaction would leave a chain of row versions that every
 * later update walks.
 */
class CountChanges {
  private readonly lexemes = new PairCounts();
  private readonly entries = new Map<string, number>();
  private readonly facets = new PairCounts();

  add(counts: CountedRows, sign: 1 | -1): void {
    for (const [type, lexeme, n] of counts.lexemes) this.lexemes.add(type, lexeme, sign * n);
    for (const [type, n] of counts.entries)
      this.entries.set(type, (this.entries.get(type) ?? 0) + sign * n);
    for (const [kind, modality, n] of counts.facets) this.facets.add(kind, modality, sign * n);
  }

  async write(client: Client): Promise<void> {
    await this.lexemes.addTo(client, 'search_lexemes', ['type', 'lexeme', 'entries']);
    const types = [...this.entries].filter(([, n]) => n !== 0);
    if (types.length > 0)
      await client.query(
        `UPDATE search_totals n SET entries = n.entries + c.entries
           FROM unnest($1::text[], $2::int[]) c(type, entries) WHERE n.type = c.type`,
        [types.map(([type]) => type), types.map(([, n]) => n)],
      );
    await this.facets.addTo(client, 'claim_facets', ['kind', 'modality', 'claims']);
  }
}

/**
 * One document, in the caller's transaction and under its import lock: all its rows, or (on any
 * error) none once the caller rolls back.
 */
async function importInTransaction(
  client: Client,
  document: ArticleDocument,
  counts: Pick<CountChanges, 'add'>,
  { expectedVersion }: ImportOptions = {},
) {
  const articleId = document.article.id;
  const contentSha256 = contentDigest(document);
  const probe = (
    await client.query<{
      current: { seq: string; current_version: number; content_sha256: string } | null;
      owners: { collection: string; id: string; article_id: string }[];
      kinds: { entity_id: string; kind: EntityKind; article_id: string }[];
      entities: EntityRow[];
    }>(PROBE_SQL, [
      articleId,
      ...UNIQUE_COLLECTIONS.map((collection) => document[collection].map((r) => r.id)),
      document.entities.map((e) => e.id),
    ])
  ).rows[0];
  const current = probe?.current ?? null;
  // Under the import lock: no other server can store a version between this check and COMMIT.
  if (expectedVersion !== undefined && (current?.current_version ?? null) !== expectedVersion)
    throw new StaleVersionError(articleId, expectedVersion, current?.current_version ?? null);
  if (current?.content_sha256 === contentSha256)
    return {
      articleId,
      status: 'unchanged' as const,
      version: current.current_version,
      generation: null,
    };

  // Conflicts with other articles, checked under the import lock so no import can slip between.
  const owners = new Map<string, string>();
  for (const row of probe?.owners ?? [])
    owners.set(`${row.collection}\u0000${row.id}`, row.article_id);
  const kinds = new Map<string, { kind: EntityKind; articleId: string }>();
  for (const row of probe?.kinds ?? [])
    kinds.set(row.entity_id, { kind: row.kind, articleId: row.article_id });
  const issues = findConflicts(document, {
    ownerOf: (collection, id) => owners.get(`${collection}\u0000${id}`),
    kindOf: (entityId) => kinds.get(entityId),
  });
  if (issues.length > 0) throw new DocumentConflictError(articleId, issues);

  const version = (current?.current_version ?? 0) + 1;
  const summary = articleSummary(document);

  let previousEntities: string[] = [];
  if (current) {
    // A new version replaces every row of the article: drop the old ones first.
    const previous = await client.query<CountedRows & { entities: string[] }>(
      `WITH old AS MATERIALIZED (SELECT document::json AS d FROM article_versions
                                   WHERE article_id = $1 AND version = $3),
       gone AS (DELETE FROM entity_records WHERE article_id = $1 RETURNING entity_id),
       b AS (DELETE FROM blocks WHERE article_id = $1),
       m AS (DELETE FROM mentions WHERE id IN (SELECT x->>'id' FROM old, json_array_elements(d->'mentions') x)),
       c AS (DELETE FROM claims WHERE article_seq = $2 RETURNING kind, modality),
       l AS (DELETE FROM claim_links WHERE article_seq = $2),
       r AS (DELETE FROM relations WHERE article_seq = $2),
       s AS (DELETE FROM search_entries WHERE (type, id, article_id) IN (
               SELECT 'claim', x->>'id', $1 FROM old, json_array_elements(d->'claims') x
               UNION ALL SELECT 'paragraph', x->>'id', $1 FROM old, json_array_elements(d->'article'->'blocks') x
                 WHERE x->>'kind' = 'paragraph')
             RETURNING type, tsv)
       SELECT (SELECT coalesce(array_agg(entity_id), '{}') FROM gone) AS entities, ${COUNTED_ROWS}`,
      [articleId, current.seq, current.current_version],
    );
    const [gone] = previous.rows;
    previousEntities = gone?.entities ?? [];
    if (gone) counts.add(gone, -1);
  }

  // A new article comes last in corpus order, so its records merge onto the existing rows; a new
  // version of an article recomputes the rows of the entities it touches afterwards.
  const entities = entityStates(probe?.entities ?? []);
  const rows = documentRows(document);
  const { json: documentText, records } = documentJson(document);
  const corpusEntities = current
    ? []
    : entityPayloads(entities, appendEntities(entities, document));
  const written = await client.query<CountedRows & { seq: string; generation: string }>(WRITE_SQL, [
    articleId,
    version,
    summary,
    contentSha256,
    document.article.textSha256,
    documentText,
    ...ROW_TABLES.map((table) => JSON.stringify(rows[table])),
    ...RECORD_TABLES.map((table) => records[table]),
    JSON.stringify(corpusEntities),
  ]);
  const [row] = written.rows;
  if (row) counts.add(row, 1);
  if (current)
    await refreshEntities(client, [
      ...new Set([...previousEntities, ...document.entities.map((e) => e.id)]),
    ]);
  return {
    articleId,
    status: current ? ('updated' as const) : ('created' as const),
    version,
    generation: String(written.rows[0]?.generation),
  };
}

/** A new article's writes that depend on the document alone, built before its transaction. */
interface PreparedArticle {
  document: ArticleDocument;
  /** The document as imported, byte for byte: text the database stores without parsing it. */
  json: string;
  /** Its row of articles and versions, as JSON for the run's statement (`o` set there). */
  articleJson: string;
  /** Its own rows, per table: the elements of the table's JSON array ('' for none). */
  rows: Record<RowTable, string>;
  /** The records of its rows, per table of RECORD_TABLES: a line each ('' for none). */
  records: Record<RecordTable, string>;
}

/**
 * Prepares documents one by one, letting the event loop run between them: the batch written
 * meanwhile sends its next statement as soon as its last one is answered.
 */
async function prepareArticles(documents: readonly ArticleDocument[]): Promise<PreparedArticle[]> {
  const prepared: PreparedArticle[] = [];
  for (const document of documents) {
    prepared.push(prepareArticle(document));
    await yieldToEventLoop();
  }
  return prepared;
}

function prepareArticle(document: ArticleDocument): PreparedArticle {
  const { json, records } = documentJson(document);
  const rows = documentRows(document);
  return {
    document,
    json,
    articleJson: JSON.stringify({
      id: document.article.id,
      summary: articleSummary(document),
      contentSha256: contentDigestOfJson(json),
      textSha256: document.article.textSha256,
    }),
    rows: Object.fromEntries(
      ROW_TABLES.map((table) => [table, JSON.stringify(rows[table]).slice(1, -1)]),
    ) as Record<RowTable, string>,
    records,
  };
}

/**
 * `JSON.stringify(value)` of a plain object, with the JSON of some of its fields already made:
 * the same text, without serializing those fields again.
 */
function objectJson(value: object, made: ReadonlyMap<string, string>): string {
  let out = '';
  for (const [key, item] of Object.entries(value)) {
    const itemJson: string | undefined = made.get(key) ?? JSON.stringify(item);
    if (itemJson === undefined) continue; // undefined and functions are left out, as JSON.stringify does
    out += `${out === '' ? '{' : ','}${JSON.stringify(key)}:${itemJson}`;
  }
  return out === '' ? '{}' : `${out}}`;
}

/**
 * The document's JSON (exactly `JSON.stringify(document)`) and the records of its rows in
 * RECORD_TABLES, one JSON text a line, in the rows' order. Each record is serialized once, for
 * both: the records are most of the document.
 */
function documentJson(document: ArticleDocument): {
  json: string;
  records: Record<RecordTable, string>;
} {
  const own = {
    entities: document.entities.map((r) => JSON.stringify(r)),
    mentions: document.mentions.map((r) => JSON.stringify(r)),
    claims: document.claims.map((r) => JSON.stringify(r)),
    claimLinks: document.claimLinks.map((r) => JSON.stringify(r)),
    relations: document.relations.map((r) => JSON.stringify(r)),
  };
  const made = new Map(
    Object.entries(own).map(([key, records]) => [key, `[${records.join(',')}]`]),
  );
  return {
    json: objectJson(document, made),
    records: {
      entityRecords: own.entities.join('\n'),
      mentions: own.mentions.join('\n'),
      claims: own.claims.join('\n'),
      claimLinks: own.claimLinks.join('\n'),
      relations: own.relations.join('\n'),
    },
  };
}

/**
 * The rows a document writes for itself (all but the corpus-wide entity rows), per table, with
 * the columns articleRowCtes reads: `a` the article, `o` the place in the article (from 1), and
 * a block's record `r` (the others' records travel apart: see documentRecords).
 */
function documentRows(document: ArticleDocument): Record<RowTable, object[]> {
  const a = document.article.id;
  const speakerOf = new Map(document.claims.map((claim) => [claim.id, claim.speakerId]));
  return {
    blocks: document.article.blocks.map((r) => ({ a, r })),
    entityRecords: document.entities.map((r) => ({ a, id: r.id, kind: r.kind })),
    mentions: document.mentions.map((r, i) => ({
      a,
      o: i + 1,
      id: r.id,
      entity: r.entityId,
      start: r.anchor.position.start,
      block: r.anchor.blockId,
    })),
    claims: document.claims.map((r, i) => ({
      a,
      o: i + 1,
      id: r.id,
      first: firstOffset(r),
      speaker: r.speakerId,
      kind: r.kind,
      modality: r.modality,
      parent: r.parentId ?? null,
      continues: r.continuesId ?? null,
      about: r.aboutIds,
      folded: fold(`${claimText(r)}\n${r.statement}`),
      channel: r.channel.kind,
      outlet: r.channel.outletId ?? null,
      review: r.provenance.review?.status ?? null,
    })),
    // A link keeps the speakers of its two claims ('' for a claim the article lacks).
    claimLinks: document.claimLinks.map((r, i) => ({
      a,
      o: i + 1,
      id: r.id,
      kind: r.kind,
      from: r.fromId,
      to: r.toId,
      from_speaker: speakerOf.get(r.fromId) ?? '',
      to_speaker: speakerOf.get(r.toId) ?? '',
    })),
    relations: document.relations.map((r, i) => ({
      a,
      o: i + 1,
      id: r.id,
      subject: r.subjectId,
      object: r.objectId,
      predicate: r.predicate,
      review: r.provenance.review?.status ?? null,
    })),
    entries: [
      ...document.claims.map((claim) => ({
        a,
        type: 'claim',
        id: claim.id,
        c: searchText(claimText(claim)),
        d: searchText(claim.statement),
      })),
      ...document.article.blocks
        .filter((b) => b.kind === 'paragraph')
        .map((block) => ({ a, type: 'paragraph', id: block.id, c: searchText(block.text), d: '' })),
    ],
  };
}

/** A row of `entities` as an import reads it. */
interface EntityRow {
  id: string;
  record: Entity;
  first_article_id: string;
  mention_count: number;
  claim_count: number;
  about_count: number;
  article_count: number;
  relation_count: number;
}

/** A corpus-wide entity as imports of new articles change it, before it is written. */
interface EntityState {
  record: Entity;
  first: string;
  mentions: number;
  claims: number;
  about: number;
  /** Articles that name it, and relations with it on either side (kept for entity reads). */
  articles: number;
  relations: number;
  searchable: boolean;
}

function entityStates(rows: readonly EntityRow[]): Map<string, EntityState> {
  return new Map(
    rows.map((row) => {
      const { articleIds: _stale, ...record } = row.record as CorpusEntity;
      return [
        row.id,
        {
          record,
          first: row.first_article_id,
          mentions: row.mention_count,
          claims: row.claim_count,
          about: row.about_count,
          articles: row.article_count,
          relations: row.relation_count,
          searchable: false,
        },
      ];
    }),
  );
}

/**
 * Merges a newly created article's entities onto `states` (it is the last in corpus order): new
 * aliases are appended and its own mentions and claims are added to the counts. The cost depends
 * on this document, not on the size of the corpus (the list of an entity's articles is not kept
 * on the row: it is read from entity_records). Returns the ids of its entities.
 */
function appendEntities(states: Map<string, EntityState>, document: ArticleDocument): string[] {
  const articleId = document.article.id;
  const count = entityRecordCounts(document);
  const relations = relationCounts(document);
  for (const entity of document.entities) {
    const own = {
      ...(count.get(entity.id) ?? { mentions: 0, claims: 0, about: 0 }),
      articles: 1,
      relations: relations.get(entity.id) ?? 0,
    };
    const existing = states.get(entity.id);
    if (!existing) {
      states.set(entity.id, { record: entity, first: articleId, ...own, searchable: true });
      continue;
    }
    const added = newAliases(existing.record, entity);
    if (added.length > 0) {
      existing.record = { ...existing.record, aliases: [...existing.record.aliases, ...added] };
      existing.searchable = true;
    }
    existing.mentions += own.mentions;
    existing.claims += own.claims;
    existing.about += own.about;
    existing.articles += own.articles;
    existing.relations += own.relations;
  }
  return document.entities.map((e) => e.id);
}

/** How many of the document's relations each entity is on a side of (once, if on both). */
function relationCounts(document: ArticleDocument): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of document.relations)
    for (const id of r.subjectId === r.objectId ? [r.subjectId] : [r.subjectId, r.objectId])
      counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

function entityPayloads(states: Map<string, EntityState>, ids: Iterable<string>): EntityPayload[] {
  return [...ids].flatMap((id) => {
    const state = states.get(id);
    if (!state) return [];
    const { record, first, mentions, claims, about, articles, relations, searchable } = state;
    return [
      { ...entityPayload(record, first), mentions, claims, about, articles, relations, searchable },
    ];
  });
}

/** Recomputes the corpus-wide row, counts and search entry of each entity id from its article records. */
async function refreshEntities(client: Client, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const { rows } = await client.query(
    'SELECT entity_id, article_id, record FROM entity_records WHERE entity_id = ANY($1) ORDER BY entity_id, article_seq',
    [ids],
  );
  const byEntity = new Map<string, { article_id: string; record: Entity }[]>();
  for (const row of rows) {
    const list = byEntity.get(row.entity_id) ?? [];
    list.push({ article_id: row.article_id, record: recordOf<Entity>(row) });
    byEntity.set(row.entity_id, list);
  }
  const merged = ids.flatMap((id) => mergeEntity(byEntity.get(id) ?? []) ?? []);
  await client.query('DELETE FROM entities WHERE id = ANY($1)', [ids]);
  await client.query("DELETE FROM search_entries WHERE type = 'entity' AND id = ANY($1)", [ids]);
  if (merged.length === 0) return;
  const payload = merged.map(({ articleIds, ...record }) =>
    entityPayload(record, articleIds[0] as string),
  );
  await client.query(
    `WITH p AS (SELECT r FROM jsonb_array_elements($1::jsonb) r),
     e AS (INSERT INTO entities (id, kind, name, first_article_id, folded, names, record, mention_count, claim_count, about_count,
                                 article_count, relation_count)
       SELECT r->'record'->>'id', r->'record'->>'kind', r->'record'->>'name', r->>'first', r->>'folded', r->>'names', r->'record',
              (SELECT count(*) FROM mentions m WHERE m.entity_id = r->'record'->>'id'),
              (SELECT count(*) FROM claims c WHERE c.speaker_id = r->'record'->>'id'),
              (SELECT count(*) FROM claims c WHERE c.about_ids @> ARRAY[r->'record'->>'id']),
              (SELECT count(*) FROM entity_records x WHERE x.entity_id = r->'record'->>'id'),
              (SELECT count(*) FROM relations x WHERE x.subject_id = r->'record'->>'id' OR x.object_id = r->'record'->>'id')
         FROM p)
     INSERT INTO search_entries (type, id, article_id, boost, tsv)
     SELECT 'entity', r->'record'->>'id', r->>'first', ${TYPE_BOOST.entity},
            setweight(to_tsvector('simple', r->>'a'), 'A') || setweight(to_tsvector('simple', r->>'b'), 'B')
            || setweight(to_tsvector('simple', r->>'c'), 'C')
       FROM p`,
    [JSON.stringify(payload)],
  );
}
