'use client';

import { useEffect } from 'react';

/**
 * One listener for every "Copy citation" button (cite-box.tsx): it copies the citation beside the
 * button and says whether that worked, so a page with many relations hydrates nothing per row.
 */
export function CopyCitations() {
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const button =
        event.target instanceof Element ? event.target.closest('[data-copy-citation]') : null;
      const box = button?.closest('.cite-box');
      const text = box?.querySelector('.cite-box__text')?.textContent;
      const status = box?.querySelector('.cite-box__status');
      if (!text || !status) return;
      navigator.clipboard.writeText(text).then(
        () => {
          status.textContent = 'Copied.';
        },
        () => {
          status.textContent = 'Could not copy: select the text above.';
        },
      );
    };
    document.addEventListener('click', onClick);
    return () => document.removeEventListener('click', onClick);
  }, []);
  return null;
}
