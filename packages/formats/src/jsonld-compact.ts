import { offlineDocumentLoader, WEB_ANNOTATION_CONTEXT } from './claimscope-context.js';
import {
  type ImportFormat,
  readFormatCandidates as readCandidatesWithoutProcessor,
} from './format-candidates.js';
import {
  type JsonLdCompactor,
  readWebAnnotations as readWithoutProcessor,
  type WebAnnotationReadOptions,
} from './web-annotation-reader.js';

/** Compacts any JSON-LD into claimscope's context with the `jsonld` package, offline. */
export const compactWithJsonLd: JsonLdCompactor = async (input) => {
  // Loaded on first use: the processor is large and claimscope's own files never need it.
  const { default: jsonld } = await import('jsonld');
  return (await jsonld.compact(input as never, { '@context': WEB_ANNOTATION_CONTEXT } as never, {
    documentLoader: offlineDocumentLoader as never,
  })) as Record<string, unknown>;
};

/**
 * Reads W3C Web Annotations of `text` into a document (see `web-annotation-reader.ts`);
 * annotations in any JSON-LD context are compacted into claimscope's first, offline.
 */
export function readWebAnnotations(
  input: unknown,
  text: string,
  options: WebAnnotationReadOptions = {},
) {
  return readWithoutProcessor(input, text, { compact: compactWithJsonLd, ...options });
}

/** `readFormatCandidates` with W3C annotations in any JSON-LD context compacted first. */
export function readFormatCandidates(
  paths: readonly string[],
  format: ImportFormat,
  options: Pick<WebAnnotationReadOptions, 'compact' | 'language'> = {},
) {
  return readCandidatesWithoutProcessor(paths, format, { compact: compactWithJsonLd, ...options });
}
