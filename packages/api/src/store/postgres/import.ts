import type { ArticleDocument, Claim, Entity, EntityKind } from '@claimscope/schema';
import type pg from 'pg';
import type { CorpusEntity } from '../../contracts/shared.js';
import { claimText, countsOf, mergeEntity } from '../../views/records.js';
import { fold, searchText } from '../../views/terms.js';
import type { ImportOptions, SearchableType, StoredDocument } from '../claim-store.js';
import {
  DocumentConflictError,
  DocumentStoreError,
  findConflicts,
  StaleVersionError,
  UNIQUE_COLLECTIONS,
} from '../conflicts.js';
import { contentDigest } from '../stored-version.js';
import { SEARCH_BUCKET_ARTICLES } from './migrations.js';
import type { Client } from './rows.js';

/*
 * Writing documents: a batch of imports in one transaction under the import lock, each document's
 * rows written in one statement, and the kept counts and corpus-wide entity rows updated with them.
 */

/** Imports bump the store's generation and NOTIFY it here, for every server on the database. */
export const CHANGES_CHANNEL = 'claimscope_changes';
const IMPORT_LOCK = 7301002;
const TYPE_BOOST: Record<SearchableType, number> = { entity: 1.5, claim: 1, paragraph: 0.7 };

const firstOffset = (claim: Claim) => Math.min(...claim.content.map((a) => a.position.start));

/**
 * Imports documents in one transaction under the import lock, each inside its own savepoint:
 * a rejected document is rolled back alone, and a crash leaves the batch out whole. One
 * transaction saves each document its own BEGIN, lock and COMMIT round trips.
 */
export async function importBatch(
  pool: pg.Pool,
  documents: readonly ArticleDocument[],
  onGeneration: (generation: string) => void,
  options?: ImportOptions,
): Promise<(StoredDocument | DocumentConflictError)[]> {
  if (documents.length === 0) return [];
  const client = await pool.connect();
  const results: (StoredDocument | DocumentConflictError)[] = [];
  let changed: string | null = null;
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [IMPORT_LOCK]);
    // A conflict is found before anything of the document is written or counted.
    const counts = new CountChanges();
    for (const document of documents) {
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
        if (generation) changed = generation;
        results.push(stored);
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
      }
    }
    await counts.write(client);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  if (changed) onGeneration(changed);
  return results;
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
     SELECT id, record, first_article_id, mention_count, claim_count, about_count
       FROM entities WHERE id = ANY($6)) x) AS entities`;

/**
 * What a statement that writes or deletes an article's rows reports for the kept counts: the
 * entries that `s` (claim and paragraph search entries) holds, per type and per lexeme, and the
 * claims that `c` holds, per kind and modality.
 */
const COUNTED_ROWS = `(SELECT coalesce(json_agg(json_build_array(type, lexeme, n)), '[]')
    FROM (SELECT s.type, w.lexeme, count(*) AS n FROM s, unnest(s.tsv) w GROUP BY 1, 2) x) AS lexemes,
  (SELECT coalesce(json_agg(json_build_array(type, n)), '[]')
    FROM (SELECT type, count(*) AS n FROM s GROUP BY type) x) AS entries,
  (SELECT coalesce(json_agg(json_build_array(kind, modality, n)), '[]')
    FROM (SELECT kind, modality, count(*) AS n FROM c GROUP BY 1, 2) x) AS facets`;

/**
 * Writes the article, its version and all its rows in one statement; with `entities`, also the
 * corpus rows and search entries of its entities (a new article: they are merged in JavaScript).
 */
const WRITE_SQL = `WITH
art AS (INSERT INTO articles (id, current_version, summary) VALUES ($1, $2, $3)
        ON CONFLICT (id) DO UPDATE SET current_version = $2, summary = $3 RETURNING seq),
ver AS (INSERT INTO article_versions (article_id, version, content_sha256, text_sha256, imported_at, document)
        VALUES ($1, $2, $4, $5, now(), $6)),
doc AS (SELECT $7::jsonb AS d),
blk AS (INSERT INTO blocks (article_id, id, record)
        SELECT $1, r->>'id', r FROM doc, jsonb_array_elements(d->'blocks') r),
rec AS (INSERT INTO entity_records (entity_id, article_id, article_seq, kind, record)
        SELECT r->>'id', $1, art.seq, r->>'kind', r FROM art, doc, jsonb_array_elements(d->'entities') r),
men AS (INSERT INTO mentions (id, article_id, article_seq, ord, entity_id, start, block_id, record)
        SELECT r->>'id', $1, art.seq, o, r->>'entityId', (r->'anchor'->'position'->>'start')::int, r->'anchor'->>'blockId', r
          FROM art, doc, jsonb_array_elements(d->'mentions') WITH ORDINALITY AS t(r, o)),
c AS (INSERT INTO claims (id, article_id, article_seq, ord, first_offset, speaker_id, kind, modality,
                            parent_id, continues_id, about_ids, folded, record)
        SELECT r->'record'->>'id', $1, art.seq, o, (r->>'firstOffset')::int, r->'record'->>'speakerId',
               r->'record'->>'kind', r->'record'->>'modality', r->'record'->>'parentId', r->'record'->>'continuesId',
               ARRAY(SELECT jsonb_array_elements_text(r->'record'->'aboutIds')), r->>'folded', r->'record'
          FROM art, doc, jsonb_array_elements(d->'claims') WITH ORDINALITY AS t(r, o)
        RETURNING kind, modality),
lnk AS (INSERT INTO claim_links (id, article_id, article_seq, ord, kind, from_id, to_id, record)
        SELECT r->>'id', $1, art.seq, o, r->>'kind', r->>'fromId', r->>'toId', r
          FROM art, doc, jsonb_array_elements(d->'claimLinks') WITH ORDINALITY AS t(r, o)),
rel AS (INSERT INTO relations (id, article_id, article_seq, ord, subject_id, object_id, predicate, record)
        SELECT r->>'id', $1, art.seq, o, r->>'subjectId', r->>'objectId', r->>'predicate', r
          FROM art, doc, jsonb_array_elements(d->'relations') WITH ORDINALITY AS t(r, o)),
ent AS (INSERT INTO entities (id, kind, name, first_article_id, folded, names, record, mention_count, claim_count, about_count)
        SELECT r->'record'->>'id', r->'record'->>'kind', r->'record'->>'name', r->>'first', r->>'folded', r->>'names',
               r->'record', (r->>'mentions')::int, (r->>'claims')::int, (r->>'about')::int
          FROM doc, jsonb_array_elements(d->'corpusEntities') r
        ON CONFLICT (id) DO UPDATE SET folded = excluded.folded, names = excluded.names, record = excluded.record,
          mention_count = excluded.mention_count, claim_count = excluded.claim_count, about_count = excluded.about_count),
s AS (INSERT INTO search_entries (type, id, article_id, bucket, boost, tsv)
         SELECT r->>'type', r->>'id', $1, art.seq / ${SEARCH_BUCKET_ARTICLES},
                CASE r->>'type' WHEN 'claim' THEN ${TYPE_BOOST.claim} ELSE ${TYPE_BOOST.paragraph} END,
                setweight(to_tsvector('simple', r->>'c'), 'C') || setweight(to_tsvector('simple', r->>'d'), 'D')
           FROM art, doc, jsonb_array_elements(d->'entries') r
         RETURNING type, tsv),
esrch AS (INSERT INTO search_entries (type, id, article_id, boost, tsv)
          SELECT 'entity', r->'record'->>'id', r->>'first', ${TYPE_BOOST.entity},
                 setweight(to_tsvector('simple', r->>'a'), 'A') || setweight(to_tsvector('simple', r->>'b'), 'B')
                 || setweight(to_tsvector('simple', r->>'c'), 'C')
            FROM doc, jsonb_array_elements(d->'corpusEntities') r WHERE (r->>'searchable')::boolean
          ON CONFLICT (type, id, article_id) DO UPDATE SET tsv = excluded.tsv),
gen AS (UPDATE store_meta SET generation = generation + 1 RETURNING generation)
SELECT art.seq, gen.generation::text AS generation, pg_notify('${CHANGES_CHANNEL}', gen.generation::text),
  ${COUNTED_ROWS} FROM art, gen`;

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
      entities: {
        id: string;
        record: Entity;
        first_article_id: string;
        mention_count: number;
        claim_count: number;
        about_count: number;
      }[];
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
  const {
    text: _text,
    blocks: _blocks,
    provenance: _provenance,
    textSha256: _sha,
    ...rest
  } = document.article;
  const summary = { ...rest, counts: countsOf(document) };

  let previousEntities: string[] = [];
  if (current) {
    // A new version replaces every row of the article: drop the old ones first.
    const previous = await client.query<CountedRows & { entities: string[] }>(
      `WITH gone AS (DELETE FROM entity_records WHERE article_id = $1 RETURNING entity_id),
       b AS (DELETE FROM blocks WHERE article_id = $1), m AS (DELETE FROM mentions WHERE article_id = $1),
       c AS (DELETE FROM claims WHERE article_id = $1 RETURNING kind, modality),
       l AS (DELETE FROM claim_links WHERE article_id = $1),
       r AS (DELETE FROM relations WHERE article_id = $1),
       s AS (DELETE FROM search_entries WHERE article_id = $1 AND type <> 'entity' RETURNING type, tsv)
       SELECT (SELECT coalesce(array_agg(entity_id), '{}') FROM gone) AS entities, ${COUNTED_ROWS}`,
      [articleId],
    );
    const [gone] = previous.rows;
    previousEntities = gone?.entities ?? [];
    if (gone) counts.add(gone, -1);
  }

  const rows = {
    blocks: document.article.blocks,
    entities: document.entities,
    mentions: document.mentions,
    claims: document.claims.map((claim) => ({
      record: claim,
      firstOffset: firstOffset(claim),
      folded: fold(`${claimText(claim)}\n${claim.statement}`),
    })),
    claimLinks: document.claimLinks,
    relations: document.relations,
    entries: [
      ...document.claims.map((claim) => ({
        type: 'claim',
        id: claim.id,
        c: searchText(claimText(claim)),
        d: searchText(claim.statement),
      })),
      ...document.article.blocks
        .filter((b) => b.kind === 'paragraph')
        .map((block) => ({ type: 'paragraph', id: block.id, c: searchText(block.text), d: '' })),
    ],
    // A new article comes last in corpus order, so its records merge onto the existing rows; a
    // new version of an article recomputes the rows of the entities it touches afterwards.
    corpusEntities: current ? [] : appendedEntities(document, probe?.entities ?? []),
  };
  const written = await client.query<CountedRows & { seq: string; generation: string }>(WRITE_SQL, [
    articleId,
    version,
    summary,
    contentSha256,
    document.article.textSha256,
    JSON.stringify(document),
    JSON.stringify(rows),
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

/**
 * The corpus rows of a newly created article's entities (it is the last in corpus order): new
 * aliases are appended and its own mentions and claims are added to the counts. The cost depends
 * on this document, not on the size of the corpus (the list of an entity's articles is not kept
 * on the row: it is read from entity_records).
 */
function appendedEntities(
  document: ArticleDocument,
  existingRows: {
    id: string;
    record: Entity;
    first_article_id: string;
    mention_count: number;
    claim_count: number;
    about_count: number;
  }[],
): EntityPayload[] {
  const articleId = document.article.id;
  const known = new Map(existingRows.map((r) => [r.id, r]));
  const count = new Map<string, { mentions: number; claims: number; about: number }>(
    document.entities.map((e) => [e.id, { mentions: 0, claims: 0, about: 0 }]),
  );
  for (const m of document.mentions) {
    const c = count.get(m.entityId);
    if (c) c.mentions += 1;
  }
  for (const claim of document.claims) {
    const c = count.get(claim.speakerId);
    if (c) c.claims += 1;
    for (const id of new Set(claim.aboutIds)) {
      const a = count.get(id);
      if (a) a.about += 1;
    }
  }
  return document.entities.map((entity) => {
    const existing = known.get(entity.id);
    const own = count.get(entity.id) ?? { mentions: 0, claims: 0, about: 0 };
    let record: Entity = entity;
    let searchable = true;
    if (existing) {
      const { articleIds: _stale, ...kept } = existing.record as CorpusEntity;
      const names = new Set([kept.name, ...kept.aliases.map((a) => a.name)]);
      const added = entity.aliases.filter((a) => !names.has(a.name));
      record = added.length ? { ...kept, aliases: [...kept.aliases, ...added] } : kept;
      searchable = added.length > 0;
    }
    return {
      ...entityPayload(record, existing?.first_article_id ?? articleId),
      mentions: (existing?.mention_count ?? 0) + own.mentions,
      claims: (existing?.claim_count ?? 0) + own.claims,
      about: (existing?.about_count ?? 0) + own.about,
      searchable,
    };
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
    list.push({ article_id: row.article_id, record: row.record });
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
     e AS (INSERT INTO entities (id, kind, name, first_article_id, folded, names, record, mention_count, claim_count, about_count)
       SELECT r->'record'->>'id', r->'record'->>'kind', r->'record'->>'name', r->>'first', r->>'folded', r->>'names', r->'record',
              (SELECT count(*) FROM mentions m WHERE m.entity_id = r->'record'->>'id'),
              (SELECT count(*) FROM claims c WHERE c.speaker_id = r->'record'->>'id'),
              (SELECT count(*) FROM claims c WHERE c.about_ids @> ARRAY[r->'record'->>'id'])
         FROM p)
     INSERT INTO search_entries (type, id, article_id, boost, tsv)
     SELECT 'entity', r->'record'->>'id', r->>'first', ${TYPE_BOOST.entity},
            setweight(to_tsvector('simple', r->>'a'), 'A') || setweight(to_tsvector('simple', r->>'b'), 'B')
            || setweight(to_tsvector('simple', r->>'c'), 'C')
       FROM p`,
    [JSON.stringify(payload)],
  );
}
