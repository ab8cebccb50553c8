// The readers without the JSON-LD processor (`@claimscope/formats/readers`), for one-file
// binaries: W3C annotations in claimscope's own context read as they are; others need a
// `compact` function (the package's main entry passes the `jsonld` package's).
export { findBratPairs, readBratDirectory, readBratPair } from './brat-directory.js';
export { articleIdOfFileName, readBrat } from './brat-reader.js';
export {
  type FormatCandidate,
  type ImportFormat,
  readFormatCandidates,
  textPathOf,
} from './format-candidates.js';
export type { FormatImport, Unrepresented } from './import-result.js';
export { readJsonLines } from './json-lines.js';
export { readWebAnnotations } from './web-annotation-reader.js';
