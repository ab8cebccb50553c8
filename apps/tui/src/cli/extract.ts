import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { ArticleDocument } from '@claimscope/schema';

type Print = (line: string) => void;

/** The inputs `extract` reads: .txt and .html files, directly or inside the folders given. */
const ARTICLE_FILE = /\.(?:txt|html?|xhtml)$/i;

export interface ExtractOptions {
  /** Write `<input name>.json` per input here instead of printing. */
  out: string | null;
  json: boolean;
}

async function inputFiles(path: string): Promise<string[]> {
  const info = await stat(path);
  if (!info.isDirectory()) return [path];
  const files: string[] = [];
  for (const entry of (await readdir(path, { withFileTypes: true })).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) files.push(...(await inputFiles(child)));
    else if (ARTICLE_FILE.test(entry.name)) files.push(child);
  }
  return files;
}

/** Who is quoted, how often, and through which channels: the readable summary of a draft. */
export function summarizeDraft(doc: ArticleDocument, source: string): string {
  const name = new Map(doc.entities.map((e) => [e.id, e.name]));
  const bySpeaker = new Map<
    string,
    { quotes: number; reported: number; channels: Map<string, number> }
  >();
  for (const claim of doc.claims) {
    const entry = bySpeaker.get(claim.speakerId) ?? { quotes: 0, reported: 0, channels: new Map() };
    if (claim.kind === 'direct_quote') entry.quotes += 1;
    else entry.reported += 1;
    const outlet = claim.channel.outletId ? ` (${name.get(claim.channel.outletId)})` : '';
    const channel = `${claim.channel.kind.replace('_', ' ')}${outlet}`;
    entry.channels.set(channel, (entry.channels.get(channel) ?? 0) + 1);
    bySpeaker.set(claim.speakerId, entry);
  }
  const quotes = doc.claims.filter((c) => c.kind === 'direct_quote').length;
  const lines = [
    `${source}: "${doc.article.headline}"`,
    `  ${doc.entities.length} entities, ${doc.mentions.length} mentions, ${doc.claims.length} claims (${quotes} direct quotes), ${doc.relations.length} relations; all machine-made and unreviewed`,
  ];
  const speakers = [...bySpeaker.entries()].sort(
    (a, b) => b[1].quotes + b[1].reported - (a[1].quotes + a[1].reported),
  );
  if (speakers.length > 0) lines.push('  who is quoted:');
  for (const [id, s] of speakers) {
    const channels = [...s.channels.entries()]
      .map(([c, n]) => (n > 1 ? `${c} ×${n}` : c))
      .join(', ');
    lines.push(
      `    ${name.get(id) ?? id}: ${s.quotes} quoted, ${s.reported} reported; ${channels}`,
    );
  }
  return lines.join('\n');
}

/**
 * `claimscope extract <file|dir>… [--out DIR] [--json]`: a draft document per article, with
 * nothing running. A file that cannot be read or extracted is reported and the others go on;
 * returns 1 when any failed.
 */
export async function runExtract(
  paths: readonly string[],
  options: ExtractOptions,
  print: Print,
  printError: Print,
): Promise<number> {
  // The extractor (and its language model) loads only for this command.
  const { extract, looksLikeHtml, validateArticleDocument } = await import('./extractor.js');
  let failed = 0;
  const drafts: ArticleDocument[] = [];
  const files: string[] = [];
  for (const path of paths) {
    try {
      files.push(...(await inputFiles(path)));
    } catch (error) {
      failed += 1;
      printError(
        `${path}: cannot read: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (error as Error).message}`,
      );
    }
  }
  if (options.out) await mkdir(options.out, { recursive: true });
  for (const file of files) {
    try {
      const content = await readFile(file, 'utf8');
      const stem = basename(file, extname(file));
      const id = stem
        .toLowerCase()
        .replace(/[^a-z0-9._:-]+/g, '-')
        .replace(/^[^a-z0-9]+|-+$/g, '');
      const draft = await extract(
        looksLikeHtml(content, file) ? { html: content } : { text: content },
        {
          ...(id ? { id } : {}),
          origin: basename(file),
        },
      );
      const checked = await validateArticleDocument(draft);
      if (!checked.ok)
        throw new Error(
          `the draft does not validate: ${checked.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
        );
      if (options.out) {
        const target = join(options.out, `${stem}.json`);
        await writeFile(target, `${JSON.stringify(draft, null, 2)}\n`);
        const quotes = draft.claims.filter((c) => c.kind === 'direct_quote').length;
        print(
          `${file} → ${target}: ${draft.entities.length} entities, ${draft.mentions.length} mentions, ${draft.claims.length} claims (${quotes} quotes), ${draft.relations.length} relations`,
        );
      } else if (options.json) drafts.push(draft);
      else print(summarizeDraft(draft, file));
    } catch (error) {
      failed += 1;
      printError(`${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (!options.out && options.json)
    print(
      JSON.stringify(
        drafts.length === 1 && paths.length === 1 && files.length === 1 ? drafts[0] : drafts,
        null,
        2,
      ),
    );
  return failed > 0 ? 1 : 0;
}
