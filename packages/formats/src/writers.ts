// The writers alone (`@claimscope/formats/writers`): what an exporter needs, without the readers
// and the JSON-LD processor they may load.
export { type BratFiles, writeBrat } from './brat-writer.js';
export { csvHeader, csvRows, writeCsv } from './csv.js';
export {
  EXPORT_FORMAT_NAMES,
  type ExportFileInfo,
  type ExportFormatName,
  type ExportOptions,
  exportCorpus,
  exportDocument,
  exportFileInfo,
} from './export-files.js';
export { CSV_TABLES, type CsvTable } from './format-names.js';
export { jsonLine, writeJsonLines } from './json-lines.js';
export { writeSchemaOrg } from './schema-org.js';
export { writeWebAnnotations } from './web-annotation-writer.js';
