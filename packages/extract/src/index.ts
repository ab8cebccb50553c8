// @claimscope/extract: a draft annotation of any news article, every annotation machine-made and
// unreviewed. Pure: no server, no network, no model download.
import type { ArticleDocument, Provenance } from '@claimscope/schema';
import { type Attribution, findAttributions as attributionsOf } from './attribution.js';
import { textBlocks } from './blocks.js';
import { buildDocument, type DocumentBlock } from './document.js';
import { findEntities, slug } from './entities.js';
import { OUTLETS } from './gazetteer.js';
import { readHtml } from './html.js';
import { forgetAnalysis } from './nlp.js';

export type { Attribution } from './attribution.js';
export { textBlocks } from './blocks.js';
export { readHtml } from './html.js';

export const EXTRACTOR_NAME = '@claimscope/extract';
/** Kept equal to package.json's version by a test. */
export const EXTRACTOR_VERSION = '0.1.0';

export type ExtractInput = { text: string } | { html: string; url?: string | null };

export interface ExtractOptions {
  /** The article id (lowercase letters, digits, `.` `_` `:` `-`); derived from the headline when absent. */
  id?: string;
  /** Where the text came from when there is no URL (a file name, "pasted text"). */
  origin?: string;
}

/** The provenance of every annotation the extractor makes. */
export function extractorProvenance(): Provenance {
  return {
    agent: { kind: 'rule', name: EXTRACTOR_NAME, version: EXTRACTOR_VERSION },
    review: { status: 'unreviewed' },
  };
}

/** The attributions of a text's blocks (from `textBlocks`), on their own. */
export function findAttributions(text: string, blocks: Parameters<typeof attributionsOf>[1]) {
  try {
    return attributionsOf(text, blocks);
  } finally {
    forgetAnalysis();
  }
}

/** Whether a file's contents are an HTML page (by name, else by its first tag). */
export function looksLikeHtml(content: string, fileName = ''): boolean {
  if (/\.x?html?$/i.test(fileName)) return true;
  if (/\.(?:txt|text|md)$/i.test(fileName)) return false;
  return /^\s*(?:<!doctype html|<html|<head|<body|<article|<meta)/i.test(content);
}

function articleId(headline: string, wanted?: string): string {
  if (wanted !== undefined) {
    if (!/^[a-z0-9][a-z0-9._:-]*$/.test(wanted))
      throw new Error(
        `id ${JSON.stringify(wanted)}: expected lowercase letters, digits and . _ : -`,
      );
    return wanted;
  }
  return slug(headline).slice(0, 60).replace(/-+$/, '') || 'article';
}

/**
 * Extracts a draft `ArticleDocument` from plain text (kept verbatim; paragraphs separated by blank
 * lines, the first line the headline) or an HTML page. The result passes `validateArticleDocument`.
 */
export async function extract(
  input: ExtractInput,
  options: ExtractOptions = {},
): Promise<ArticleDocument> {
  const provenance = extractorProvenance();
  let text: string;
  let blocks: DocumentBlock[];
  let byline: string | null = null;
  let siteName: string | null = null;
  let published: string | null = null;
  let url: string | null = null;
  if ('html' in input) {
    const page = readHtml(input.html, input.url ?? null);
    ({ text, blocks, byline, siteName, published, url } = page);
  } else {
    text = input.text;
    blocks = textBlocks(text);
    if (!blocks.some((b) => b.kind === 'headline'))
      throw new Error('the text is empty: there is no headline or paragraph in it');
  }
  const headlineBlock = blocks.find((b) => b.kind === 'headline') as DocumentBlock;
  const id = articleId(text.slice(headlineBlock.start, headlineBlock.end), options.id);
  const furniture = new Set(['banner', 'footer']);
  const scanned = blocks.filter((b) => !furniture.has(b.kind));
  let attributions: Attribution[];
  let entityIndex: ReturnType<typeof findEntities>;
  try {
    // Both read one wink-nlp analysis of the text, kept between them and dropped after.
    attributions = attributionsOf(text, scanned);
    const entityBlocks = [];
    for (const [index, b] of blocks.entries())
      entityBlocks.push({ start: b.start, end: b.end, kind: b.kind, index });
    const sources = [];
    for (const a of attributions) if (a.source) sources.push(a.source);
    entityIndex = findEntities(text, entityBlocks, sources);
  } finally {
    forgetAnalysis();
  }
  // Byline and site name become the author and publisher entities.
  const authors: string[] = [];
  if (byline) {
    for (const name of byline
      .split(/\s*(?:,|\band\b|&)\s*/)
      .map((s) => s.trim())
      .filter((s) => s.length > 1 && s.length < 80)) {
      const key = slug(name);
      if (!entityIndex.entities.has(key))
        entityIndex.entities.set(key, {
          key,
          kind: 'person',
          name,
          aliases: new Set(),
          reason: "the page's byline",
        });
      if (entityIndex.entities.get(key)?.kind === 'person' && !authors.includes(key))
        authors.push(key);
    }
  }
  let publisher: string | null = null;
  if (siteName) {
    const known = OUTLETS.find((o) => o.some((n) => n.toLowerCase() === siteName?.toLowerCase()));
    const name = known?.[0] ?? siteName;
    // "The Harbor Gazette" is the "Harbor Gazette" the text names.
    const bare = slug(name.replace(/^the\s+/i, ''));
    const key = entityIndex.entities.has(bare) ? bare : slug(name);
    const existing = entityIndex.entities.get(key);
    if (!existing)
      entityIndex.entities.set(key, {
        key,
        kind: 'outlet',
        name,
        aliases: new Set(),
        reason: "the page's site name",
      });
    if (!existing || existing.kind === 'outlet' || existing.kind === 'organization')
      publisher = key;
  }
  return buildDocument({
    id,
    text,
    blocks,
    attributions,
    entities: entityIndex,
    authors,
    publisher,
    published: published
      ? { status: 'known', date: published }
      : { status: 'unknown', note: 'the input gives no publication date' },
    source: {
      origin: url ?? options.origin ?? ('html' in input ? 'an HTML page' : 'plain text'),
      url,
    },
    provenance,
  });
}
