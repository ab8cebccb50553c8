import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectLocal } from '../src/api/client.js';
import type { TabId } from '../src/state/navigation.js';
import { App } from '../src/ui/App.js';
import { type Column, layoutColumns } from '../src/ui/columns.js';
import { cellWidth } from '../src/ui/text.js';
import { createTheme } from '../src/ui/theme.js';

/**
 * Every list lays out at every width from 40 to 300 columns: one line per row, every row as
 * wide as the list, and each column starting at the same cell in the header and in every row.
 */

const ENTER = '\r';
const ROWS = 30;
const WIDTHS = Array.from({ length: 261 }, (_, i) => 40 + i);
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function start(tab: TabId, keys = '') {
  const connection = await connectLocal();
  const element = (columns: number) => (
    <App
      connection={connection}
      theme={createTheme(false)}
      articleId={null}
      initialTab={tab}
      size={{ columns, rows: ROWS }}
    />
  );
  const app = render(element(100));
  cleanups.push(() => app.unmount());
  const frame = () => app.lastFrame() ?? '';
  await vi.waitFor(() => expect(frame()).toMatch(/^▶ /m), { timeout: 10_000 });
  for (const key of keys) {
    const before = frame();
    app.stdin.write(key);
    await vi.waitFor(() => expect(frame()).not.toBe(before), { timeout: 10_000 });
  }
  await vi.waitFor(() => expect(frame()).toMatch(/^▶ /m), { timeout: 10_000 });
  return { frame, resize: (columns: number) => app.rerender(element(columns)) };
}

/** The list part of a line: before the detail pane's border, if there is one. */
const listPart = (line: string) => line.split('│')[0] ?? '';

/** Cell offsets where the header's words start, but for the right-aligned "#". */
function columnStarts(header: string): number[] {
  const starts: number[] = [];
  const cells = Array.from(header);
  cells.forEach((c, i) => {
    if (c !== ' ' && c !== '#' && (i === 0 || cells[i - 1] === ' ')) starts.push(i);
  });
  return starts;
}

function checkLayout(frame: string, width: number, what: string) {
  const lines = frame.split('\n');
  for (const line of lines)
    expect(
      cellWidth(line),
      `${what} at ${width}: a line wider than the terminal`,
    ).toBeLessThanOrEqual(width);
  const headerAt =
    lines.findIndex((l) => /^\d+( of \d+)? (claims|entities|relations|disagreements)/.test(l)) + 1;
  const selectedAt = lines.findIndex((l) => l.startsWith('▶ '));
  expect(headerAt, `${what} at ${width}: no column headers`).toBeGreaterThan(0);
  expect(selectedAt, `${what} at ${width}: no selected row`).toBeGreaterThan(headerAt);
  const header = listPart(lines[headerAt] ?? '');
  const rows: string[] = [];
  for (let i = headerAt + 1; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    const part = listPart(line);
    if (!/^(▶ | {2})/.test(part) || part.trim() === '' || /^\d+–\d+ of \d+$/.test(part.trim()))
      break;
    rows.push(part);
  }
  expect(rows.length, `${what} at ${width}: rows`).toBeGreaterThan(1);
  // One line per row: the selected row is followed by another row, not by its own text.
  const listWidth = Math.max(...rows.map((r) => cellWidth(r.trimEnd())));
  expect(listWidth, `${what} at ${width}`).toBeLessThanOrEqual(width);
  const starts = columnStarts(header).slice(1);
  for (const row of rows) {
    const cells = Array.from(row);
    for (const start of starts)
      expect(
        cells[start - 1],
        `${what} at ${width}: no gap before the column at cell ${start} in\n${header}\n${row}`,
      ).toBe(' ');
  }
  // Claim numbers are right-aligned under "#": they all end in the same cell.
  const numberEnds = rows.map((r) => /^(▶ | {2})[^#]*?\s(\d+) [“~·] /.exec(r)?.[0].length ?? -1);
  expect(
    new Set(numberEnds).size,
    `${what} at ${width}: claim numbers out of line:\n${rows.join('\n')}`,
  ).toBe(1);
}

describe('list layout at every width from 40 to 300', () => {
  const screens: [string, TabId, string][] = [
    ['the claims list', 'claims', ''],
    ['the entities list', 'entities', ''],
    ['an entity’s claims (Islamic State)', 'entities', ENTER],
    ['a speaker’s claims (Matthew Levitt)', 'entities', `jjjj${ENTER}`],
    ['the relations list', 'relations', ''],
    ['the disagreements list', 'disagreements', ''],
  ];
  for (const [what, tab, keys] of screens) {
    it(`lays out ${what}`, async () => {
      const ui = await start(tab, keys);
      for (const width of WIDTHS) {
        ui.resize(width);
        await vi.waitFor(() => expect(ui.frame().split('\n')[0]?.length).toBeGreaterThan(0), {
          timeout: 30_000,
        });
        checkLayout(ui.frame(), width, what);
      }
    }, 300_000);
  }
});

describe('layoutColumns', () => {
  const columns: Column<string>[] = [
    { header: '#', width: 3, text: () => '1' },
    { header: 'Speaker', width: 16, text: () => 'x' },
    { header: 'Claim', width: 'fill', min: 12, text: () => 'x' },
    { header: 'Modality', width: 11, hideBelow: 64, text: () => 'x' },
  ];
  it('fills exactly the width, never less than the fill minimum while there is room', () => {
    for (let width = 20; width <= 300; width += 1) {
      const placed = layoutColumns(columns, width);
      const total = placed.reduce((sum, p) => sum + p.width, 0) + placed.length - 1;
      expect(total).toBe(width);
      const claim = placed.find((p) => p.column.header === 'Claim');
      if (width >= 30) expect(claim?.width).toBeGreaterThanOrEqual(12);
    }
  });

  it('drops optional columns on narrow lists', () => {
    expect(layoutColumns(columns, 63).map((p) => p.column.header)).toEqual([
      '#',
      'Speaker',
      'Claim',
    ]);
    expect(layoutColumns(columns, 64)).toHaveLength(4);
  });
});
