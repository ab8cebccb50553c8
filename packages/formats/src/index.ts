export { ANNO_CONTEXT, ANNO_CONTEXT_URL } from './anno-context.js';
export { type BratPair, findBratPairs, readBratDirectory, readBratPair } from './brat-directory.js';
export { articleIdOfFileName, BRAT_FORMAT, type BratReadOptions, readBrat } from './brat-reader.js';
export { type BratFiles, writeBrat } from './brat-writer.js';
export {
  CLAIMSCOPE_CONTEXT,
  CLAIMSCOPE_NS,
  offlineDocumentLoader,
  WEB_ANNOTATION_CONTEXT,
} from './claimscope-context.js';
export {
  CSV_COLUMNS,
  CSV_TABLES,
  type CsvOptions,
  type CsvTable,
  csvField,
  csvHeader,
  csvRecord,
  csvRows,
  parseCsv,
  writeCsv,
} from './csv.js';
export {
  EXPORT_FORMAT_NAMES,
  type ExportFileInfo,
  type ExportFormatName,
  type ExportOptions,
  exportCorpus,
  exportDocument,
  exportFileInfo,
} from './export-files.js';
export { type FormatCandidate, type ImportFormat, textPathOf } from './format-candidates.js';
export type { FormatImport, FormatName, Unrepresented } from './import-result.js';
export { jsonLine, readJsonLines, writeJsonLines } from './json-lines.js';
export { compactWithJsonLd, readFormatCandidates, readWebAnnotations } from './jsonld-compact.js';
export { writeSchemaOrg } from './schema-org.js';
export { type TarEntry, tarEnd, tarEntry, writeTar } from './tar.js';
export {
  type JsonLdCompactor,
  W3C_FORMAT,
  type WebAnnotationReadOptions,
} from './web-annotation-reader.js';
export { iri, writeWebAnnotations } from './web-annotation-writer.js';
