'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const LINKS = [
  { href: '/', label: 'Read', match: (p: string) => p === '/' || p.startsWith('/articles') },
  { href: '/entities', label: 'Entities', match: (p: string) => p.startsWith('/entities') },
  { href: '/claims', label: 'Claims', match: (p: string) => p.startsWith('/claims') },
  {
    href: '/disagreements',
    label: 'Disagreements',
    match: (p: string) => p.startsWith('/disagreements'),
  },
  { href: '/graph', label: 'Graph', match: (p: string) => p.startsWith('/graph') },
  { href: '/search', label: 'Search', match: (p: string) => p.startsWith('/search') },
  {
    href: '/review',
    label: 'Review',
    match: (p: string) => p.startsWith('/review') || p === '/sign-in',
  },
];

export function SiteNav() {
  const pathname = usePathname() ?? '/';
  return (
    <nav className="site-nav" aria-label="Main">
      <ul>
        {LINKS.map((link) => (
          <li key={link.href}>
            <Link
              prefetch={false}
              href={link.href}
              aria-current={link.match(pathname) ? 'page' : undefined}
            >
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
