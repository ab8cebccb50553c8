// The names of the formats and CSV tables, without the writers: for packages that only need to
// validate a request (`@claimscope/formats/names`) and should not load the JSON-LD processor.

/** The download formats: the field's formats, and claimscope's own document as JSON. */
export const EXPORT_FORMAT_NAMES = ['w3c', 'schemaorg', 'brat', 'csv', 'jsonl', 'json'] as const;
export type ExportFormatName = (typeof EXPORT_FORMAT_NAMES)[number];

/** The CSV tables of a document: one row per claim, entity, mention or relation. */
export const CSV_TABLES = ['claims', 'entities', 'mentions', 'relations'] as const;
export type CsvTable = (typeof CSV_TABLES)[number];
