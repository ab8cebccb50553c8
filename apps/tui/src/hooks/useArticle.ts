import { createContext, useContext } from 'react';
import type { ArticleSummary } from '../api/queries.js';

/** The article every tab shows: `--article`, else the first in the corpus. */
export const ArticleContext = createContext<ArticleSummary | null>(null);

export function useArticle(): ArticleSummary {
  const article = useContext(ArticleContext);
  if (!article) throw new Error('useArticle needs an <ArticleContext.Provider> above it');
  return article;
}
