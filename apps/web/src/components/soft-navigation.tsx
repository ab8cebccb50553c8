'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/**
 * Lists and article text use plain <a> elements: hundreds of next/link components cost noticeable
 * hydration time on phones. This one listener keeps those clicks client-side navigations.
 * Modified clicks, other origins, `target`/`download` links and same-page #anchors are left to
 * the browser; next/link handles its own clicks first (defaultPrevented).
 */
export function SoftNavigation() {
  const router = useRouter();
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
      if (!(link instanceof HTMLAnchorElement) || link.target || link.hasAttribute('download'))
        return;
      const url = new URL(link.href);
      if (url.origin !== window.location.origin) return;
      const samePage =
        url.pathname === window.location.pathname && url.search === window.location.search;
      if (samePage && url.hash) return;
      event.preventDefault();
      router.push(`${url.pathname}${url.search}${url.hash}`);
    };
    document.addEventListener('click', onClick);
    return () => document.removeEventListener('click', onClick);
  }, [router]);
  return null;
}
