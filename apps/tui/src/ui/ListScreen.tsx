import { formatCount } from '@claimscope/schema/display';
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { describeError } from '../api/errors.js';
import type { QueryState } from '../api/query-cache.js';
import { useApi } from '../hooks/useQuery.js';
import { useNav, useScreenController } from '../hooks/useScreen.js';
import { filterRows } from '../state/filter.js';
import type { NavAction, Screen } from '../state/navigation.js';
import { positionLabel, settle } from '../state/viewport.js';
import { type Column, layoutColumns, type PlacedColumn } from './columns.js';
import { EmptyView, ErrorView, Loading } from './StatusViews.js';
import { cellWidth, fit, fitRuns, highlightRuns } from './text.js';
import { useTheme } from './theme.js';

export type { Column } from './columns.js';

/** Side by side from this many columns; one pane below it, so the rows keep room for text. */
export const WIDE_LAYOUT_COLUMNS = 100;

/** The list's share of a wide screen: the detail pane takes about a third, up to 64 cells. */
export function paneWidths(width: number): { list: number; detail: number } {
  const detail = Math.max(34, Math.min(64, Math.floor(width * 0.36)));
  return { list: width - detail - 3, detail };
}

const MARKER_WIDTH = 2;

export interface ListScreenProps<T> {
  /** Plural noun for messages: "entities". */
  what: string;
  state: QueryState<T[]>;
  columns: Column<T>[];
  /** The text `/` filters on. Omit when the screen's input is not a local filter (search). */
  filterText?: (row: T) => string;
  detail?: (row: T, width: number) => ReactNode;
  open: (row: T) => Screen | NavAction | null;
  /** The count on the title line, when the rows are not all there are ("40 of 96"). */
  count?: string;
  /** What a filter's matches are out of, when `state` holds only some rows (the API filtered). */
  filterOutOf?: number;
  /** Explains marks in the rows, after the count on the title line. */
  legend?: string;
  /** Shown above the list, taking `headerHeight` lines. */
  header?: ReactNode;
  headerHeight?: number;
  emptyMessage: string;
  emptyHint?: string;
  /** Replaces the usual filter line (the search box). */
  inputLabel?: string;
  /** An answer is on its way that `state` does not show yet (a debounced search). */
  pending?: boolean;
  width: number;
  height: number;
}

function InputLine({
  label,
  text,
  typing,
  width,
  matches,
}: {
  label: string;
  text: string;
  typing: boolean;
  width: number;
  matches: string;
}) {
  const theme = useTheme();
  const prompt = `${label} `;
  const room = Math.max(1, width - cellWidth(prompt) - cellWidth(matches) - 2);
  // Show the end of a long input, where you are typing.
  const chars = Array.from(text);
  let shown = '';
  for (let i = chars.length - 1; i >= 0 && cellWidth(chars[i] + shown) <= room; i -= 1)
    shown = chars[i] + shown;
  return (
    <Box width={width}>
      <Text {...(typing ? theme.accent : theme.muted)}>{prompt}</Text>
      <Text>{shown}</Text>
      {typing ? <Text inverse> </Text> : null}
      <Box flexGrow={1} />
      <Text {...theme.muted}>{matches}</Text>
    </Box>
  );
}

/**
 * A list of rows with loading, error and empty states, a `/` filter, a position indicator and,
 * when wide enough, a detail pane for the selected row. Only the visible rows are rendered.
 */
export function ListScreen<T>(props: ListScreenProps<T>) {
  const { state, width, height, columns } = props;
  const theme = useTheme();
  const { connection } = useApi();
  const nav = useNav();
  const { view } = nav;
  const typing = nav.state.typing;
  const headerHeight = props.header ? (props.headerHeight ?? 1) : 0;

  const all = state.status === 'success' ? state.data : [];
  const rows =
    props.filterText && view.filter ? filterRows(all, view.filter, props.filterText) : all;
  // The detail pane only beside rows: messages (loading, errors) get the whole width.
  const wide =
    width >= WIDE_LAYOUT_COLUMNS &&
    props.detail !== undefined &&
    state.status === 'success' &&
    all.length > 0;
  const { list: listWidth, detail: detailWidth } = wide
    ? paneWidths(width)
    : { list: width, detail: 0 };
  const placed = layoutColumns(columns, listWidth - MARKER_WIDTH);
  const showHeaders = state.status === 'success' && rows.length > 0;
  // One line for the filter, one for the column headers, one for the position.
  const rowsHeight = Math.max(1, height - headerHeight - 3);
  const { cursor, scroll } = settle(view, rows.length, rowsHeight);
  const selected = rows[cursor];

  useScreenController({
    mode: state.status === 'success' ? 'list' : 'none',
    loading: state.status === 'loading' || props.pending === true,
    count: rows.length,
    height: rowsHeight,
    open: (latest) => {
      const row = rows[settle(latest, rows.length, rowsHeight).cursor];
      return row === undefined ? null : props.open(row);
    },
  });

  const showInput = props.inputLabel !== undefined || typing || view.filter !== '';
  const filtered =
    props.filterText && view.filter
      ? `${formatCount(rows.length)} of ${formatCount(props.filterOutOf ?? all.length)} match`
      : '';
  const title =
    showInput || state.status !== 'success' ? (
      <Text> </Text>
    ) : (
      <Text {...theme.muted} wrap="truncate-end">
        {props.count ?? formatCount(all.length)} {props.what}
        {props.filterText ? '  (/ to filter)' : ''}
        {props.legend ? `   ${props.legend}` : ''}
      </Text>
    );

  let body: ReactNode;
  if (state.status === 'loading') body = <Loading what={props.what} />;
  else if (state.status === 'error')
    body = <ErrorView message={describeError(state.error, connection.source)} />;
  else if (all.length === 0)
    body = <EmptyView message={props.emptyMessage} hint={props.emptyHint} />;
  else if (rows.length === 0 && props.pending) body = <Loading what={props.what} />;
  else if (rows.length === 0)
    body = (
      <EmptyView
        message={`No ${props.what} match “${view.filter}”.`}
        hint="Esc clears the filter."
      />
    );
  else {
    body = (
      <Box flexDirection="column">
        {rows.slice(scroll, scroll + rowsHeight).map((row, i) => (
          <ListRow
            key={scroll + i}
            row={row}
            placed={placed}
            selected={scroll + i === cursor}
            width={listWidth}
          />
        ))}
      </Box>
    );
  }

  const position =
    state.status === 'success' && rows.length > 0
      ? positionLabel(scroll, rowsHeight, rows.length)
      : '';
  return (
    <Box flexDirection="column" width={width} height={height}>
      {props.header ? (
        <Box height={headerHeight} overflow="hidden" flexDirection="column">
          {props.header}
        </Box>
      ) : null}
      <Box flexDirection="row" height={height - headerHeight}>
        <Box flexDirection="column" width={listWidth}>
          {showInput ? (
            <InputLine
              label={props.inputLabel ?? '/'}
              text={view.filter}
              typing={typing}
              width={listWidth}
              matches={filtered}
            />
          ) : (
            title
          )}
          <Text wrap="truncate-end" {...theme.muted}>
            {showHeaders ? headerLine(placed) : ' '}
          </Text>
          <Box height={rowsHeight} flexDirection="column" overflow="hidden">
            {body}
          </Box>
          <Box width={listWidth} justifyContent="flex-end">
            <Text {...theme.muted}>{position}</Text>
          </Box>
        </Box>
        {wide ? (
          <Box
            marginLeft={1}
            paddingLeft={1}
            width={detailWidth + 2}
            borderStyle="single"
            borderTop={false}
            borderBottom={false}
            borderRight={false}
            borderDimColor
            flexDirection="column"
            overflow="hidden"
          >
            {selected !== undefined && props.detail ? props.detail(selected, detailWidth) : null}
          </Box>
        ) : null}
      </Box>
    </Box>
  );
}

function cell<T>({ column, width }: PlacedColumn<T>, row: T): string {
  const text = column.text(row);
  if (column.align !== 'right') return fit(text, width);
  const cut = fit(text, width).trimEnd();
  return ' '.repeat(Math.max(0, width - cellWidth(cut))) + cut;
}

/** The column headers, placed exactly over their columns. */
export function headerLine<T>(placed: readonly PlacedColumn<T>[]): string {
  const marker = ' '.repeat(MARKER_WIDTH);
  return (
    marker +
    placed
      .map(({ column, width }) =>
        column.align === 'right'
          ? fit(column.header, width).trimEnd().padStart(width)
          : fit(column.header, width),
      )
      .join(' ')
  );
}

/** One row on one line: a single Text that truncates, so it can never wrap or shift. */
function ListRow<T>({
  row,
  placed,
  selected,
  width,
}: {
  row: T;
  placed: readonly PlacedColumn<T>[];
  selected: boolean;
  width: number;
}) {
  const theme = useTheme();
  return (
    <Box width={width} height={1}>
      <Text wrap="truncate-end">
        <Text {...(selected ? theme.marker : {})}>{selected ? '▶ ' : '  '}</Text>
        {placed.map((place, c) => {
          const { column, width: w } = place;
          const style = selected ? theme.selected : (column.style?.(row) ?? {});
          const gap = c < placed.length - 1 ? ' ' : '';
          if (!column.highlights)
            return (
              <Text key={c}>
                <Text {...style}>{cell(place, row)}</Text>
                {gap}
              </Text>
            );
          const runs = fitRuns(highlightRuns(column.text(row), column.highlights(row)), w);
          return (
            <Text key={c}>
              <Text {...style}>
                {runs.map((run, r) => (
                  <Text key={r} {...(run.strong ? theme.match : {})}>
                    {run.text}
                  </Text>
                ))}
              </Text>
              {gap}
            </Text>
          );
        })}
      </Text>
    </Box>
  );
}
