'use client';

import { ErrorView } from '~/components/error-view';

export default function PageError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorView error={error} retry={retry} />;
}
