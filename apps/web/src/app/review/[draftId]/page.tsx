import type { Metadata } from 'next';
import { ReviewScreen } from '~/components/review/review-screen';
import '../review.css';

export const metadata: Metadata = { title: 'Review a draft', robots: { index: false } };

type Props = { params: Promise<{ draftId: string }> };

export default async function ReviewDraft({ params }: Props) {
  const { draftId } = await params;
  return (
    <div className="page">
      <h1 className="visually-hidden">Review a draft</h1>
      <ReviewScreen draftId={draftId} />
    </div>
  );
}
