'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { messageOf, reviewApi } from './review-api';

export function SignInForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await reviewApi.session.signIn.mutate({
        username: String(form.get('username') ?? ''),
        password: String(form.get('password') ?? ''),
      });
      router.push('/review');
    } catch (caught) {
      setError(messageOf(caught));
      setBusy(false);
    }
  };
  return (
    <form className="review-form" onSubmit={submit}>
      <label>
        Username
        <input type="text" name="username" autoComplete="username" required />
      </label>
      <label>
        Password
        <input type="password" name="password" autoComplete="current-password" required />
      </label>
      {error && (
        <p className="review-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button--primary" disabled={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
