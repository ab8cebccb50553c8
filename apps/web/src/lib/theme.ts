export type ThemeChoice = 'system' | 'light' | 'dark';

/** The theme cookie's value, or `system` (follow prefers-color-scheme) for anything else. */
export function parseThemeChoice(value: string | undefined): ThemeChoice {
  return value === 'light' || value === 'dark' ? value : 'system';
}
