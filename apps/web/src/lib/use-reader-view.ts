'use client';

import { useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { type ReaderView, readerViewFromParams, readerViewToParams } from './reader-view';

/**
 * The reader's view, read from the URL once and written back on every change (replacing the
 * history entry), so a shared link opens the same highlights.
 */
export function useReaderView(): [ReaderView, (next: ReaderView) => void] {
  const searchParams = useSearchParams();
  const [view, setView] = useState<ReaderView>(() =>
    readerViewFromParams(new URLSearchParams(searchParams?.toString() ?? '')),
  );
  const update = (next: ReaderView) => {
    setView(next);
    const url = `${window.location.pathname}${readerViewToParams(next)}${window.location.hash}`;
    window.history.replaceState(window.history.state, '', url);
  };
  return [view, update];
}
