'use client';

import { useState } from 'react';
import type { ThemeChoice } from '~/lib/theme';

const NEXT: Record<ThemeChoice, ThemeChoice> = { system: 'light', light: 'dark', dark: 'system' };
const LABEL: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/**
 * Cycles system → light → dark. The choice lives in a cookie so the server renders the right
 * theme on the first paint (no inline script, no flash).
 */
export function ThemeToggle({ initial }: { initial: ThemeChoice }) {
  const [choice, setChoice] = useState(initial);
  const change = () => {
    const next = NEXT[choice];
    setChoice(next);
    const root = document.documentElement;
    if (next === 'system') root.removeAttribute('data-theme');
    else root.setAttribute('data-theme', next);
    // biome-ignore lint/suspicious/noDocumentCookie: a plain preference cookie read by the server layout
    document.cookie = `theme=${next}; path=/; max-age=31536000; samesite=lax`;
  };
  return (
    <button
      type="button"
      className="theme-toggle"
      onClick={change}
      aria-label={`Colour theme: ${LABEL[choice]}. Change theme`}
    >
      <span aria-hidden="true">{choice === 'dark' ? '☾' : choice === 'light' ? '☀' : '◐'}</span>{' '}
      {LABEL[choice]}
    </button>
  );
}
