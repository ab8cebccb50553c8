import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { findBratPairs, readBratPair } from './brat-directory.js';
import { articleIdOfFileName } from './brat-reader.js';
import type { Unrepresented } from './import-result.js';
import { readWebAnnotations, type WebAnnotationReadOptions } from './web-annotation-reader.js';

/** A document read from a file of another format, or why it could not be read. */
export type FormatCandidate =
  | { source: string; candidate: unknown; unrepresented: Unrepresented[] }
  | { source: string; unreadable: string };

export type ImportFormat = 'brat' | 'w3c';

/** The text a W3C annotation file is about: `x.txt` beside `x.jsonld` (or `x.annotations.jsonld`, `x.json`). */
export function textPathOf(annotationsPath: string): string {
  const name = basename(annotationsPath).replace(/(\.annotations)?\.(jsonld|json)$/i, '');
  return join(dirname(annotationsPath), `${name}.txt`);
}

const isDirectory = (path: string) =>
  stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );

/**
 * Documents from brat folders (brat's layout or PolNeAR's; or one `.ann` with its `.txt`
 * beside it) or from W3C Web Annotation files (each with its text in the `.txt` of the same
 * name), one at a time, each with what could not be represented.
 */
export async function* readFormatCandidates(
  paths: readonly string[],
  format: ImportFormat,
  options: Pick<WebAnnotationReadOptions, 'compact' | 'language'> = {},
): AsyncGenerator<FormatCandidate> {
  for (const path of paths) {
    try {
      if (format === 'brat') {
        const pairs = (await isDirectory(path))
          ? await findBratPairs(path)
          : [
              {
                name: basename(path).replace(/\.(ann|txt)$/, ''),
                txtPath: path.replace(/\.(ann|txt)$/, '.txt'),
                annPath: path.replace(/\.(ann|txt)$/, '.ann'),
                otherAnnPaths: [],
              },
            ];
        if (pairs.length === 0) yield { source: path, unreadable: 'no .txt with an .ann found' };
        for (const pair of pairs) {
          try {
            const { document, unrepresented } = await readBratPair(pair, options.language);
            yield { source: pair.annPath, candidate: document, unrepresented };
          } catch (error) {
            yield { source: pair.annPath, unreadable: (error as Error).message };
          }
        }
      } else {
        const textPath = textPathOf(path);
        const [annotations, text] = await Promise.all([
          readFile(path, 'utf8'),
          readFile(textPath, 'utf8').catch(() => {
            throw new Error(`the annotations' text was expected in ${textPath}`);
          }),
        ]);
        const { document, unrepresented } = await readWebAnnotations(
          JSON.parse(annotations),
          text,
          {
            articleId: articleIdOfFileName(basename(textPath)),
            origin: `${basename(path)} (W3C Web Annotation) on ${basename(textPath)}`,
            ...options,
          },
        );
        yield { source: path, candidate: document, unrepresented };
      }
    } catch (error) {
      yield { source: path, unreadable: (error as Error).message };
    }
  }
}
