import type { Metadata } from 'next';
import { MyDrafts } from '~/components/review/my-drafts';
import './review.css';

export const metadata: Metadata = { title: 'Review', robots: { index: false } };

export default function Review() {
  return (
    <div className="page page--narrow">
      <h1>Review</h1>
      <MyDrafts />
    </div>
  );
}
