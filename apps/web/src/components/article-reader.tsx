import { ENTITY_KINDS } from '~/lib/labels';
import { type ArticleDocument, buildReaderIndex } from '~/lib/reader-index';
import type { ReaderView } from '~/lib/reader-view';
import { ArticleText } from './article-text';
import { ReaderFrame } from './reader-frame';

/**
 * The reader: the annotated text rendered once on the server, inside a client frame that holds
 * the highlight controls and the hover cards, whose facts the browser loads when first needed.
 */
export function ArticleReader({ doc, view }: { doc: ArticleDocument; view: ReaderView }) {
  const index = buildReaderIndex(doc);
  return (
    <ReaderFrame
      language={doc.article.language}
      kinds={ENTITY_KINDS.flatMap((kind) => {
        const count = index.kindCounts.get(kind);
        return count ? [{ kind, count }] : [];
      })}
      speakers={index.speakers.map(({ entity, count }) => ({
        id: entity.id,
        name: entity.name,
        count,
      }))}
      claimCount={doc.claims.length}
      unreviewedCount={index.unreviewedCount}
      cardsUrl={`/articles/${encodeURIComponent(doc.article.id)}/cards`}
    >
      <ArticleText doc={doc} index={index} view={view} />
    </ReaderFrame>
  );
}
