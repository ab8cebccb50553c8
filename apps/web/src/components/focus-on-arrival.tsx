'use client';

import { useEffect } from 'react';

/**
 * Moves focus to the record a "Show more" link landed on (`#claims-41`), so the keyboard carries
 * on from the first new record, and makes sure its top is on screen. A full page load does this
 * by itself; a client-side navigation only scrolls.
 */
export function FocusOnArrival({ ids }: { ids: readonly string[] }) {
  const key = ids.join(' ');
  useEffect(() => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (!key.split(' ').includes(id)) return;
    const target = document.getElementById(id);
    if (!target) return;
    if (document.activeElement !== target) target.focus({ preventScroll: true });
    // The router has scrolled to the record, but a smooth scroll still under way (the one that
    // brought the link into view when it was focused) can carry the page past it. An instant
    // scroll ends any such animation and puts the record's top on screen again.
    target.scrollIntoView({ block: 'start', behavior: 'instant' });
  }, [key]);
  return null;
}
