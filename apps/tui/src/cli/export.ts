import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import {
  exportCorpus,
  exportDocument,
  exportFileInfo,
  writeBrat,
} from '@claimscope/formats/writers';
import type { ArticleDocument } from '@claimscope/schema';
import type { ClaimscopeClient } from '../api/client.js';
import type { ExportCommand } from './args.js';

/** Where progress goes: a terminal gets one line rewritten in place, anything else a last line. */
interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** Every document the command asks for, one at a time, and how many there are. */
async function documentsOf(command: ExportCommand, client: ClaimscopeClient) {
  const { articleId } = command.options;
  if (articleId) {
    const doc = await client.article.export.query({ id: articleId });
    return {
      total: 1,
      documents: (async function* () {
        yield doc;
      })(),
    };
  }
  const first = await client.article.list.query({ limit: 100 });
  async function* all(): AsyncGenerator<ArticleDocument> {
    let page = first;
    for (;;) {
      for (const summary of page.items) yield await client.article.export.query({ id: summary.id });
      if (page.nextCursor === null) return;
      page = await client.article.list.query({ limit: 100, cursor: page.nextCursor });
    }
  }
  return { total: first.total, documents: all() };
}

/**
 * `claimscope export`: one article or the whole corpus in a format, to a file, stdout, or (brat)
 * a folder of `<id>.txt` and `<id>.ann`. Documents are fetched and written one at a time, so
 * memory stays flat at any corpus size; progress goes to stderr.
 */
export async function runExport(
  command: ExportCommand,
  client: ClaimscopeClient,
  stdout: Writable,
  stderr: ProgressStream,
): Promise<void> {
  const { total, documents } = await documentsOf(command, client);
  let done = 0;
  const progress = (end = false) => {
    if (stderr.isTTY)
      stderr.write(
        `\rexported ${done}/${total} article${total === 1 ? '' : 's'}${end ? '\n' : ''}`,
      );
    else if (end) stderr.write(`exported ${done}/${total} article${total === 1 ? '' : 's'}\n`);
  };
  async function* counted(): AsyncGenerator<ArticleDocument> {
    for await (const doc of documents) {
      yield doc;
      done++;
      progress();
    }
  }

  if (command.format === 'brat') {
    const dir = command.out ?? 'claimscope-brat';
    await mkdir(dir, { recursive: true });
    for await (const doc of counted()) {
      const { txt, ann } = writeBrat(doc);
      await writeFile(join(dir, `${doc.article.id}.txt`), txt);
      await writeFile(join(dir, `${doc.article.id}.ann`), ann);
    }
    progress(true);
    stderr.write(`wrote ${done * 2} files to ${dir}\n`);
    return;
  }

  const out = command.out ? createWriteStream(command.out) : stdout;
  const options = { table: command.table };
  const chunks = command.options.articleId
    ? (async function* () {
        for await (const doc of counted()) yield exportDocument(doc, command.format, options);
      })()
    : exportCorpus(counted(), command.format, options);
  for await (const chunk of chunks) if (!out.write(chunk)) await once(out, 'drain');
  if (out !== stdout) {
    out.end();
    await once(out, 'finish');
  }
  progress(true);
  if (command.out) {
    const name = command.options.articleId ?? 'claimscope-corpus';
    stderr.write(
      `wrote ${command.out} (${exportFileInfo(command.format, name, options).contentType})\n`,
    );
  }
}
