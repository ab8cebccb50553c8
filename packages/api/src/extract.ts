// Draft annotation of an article's text or HTML page, without storing anything: the logic behind
// `article.extract` and behind importing .txt and .html files.
import type { ArticleDocument } from '@claimscope/schema';
import { z } from 'zod';

/** The most characters `article.extract` takes: the server refuses larger bodies anyway (1 MiB). */
export const MAX_EXTRACT_CHARACTERS = 1_000_000;

export const ExtractArticleInput = z.strictObject({
  /** `text`: plain text, paragraphs separated by blank lines, the first line the headline. */
  format: z.enum(['text', 'html']),
  content: z.string().min(1).max(MAX_EXTRACT_CHARACTERS),
  /** Where an HTML page came from, kept as the article's source URL. */
  url: z.url().optional(),
  /** The draft's article id; derived from the headline when absent. */
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._:-]*$/, 'ids are lowercase letters, digits and . _ : -')
    .optional(),
});
export type ExtractArticleInput = z.infer<typeof ExtractArticleInput>;

/** Extracts a draft document (machine-made, unreviewed annotations); the extractor loads on first use. */
export async function extractArticle(input: ExtractArticleInput): Promise<ArticleDocument> {
  const { extract } = await import('@claimscope/extract');
  const source =
    input.format === 'html'
      ? { html: input.content, url: input.url ?? null }
      : { text: input.content };
  return extract(source, {
    ...(input.id ? { id: input.id } : {}),
    origin: input.url ?? `${input.format} sent to article.extract`,
  });
}

/** Whether a file is an article to extract (rather than an ArticleDocument in JSON). */
export function isArticleFile(path: string): boolean {
  return /\.(?:txt|html?|xhtml)$/i.test(path);
}

/** Extracts the article in a .txt or .html file; the article id comes from the file's name. */
export async function extractArticleFile(path: string, content: string): Promise<ArticleDocument> {
  const name = path.split(/[\\/]/).pop() ?? path;
  const id = name
    .replace(/\.[^.]+$/, '')
    .toLowerCase()
    .replace(/[^a-z0-9._:-]+/g, '-')
    .replace(/^[^a-z0-9]+|-+$/g, '');
  return extractArticle({
    format: /\.(?:html?|xhtml)$/i.test(name) ? 'html' : 'text',
    content,
    ...(id ? { id } : {}),
  }).then((doc) => ({
    ...doc,
    article: {
      ...doc.article,
      source: { ...doc.article.source, origin: doc.article.source.url ?? name },
    },
  }));
}
