import type { ArticleDocument } from '@claimscope/schema';
import { writeBrat } from './brat-writer.js';
import { type CsvTable, csvHeader, csvRows } from './csv.js';
import type { ExportFormatName } from './format-names.js';
import { jsonLine } from './json-lines.js';
import { writeSchemaOrg } from './schema-org.js';
import { tarEnd, tarEntry, writeTar } from './tar.js';
import { writeWebAnnotations } from './web-annotation-writer.js';

export { EXPORT_FORMAT_NAMES, type ExportFormatName } from './format-names.js';

export interface ExportOptions {
  /** For `csv`: which table (claims by default). */
  table?: CsvTable;
  /** For `csv`: the web site claim permalinks point at. */
  siteUrl?: string;
}

/** What a download is called and how it is labelled. */
export interface ExportFileInfo {
  contentType: string;
  fileName: string;
}

const W3C_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';

/** The media type and file name of a download of `name` (an article id, or the corpus). */
export function exportFileInfo(
  format: ExportFormatName,
  name: string,
  options: ExportOptions = {},
): ExportFileInfo {
  switch (format) {
    case 'w3c':
      return { contentType: W3C_TYPE, fileName: `${name}.annotations.jsonld` };
    case 'schemaorg':
      return { contentType: 'application/ld+json', fileName: `${name}.schemaorg.jsonld` };
    case 'brat':
      return { contentType: 'application/x-tar', fileName: `${name}.brat.tar` };
    case 'csv':
      return {
        contentType: 'text/csv; charset=utf-8; header=present',
        fileName: `${name}.${options.table ?? 'claims'}.csv`,
      };
    case 'jsonl':
      return { contentType: 'application/x-ndjson; charset=utf-8', fileName: `${name}.jsonl` };
    case 'json':
      return { contentType: 'application/json; charset=utf-8', fileName: `${name}.json` };
  }
}

const pretty = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** One article as a file of `format`: text, or bytes for a brat tar (`<id>.txt` and `<id>.ann`). */
export function exportDocument(
  doc: ArticleDocument,
  format: ExportFormatName,
  options: ExportOptions = {},
): string | Uint8Array {
  switch (format) {
    case 'w3c':
      return pretty(writeWebAnnotations(doc));
    case 'schemaorg':
      return pretty(writeSchemaOrg(doc));
    case 'brat': {
      const { txt, ann } = writeBrat(doc);
      return writeTar([
        { name: `${doc.article.id}.txt`, content: txt },
        { name: `${doc.article.id}.ann`, content: ann },
      ]);
    }
    case 'csv':
      return (
        csvHeader(options.table ?? 'claims') + csvRows(doc, options.table ?? 'claims', options)
      );
    case 'jsonl':
      return jsonLine(doc);
    case 'json':
      return pretty(doc);
  }
}

/**
 * A whole corpus as one file of `format`, in pieces as the documents arrive, holding one
 * document at a time: JSON Lines, one CSV table with one header, one tar of every article's
 * brat pair, or a JSON array (W3C collections, schema.org articles, documents).
 */
export async function* exportCorpus(
  documents: AsyncIterable<ArticleDocument> | Iterable<ArticleDocument>,
  format: ExportFormatName,
  options: ExportOptions = {},
): AsyncGenerator<string | Uint8Array> {
  const table = options.table ?? 'claims';
  if (format === 'csv') yield csvHeader(table);
  let first = true;
  for await (const doc of documents) {
    if (format === 'csv') yield csvRows(doc, table, options);
    else if (format === 'jsonl') yield jsonLine(doc);
    else if (format === 'brat') {
      const { txt, ann } = writeBrat(doc);
      yield* tarEntry({ name: `${doc.article.id}.txt`, content: txt });
      yield* tarEntry({ name: `${doc.article.id}.ann`, content: ann });
    } else {
      const value =
        format === 'w3c'
          ? writeWebAnnotations(doc)
          : format === 'schemaorg'
            ? writeSchemaOrg(doc)
            : doc;
      yield `${first ? '[\n' : ',\n'}${JSON.stringify(value)}`;
    }
    first = false;
  }
  if (format === 'brat') yield tarEnd();
  if (format === 'w3c' || format === 'schemaorg' || format === 'json')
    yield first ? '[]\n' : '\n]\n';
}
