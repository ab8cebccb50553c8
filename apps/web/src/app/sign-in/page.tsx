import type { Metadata } from 'next';
import { SignInForm } from '~/components/review/sign-in-form';
import '../review/review.css';

export const metadata: Metadata = { title: 'Sign in', robots: { index: false } };

export default function SignIn() {
  return (
    <div className="page page--narrow">
      <h1>Sign in</h1>
      <p className="lede">Editors sign in to review articles. Reading needs no account.</p>
      <SignInForm />
    </div>
  );
}
