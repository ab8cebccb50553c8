'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { type DraftSummary, messageOf, reviewApi, type SignedInAccount } from './review-api';

/** "My drafts", with who is signed in, sign-out and the way to a new article. */
export function MyDrafts() {
  const router = useRouter();
  const [account, setAccount] = useState<SignedInAccount | null | undefined>(undefined);
  const [drafts, setDrafts] = useState<DraftSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    reviewApi.session.me
      .query()
      .then(async ({ account: me }) => {
        setAccount(me);
        if (me && me.role !== 'viewer') setDrafts(await reviewApi.draft.list.query());
      })
      .catch((caught) => setError(messageOf(caught)));
  }, []);
  const signOut = async () => {
    await reviewApi.session.signOut.mutate({}).catch(() => undefined);
    router.push('/sign-in');
  };
  if (error)
    return (
      <p className="review-error" role="alert">
        {error}
      </p>
    );
  if (account === undefined) return <p className="muted">Loading…</p>;
  if (account === null)
    return (
      <p>
        <Link href="/sign-in">Sign in</Link> to review articles.
      </p>
    );
  return (
    <>
      <p className="review-account">
        Signed in as <strong>{account.username}</strong> ({account.role}){' '}
        <button type="button" onClick={signOut}>
          Sign out
        </button>
      </p>
      {account.role === 'viewer' ? (
        <p>Your account may read but not review; ask an admin for the editor role.</p>
      ) : (
        <>
          <p>
            <Link className="button button--primary" href="/review/new">
              New article
            </Link>
          </p>
          <h2>My drafts</h2>
          {drafts === null ? (
            <p className="muted">Loading…</p>
          ) : drafts.length === 0 ? (
            <p className="muted">No drafts yet.</p>
          ) : (
            <ul className="review-drafts">
              {drafts.map((draft) => (
                <li key={draft.id}>
                  <Link href={`/review/${draft.id}`}>{draft.headline}</Link>{' '}
                  <span className="muted small">
                    {draft.progress.reviewed} of {draft.progress.total} reviewed
                    {draft.published ? ` · published as version ${draft.published.version}` : ''}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </>
  );
}
