import type { Metadata, Viewport } from 'next';
import { cookies } from 'next/headers';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { CopyCitations } from '~/components/copy-citations';
import { SiteNav } from '~/components/site-nav';
import { SoftNavigation } from '~/components/soft-navigation';
import { ThemeToggle } from '~/components/theme-toggle';
import { parseThemeChoice } from '~/lib/theme';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'claimscope', template: '%s · claimscope' },
  description:
    'News articles as checkable data: who is quoted, what each source claims, and how the actors connect.',
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#fbfaf7' },
    { media: '(prefers-color-scheme: dark)', color: '#141413' },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const theme = parseThemeChoice((await cookies()).get('theme')?.value);
  return (
    // data-scroll-behavior: the router turns smooth scrolling (globals.css) off while it moves to a new page.
    <html
      lang="en"
      data-theme={theme === 'system' ? undefined : theme}
      data-scroll-behavior="smooth"
    >
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <div className="site-header__inner">
            <Link prefetch={false} href="/" className="site-title">
              claim<span>scope</span>
            </Link>
            <SiteNav />
            <ThemeToggle initial={theme} />
          </div>
        </header>
        <SoftNavigation />
        <CopyCitations />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <div className="page">
            claimscope: articles as structured, checkable data. Article text is shown verbatim.
          </div>
        </footer>
      </body>
    </html>
  );
}
