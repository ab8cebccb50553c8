'use client';

import { useEffect } from 'react';

/**
 * Moves focus to the record a "Show more" link landed on (`#claims-41`), so the keyboard carries
 * on from the first new record. A full page load does this by itself; a client-side navigation
 * only scrolls.
 */
export function FocusOnArrival({ ids }: { ids: readonly string[] }) {
  const key = ids.join(' ');
  useEffect(() => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (!key.split(' ').includes(id)) return;
    const target = document.getElementById(id);
    if (target && document.activeElement !== target) target.focus();
  }, [key]);
  return null;
}
