import { Box, Text } from 'ink';
import type { Connection } from '../api/client.js';
import { useScreenController } from '../hooks/useScreen.js';
import { type FooterHint, helpSections } from '../keys/keyHelp.js';
import { type Screen, TAB_TITLES, TABS, type TabId } from '../state/navigation.js';
import { positionLabel } from '../state/viewport.js';
import { MARK_HELP } from './labels.js';
import { cellWidth, fit, truncate } from './text.js';
import { useTheme } from './theme.js';

export function TabBar({
  tab,
  source,
  failing,
  width,
}: {
  tab: TabId;
  source: Connection['source'];
  /** Some request failed: the connection is shown as broken until a retry succeeds. */
  failing: boolean;
  width: number;
}) {
  const theme = useTheme();
  const where = source.kind === 'remote' ? source.url : 'in-process';
  // Narrow terminals get the numbers, with the title of the current tab only; one line always.
  const full = TABS.map((t, i) => ` ${i + 1} ${TAB_TITLES[t]} `);
  const short = TABS.map((t, i) => (t === tab ? ` ${i + 1} ${TAB_TITLES[t]} ` : ` ${i + 1} `));
  const labels = cellWidth(`${full.join('')} ● ${where}`) < width ? full : short;
  const tabsWidth = cellWidth(labels.join(''));
  return (
    <Box width={width} height={1}>
      <Text wrap="truncate-end">
        {TABS.map((t, i) => (
          <Text key={t} {...(t === tab ? theme.activeTab : {})}>
            {labels[i]}
          </Text>
        ))}
      </Text>
      <Box flexGrow={1} />
      <Text {...(failing ? theme.error : theme.muted)}>
        {truncate(`${failing ? '✕' : '●'} ${where}`, Math.max(0, width - tabsWidth - 1))}
      </Text>
    </Box>
  );
}

/** The path you drilled down, newest last; long paths lose their middle. */
export function Breadcrumb({ stack, width }: { stack: Screen[]; width: number }) {
  const theme = useTheme();
  const labels = stack.map((s) => s.label);
  let shown = labels;
  const join = (parts: string[]) => parts.join(' › ');
  while (shown.length > 2 && cellWidth(join(shown)) > width)
    shown = [shown[0] as string, '…', ...shown.slice(3)];
  return (
    <Text wrap="truncate-end">
      {shown.map((label, i) => (
        <Text key={i} {...(i === shown.length - 1 ? { bold: true } : theme.muted)}>
          {i > 0 ? ' › ' : ''}
          {truncate(label, Math.max(8, Math.floor(width / 2)))}
        </Text>
      ))}
    </Text>
  );
}

export function Footer({ hints, width }: { hints: FooterHint[]; width: number }) {
  const theme = useTheme();
  // Drop hints from the end until the line fits, but keep the way to help and out.
  let shown = hints;
  const essential = (h: FooterHint) =>
    ['help', 'quit', 'back', 'close', 'done', 'cancel'].includes(h.label);
  const widthOf = (hs: FooterHint[]) =>
    hs.reduce((sum, h) => sum + cellWidth(`${h.keys} ${h.label}  `), 0);
  while (widthOf(shown) > width) {
    const drop = shown.findLastIndex((h) => !essential(h));
    if (drop === -1) break;
    shown = shown.filter((_, i) => i !== drop);
  }
  return (
    <Box width={width}>
      {shown.map((h) => (
        <Text key={`${h.keys}${h.label}`}>
          <Text {...theme.key}>{h.keys}</Text> {h.label}
          {'  '}
        </Text>
      ))}
    </Box>
  );
}

type HelpLine =
  | { kind: 'title'; text: string }
  | { kind: 'row'; keys: string; description: string }
  | { kind: 'gap' };

/** The help as lines, generated from the keymap; scrolls with j/k when the terminal is short. */
export function HelpOverlay({
  width,
  height,
  scroll,
}: {
  width: number;
  height: number;
  scroll: number;
}) {
  const theme = useTheme();
  const sections = helpSections().filter((s) => !s.modes.includes('help'));
  const lines: HelpLine[] = [
    ...sections.flatMap((s, i): HelpLine[] => [
      ...(i > 0 ? [{ kind: 'gap' } as const] : []),
      { kind: 'title', text: s.title },
      ...s.rows.map((r) => ({ kind: 'row' as const, ...r })),
    ]),
    { kind: 'gap' },
    { kind: 'title', text: 'Marks in lists' },
    ...MARK_HELP.map((r) => ({ kind: 'row' as const, ...r })),
  ];
  const keyWidth = Math.min(
    24,
    Math.max(...sections.flatMap((s) => s.rows.map((r) => cellWidth(r.keys)))) + 2,
  );
  const room = Math.max(1, height - 2);
  const top = Math.max(0, Math.min(scroll, lines.length - room));
  useScreenController({ mode: 'none', count: lines.length, height: room });
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Text {...theme.accent}>Keys</Text>
      <Box flexDirection="column" height={room} overflow="hidden">
        {lines.slice(top, top + room).map((line, i) => {
          const key = top + i;
          if (line.kind === 'gap') return <Text key={key}> </Text>;
          if (line.kind === 'title')
            return (
              <Text key={key} bold>
                {line.text}
              </Text>
            );
          return (
            <Text key={key} wrap="truncate-end">
              <Text {...theme.key}>{fit(line.keys, keyWidth)}</Text>
              {truncate(line.description, Math.max(10, width - keyWidth))}
            </Text>
          );
        })}
      </Box>
      <Text {...theme.muted}>
        {lines.length > room
          ? `lines ${positionLabel(top, room, lines.length)} · j/k scroll · `
          : ''}
        ? or Esc closes
      </Text>
    </Box>
  );
}

export const MIN_COLUMNS = 40;
export const MIN_ROWS = 12;

export function TooSmall({ columns, rows }: { columns: number; rows: number }) {
  return (
    <Box flexDirection="column">
      <Text bold>Terminal too small</Text>
      <Text wrap="wrap">
        {columns}×{rows}; claimscope needs at least {MIN_COLUMNS}×{MIN_ROWS}. Enlarge the window, or
        press q to quit.
      </Text>
    </Box>
  );
}
