import { type Binding, KEYMAP } from './keyBindings.js';
import { helpSections } from './keyHelp.js';

/** A Markdown table with its columns padded, as Biome formats Markdown. */
function markdownTable(header: string[], rows: string[][]): string[] {
  const length = (s: string) => Array.from(s).length;
  const widths = header.map((h, i) =>
    Math.max(length(h), 3, ...rows.map((r) => length(r[i] ?? ''))),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => c + ' '.repeat((widths[i] ?? 0) - length(c))).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

/** KEYS.md: the keymap as Markdown tables. */
export function keymapMarkdown(keymap: readonly Binding[] = KEYMAP): string {
  const escapePipes = (s: string) => s.replaceAll('|', '\\|');
  const out = [
    '# claimscope keys',
    '',
    'Generated from `apps/tui/src/keys/keyBindings.ts` by `pnpm --filter @claimscope/tui docs:keys`; the in-app help (`?`) and the footer come from the same table.',
    'When several apply, the earlier section wins: a focused input takes printable keys, so `q` types a "q" there.',
    '',
  ];
  for (const section of helpSections(keymap)) {
    const rows = section.rows.map((row) => [
      escapePipes(
        row.keys
          .split(' ')
          .map((k) => `\`${k}\``)
          .join(' '),
      ),
      escapePipes(row.description),
    ]);
    out.push(`## ${section.title}`, '', ...markdownTable(['Keys', 'Action'], rows), '');
  }
  return out.join('\n');
}
