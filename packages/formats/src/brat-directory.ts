import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { articleIdOfFileName, readBrat } from './brat-reader.js';
import type { FormatImport } from './import-result.js';

/** One text of a brat folder and the annotation file read for it. */
export interface BratPair {
  name: string;
  txtPath: string;
  annPath: string;
  /** Other annotators' files for the same text, not read (the alphabetically first one is). */
  otherAnnPaths: string[];
}

const exists = (path: string) =>
  stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );

async function filesIn(dir: string, extension: string): Promise<string[]> {
  return (await readdir(dir))
    .filter((name) => name.endsWith(extension))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The text/annotation pairs of a brat folder: brat's own layout (`x.txt` beside `x.ann`) or
 * PolNeAR's (`text/x.txt` and `attributions/x_<annotator>.ann`). When several annotators'
 * files exist for one text, the alphabetically first is read and the others are named.
 */
export async function findBratPairs(dir: string): Promise<BratPair[]> {
  const polnear = (await exists(join(dir, 'text'))) && (await exists(join(dir, 'attributions')));
  const textDir = polnear ? join(dir, 'text') : dir;
  const annDir = polnear ? join(dir, 'attributions') : dir;
  const annFiles = await filesIn(annDir, '.ann');
  const pairs: BratPair[] = [];
  for (const txt of await filesIn(textDir, '.txt')) {
    const name = txt.slice(0, -'.txt'.length);
    const candidates = annFiles.filter((ann) =>
      polnear
        ? ann.startsWith(`${name}_`) && !ann.slice(name.length + 1, -4).includes('_')
        : ann === `${name}.ann`,
    );
    const [first, ...others] = candidates;
    if (!first) continue;
    pairs.push({
      name,
      txtPath: join(textDir, txt),
      annPath: join(annDir, first),
      otherAnnPaths: others.map((other) => join(annDir, other)),
    });
  }
  return pairs;
}

/** Reads one pair; other annotators' files are listed as not represented. */
export async function readBratPair(pair: BratPair, language?: string): Promise<FormatImport> {
  const [txt, ann] = await Promise.all([
    readFile(pair.txtPath, 'utf8'),
    readFile(pair.annPath, 'utf8'),
  ]);
  const result = readBrat(txt, ann, {
    articleId: articleIdOfFileName(pair.name),
    origin: `${basename(pair.txtPath)} with ${basename(pair.annPath)} (brat standoff)`,
    ...(language ? { language } : {}),
  });
  for (const other of pair.otherAnnPaths)
    result.unrepresented.push({
      where: basename(other),
      reason: `another annotator's file for the same text; ${basename(pair.annPath)} was read`,
    });
  return result;
}

/** Every document of a brat folder, one at a time. */
export async function* readBratDirectory(
  dir: string,
  language?: string,
): AsyncGenerator<{ pair: BratPair; result: FormatImport }> {
  for (const pair of await findBratPairs(dir))
    yield { pair, result: await readBratPair(pair, language) };
}
