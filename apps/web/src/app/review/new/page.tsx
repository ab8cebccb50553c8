import type { Metadata } from 'next';
import { NewArticleForm } from '~/components/review/new-article-form';
import '../review.css';

export const metadata: Metadata = { title: 'New article', robots: { index: false } };

export default function NewArticle() {
  return (
    <div className="page page--narrow">
      <h1>New article</h1>
      <p className="lede">
        Paste an article or upload its page; the machine drafts the annotations and you review them.
      </p>
      <NewArticleForm />
    </div>
  );
}
