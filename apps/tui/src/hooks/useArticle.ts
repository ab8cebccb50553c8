import { createContext, useContext } from 'react';
import type { ArticleSummary } from '../api/queries.js';

/** The article every tab shows (`--article`, the picker's choice, else the first). */
export const ArticleContext = createContext<{ article: ArticleSummary } | null>(null);

function useArticleContext() {
  const value = useContext(ArticleContext);
  if (!value) throw new Error('useArticle needs an <ArticleContext.Provider> above it');
  return value;
}

export function useArticle(): ArticleSummary {
  return useArticleContext().article;
}
