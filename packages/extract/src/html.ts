// The article inside an HTML page: parsed with linkedom, found with Mozilla's Readability, then
// laid out as text (headline, dek, paragraphs separated by blank lines) with typed blocks.

import type { BlockKind } from '@claimscope/schema';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { furnitureKind } from './blocks.js';
import type { Span } from './quotes.js';

export interface HtmlArticle {
  text: string;
  blocks: (Span & { kind: BlockKind })[];
  byline: string | null;
  siteName: string | null;
  /** ISO date (YYYY-MM-DD) from the page's metadata, when it gives one. */
  published: string | null;
  url: string | null;
}

/** The little of the DOM this module reads (linkedom's nodes have it), so no DOM typings are needed. */
interface PageNode {
  textContent: string | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): PageNode | null;
  querySelectorAll(selector: string): ArrayLike<PageNode>;
}
interface PageDocument extends Omit<PageNode, 'getAttribute'> {
  title: string;
  body: (PageNode & { innerHTML: string }) | null;
}

function parsePage(html: string): PageDocument {
  return parseHTML(html).document as unknown as PageDocument;
}

const BLOCK_SELECTOR = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, figcaption, pre';
/** A byline paragraph (module level: tsx rebuilds a `\p{…}` literal on every use). */
const BYLINE = /^by\s+\p{Lu}/iu;

function clean(s: string | null | undefined): string {
  return (s ?? '').replace(/[\t\r\n ]+/g, ' ').trim();
}

function meta(document: PageDocument, ...names: string[]): string | null {
  for (const name of names) {
    const el = document.querySelector(
      `meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`,
    );
    const content = clean(el?.getAttribute('content'));
    if (content) return content;
  }
  return null;
}

function isoDate(value: string | null | undefined): string | null {
  const m = /(\d{4}-\d{2}-\d{2})/.exec(value ?? '');
  if (!m?.[1]) return null;
  return Number.isNaN(Date.parse(m[1])) ? null : m[1];
}

/** Extracts the article of an HTML page. Throws when the page has no readable text. */
export function readHtml(html: string, url: string | null = null): HtmlArticle {
  const document = parsePage(html);
  const headlineMeta =
    meta(document, 'og:title', 'twitter:title') ??
    clean(document.querySelector('h1')?.textContent) ??
    clean(document.title);
  const description = meta(document, 'og:description', 'description', 'twitter:description');
  const published = isoDate(
    meta(
      document,
      'article:published_time',
      'datePublished',
      'date',
      'pubdate',
      'og:published_time',
    ) ?? document.querySelector('time[datetime]')?.getAttribute('datetime'),
  );
  const canonical =
    url ??
    meta(document, 'og:url') ??
    document.querySelector('link[rel="canonical"]')?.getAttribute('href') ??
    null;
  // Readability changes the document it reads: give it its own copy.
  const { document: copy } = parseHTML(html);
  const parsed = new Readability(copy as never, { charThreshold: 200 }).parse();
  const headline = clean(parsed?.title) || headlineMeta || 'Untitled';
  const body = parsePage(
    `<!doctype html><html><body>${parsed?.content ?? document.body?.innerHTML ?? ''}</body></html>`,
  );
  const paragraphs: string[] = [];
  for (const el of Array.from(body.querySelectorAll(BLOCK_SELECTOR))) {
    // The innermost block elements only: an <li> holding a <p> yields the <p>.
    if (el.querySelector(BLOCK_SELECTOR)) continue;
    const t = clean(el.textContent);
    // The byline is metadata, not a paragraph.
    if (BYLINE.test(t) && t.length < 80) continue;
    if (t && t !== headline) paragraphs.push(t);
  }
  if (paragraphs.length === 0) {
    const t = clean(parsed?.textContent ?? body.body?.textContent);
    if (t) paragraphs.push(t);
  }
  if (paragraphs.length === 0) throw new Error('the page has no readable article text');
  const parts: { text: string; kind: BlockKind }[] = [{ text: headline, kind: 'headline' }];
  const dek = clean(parsed?.excerpt) || description;
  if (
    dek &&
    dek !== headline &&
    !paragraphs[0]?.startsWith(dek.replace(/…$/, '').slice(0, 60)) &&
    dek.length < 400
  )
    parts.push({ text: dek, kind: 'dek' });
  for (const p of paragraphs) parts.push({ text: p, kind: furnitureKind(p) ?? 'paragraph' });
  let text = '';
  const blocks: HtmlArticle['blocks'] = [];
  for (const part of parts) {
    if (text) text += '\n\n';
    blocks.push({ start: text.length, end: text.length + part.text.length, kind: part.kind });
    text += part.text;
  }
  if (!blocks.some((b) => b.kind === 'paragraph')) {
    const last = blocks[blocks.length - 1];
    if (last && last.kind !== 'headline') last.kind = 'paragraph';
  }
  return {
    text,
    blocks,
    byline:
      clean(parsed?.byline).replace(/^by\s+/i, '') ||
      meta(document, 'author', 'article:author') ||
      null,
    siteName: clean(parsed?.siteName) || meta(document, 'og:site_name') || null,
    published,
    url: canonical && /^https?:\/\//.test(canonical) ? canonical : null,
  };
}
