import type { Anchor, ArticleDocument } from '@claimscope/schema';
import { paragraphNumbers } from '@claimscope/schema/display';

import type { CsvTable } from './format-names.js';

export { CSV_TABLES, type CsvTable } from './format-names.js';

export interface CsvOptions {
  /** The web site that claim permalinks point at (default `http://127.0.0.1:3000`). */
  siteUrl?: string;
  /**
   * Only these claims, in this order (ids not in the document are skipped): a filtered list
   * exported exactly as it is shown. Applies to the claims table.
   */
  claimIds?: readonly string[];
}

type Cell = string | number | boolean | null;

/** One RFC 4180 field: quoted when it holds a comma, a quotation mark or a line break. */
export function csvField(value: Cell): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One RFC 4180 record, ended by CRLF. */
export function csvRecord(cells: readonly Cell[]): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}

export const CSV_COLUMNS = {
  claims: [
    'article_id',
    'paragraph',
    'claim_id',
    'speaker_id',
    'speaker',
    'speaker_kind',
    'channel',
    'outlet_id',
    'outlet',
    'cue',
    'kind',
    'modality',
    'polarity',
    'quoted_words',
    'statement',
    'permalink',
  ],
  entities: ['article_id', 'entity_id', 'kind', 'name', 'aliases', 'description', 'mentions'],
  mentions: [
    'article_id',
    'mention_id',
    'entity_id',
    'entity',
    'form',
    'paragraph',
    'start',
    'end',
    'text',
  ],
  relations: [
    'article_id',
    'relation_id',
    'subject_id',
    'subject',
    'predicate',
    'object_id',
    'object',
    'role',
    'certainty',
    'past',
    'time',
    'asserted_by',
    'evidence',
  ],
} as const satisfies Record<CsvTable, readonly string[]>;

/** The header record of a table. */
export function csvHeader(table: CsvTable): string {
  return csvRecord(CSV_COLUMNS[table]);
}

/** Several spans' words as one cell: "… " between them, as a reader sees an elision. */
const joinSpans = (anchors: readonly Anchor[]) => anchors.map((a) => a.quote.exact).join(' … ');

/**
 * The records of one table for one document, without the header (so a corpus can be written
 * as one table, header first). Paragraph numbers count as a reader counts them: body
 * paragraphs only, from 1; empty for a headline, credit or promo.
 */
export function csvRows(doc: ArticleDocument, table: CsvTable, options: CsvOptions = {}): string {
  const siteUrl = (options.siteUrl ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
  const articleId = doc.article.id;
  const paragraphs = paragraphNumbers(doc.article.blocks);
  const paragraphOf = (anchor: Anchor | undefined) =>
    anchor ? (paragraphs.get(anchor.blockId) ?? null) : null;
  const entities = new Map(doc.entities.map((e) => [e.id, e]));
  const name = (id: string | null) => (id ? (entities.get(id)?.name ?? null) : null);
  let out = '';
  const claimsById = new Map(doc.claims.map((c) => [c.id, c]));
  const claims = options.claimIds
    ? options.claimIds.flatMap((id) => claimsById.get(id) ?? [])
    : doc.claims;
  if (table === 'claims')
    for (const c of claims)
      out += csvRecord([
        articleId,
        paragraphOf(c.content[0]),
        c.id,
        c.speakerId,
        name(c.speakerId),
        entities.get(c.speakerId)?.kind ?? null,
        c.channel.kind,
        c.channel.outletId,
        name(c.channel.outletId),
        c.cue?.quote.exact ?? c.channel.cue,
        c.kind,
        c.modality,
        c.polarity,
        joinSpans(c.content),
        c.statement,
        `${siteUrl}/claims/${encodeURIComponent(c.id)}`,
      ]);
  else if (table === 'entities') {
    const counts = new Map<string, number>();
    for (const m of doc.mentions) counts.set(m.entityId, (counts.get(m.entityId) ?? 0) + 1);
    for (const e of doc.entities)
      out += csvRecord([
        articleId,
        e.id,
        e.kind,
        e.name,
        e.aliases.map((a) => a.name).join('; '),
        e.description,
        counts.get(e.id) ?? 0,
      ]);
  } else if (table === 'mentions')
    for (const m of doc.mentions)
      out += csvRecord([
        articleId,
        m.id,
        m.entityId,
        name(m.entityId),
        m.form,
        paragraphOf(m.anchor),
        m.anchor.position.start,
        m.anchor.position.end,
        m.anchor.quote.exact,
      ]);
  else
    for (const r of doc.relations)
      out += csvRecord([
        articleId,
        r.id,
        r.subjectId,
        name(r.subjectId),
        r.predicate,
        r.objectId,
        name(r.objectId),
        r.role,
        r.certainty,
        r.past,
        r.time?.text ?? null,
        r.assertedBy.kind === 'author' ? 'author' : r.assertedBy.claimId,
        joinSpans(r.evidence),
      ]);
  return out;
}

/** One table of one document as a CSV file: UTF-8 text, CRLF line ends, a header row. */
export function writeCsv(doc: ArticleDocument, table: CsvTable, options: CsvOptions = {}): string {
  return csvHeader(table) + csvRows(doc, table, options);
}

/**
 * Reads RFC 4180 CSV as this package writes it (CRLF record ends, quoted fields that may hold
 * commas, quotes and line breaks): the records, header first. For checking an export.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += c;
  }
  return records;
}
