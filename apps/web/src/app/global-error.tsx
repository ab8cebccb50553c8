'use client';

import { ErrorView } from '~/components/error-view';
import './globals.css';

export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body>
        <title>Something went wrong · claimscope</title>
        <main id="main">
          <ErrorView error={error} retry={retry} title="claimscope could not load this page" />
        </main>
      </body>
    </html>
  );
}
