import { Box, Text } from 'ink';
import { type ReactNode, useEffect, useMemo } from 'react';
import { describeError } from '../../api/errors.js';
import { type ArticleDocument, type ClaimDetail, requests } from '../../api/queries.js';
import type { QueryState } from '../../api/query-cache.js';
import { useArticle } from '../../hooks/useArticle.js';
import { useApi, useQuery } from '../../hooks/useQuery.js';
import { useNav, useScreenController } from '../../hooks/useScreen.js';
import type { ReaderFocus, Screen, ViewState } from '../../state/navigation.js';
import {
  highlightClaim,
  layoutArticle,
  quoteLines,
  type ReaderLine,
  selectedQuote,
} from '../../state/reader.js';
import { type RelatedClaim, relatedClaims } from '../../state/related.js';
import { positionLabel, reveal } from '../../state/viewport.js';
import { type Column, layoutColumns } from '../columns.js';
import { statedBy } from '../DetailPanes.js';
import {
  CERTAINTY_LABEL,
  channelLabel,
  claimKindLabel,
  claimLabel,
  modalityLabel,
  predicateLabel,
  quoteLabel,
} from '../labels.js';
import { ErrorView, Loading } from '../StatusViews.js';
import { fit } from '../text.js';
import { type Theme, useTheme } from '../theme.js';
import { entityScreen, type PaneSize, quoteScreen } from './ListScreens.js';

const GUTTER = 2;

/** One text node a line (the marker is its first span): a screenful lays out and draws sooner. */
function Line({ line, theme }: { line: ReaderLine; theme: Theme }) {
  return (
    <Text wrap="truncate-end">
      <Text {...theme.marker}>{line.marked ? '▌ ' : '  '}</Text>
      {line.spans.map((span) => (
        <Text key={span.offset} {...theme.reader[span.style]}>
          {span.text}
        </Text>
      ))}
    </Text>
  );
}

function entityName(doc: ArticleDocument, id: string): string {
  return doc.entities.find((e) => e.id === id)?.name ?? id;
}

/** The lines above the text: what the focus is, or the byline. */
function InfoBar({
  doc,
  focus,
  claimState,
  related,
  selectedRelated,
  width,
}: {
  doc: ArticleDocument;
  focus: ReaderFocus | null;
  claimState: QueryState<ClaimDetail>;
  related: RelatedClaim[];
  /** Index into `related`, or -1. */
  selectedRelated: number;
  width: number;
}) {
  const theme = useTheme();
  const article = useArticle();
  const { connection } = useApi();
  if (focus?.kind === 'claim') {
    if (claimState.status === 'loading') return <Text {...theme.muted}>Quote (loading…)</Text>;
    if (claimState.status === 'error')
      return (
        <Text wrap="wrap" {...theme.error}>
          {describeError(claimState.error, connection.source)}
        </Text>
      );
    const { claim, outlet } = claimState.data;
    return (
      <Box flexDirection="column">
        <Text wrap="truncate-end">
          <Text {...theme.accent}>{claim.speaker.name}</Text>
          <Text {...theme.muted}>
            {' '}
            · {claimKindLabel(claim.kind)} · {modalityLabel(claim.modality)} · {channelLabel(claim)}
            {outlet ? ` via ${outlet.name}` : ''}
          </Text>
        </Text>
        <Text wrap="truncate-end">{claim.statement}</Text>
        {related.length > 0 ? (
          <RelatedList related={related} selected={selectedRelated} width={width} />
        ) : null}
      </Box>
    );
  }
  if (focus?.kind === 'relation') {
    const relation = doc.relations.find((r) => r.id === focus.id);
    if (!relation) return <Text {...theme.muted}>Relation {focus.id}</Text>;
    return (
      <Text wrap="truncate-end">
        <Text {...theme.accent}>{entityName(doc, relation.subjectId)}</Text>{' '}
        {predicateLabel(relation.predicate)}{' '}
        <Text {...theme.accent}>{entityName(doc, relation.objectId)}</Text>
        <Text {...theme.muted}>
          {' '}
          · {CERTAINTY_LABEL[relation.certainty]} · stated by{' '}
          {statedBy(relation, (id) => {
            const claim = doc.claims.find((c) => c.id === id);
            return claim ? entityName(doc, claim.speakerId) : undefined;
          })}{' '}
          · the evidence is marked ▌
        </Text>
      </Text>
    );
  }
  const by = doc.article.authorIds.map((id) => entityName(doc, id)).join(', ');
  const date =
    doc.article.published.status === 'known' ? doc.article.published.date : 'date unknown';
  const shown = doc.article.id === article.id ? '' : ' · another article';
  return (
    <Text wrap="truncate-end" {...theme.muted}>
      {by ? `By ${by} · ` : ''}
      {doc.article.publisherId ? `${entityName(doc, doc.article.publisherId)} · ` : ''}
      {date}
      {shown} · <Text {...theme.reader.mention}>entity</Text>{' '}
      <Text {...theme.reader.quote}>quote</Text>
    </Text>
  );
}

/** At most this many linked claims show at once; the list scrolls with the selection. */
const RELATED_ROWS = 6;

function RelatedList({
  related,
  selected,
  width,
}: {
  related: RelatedClaim[];
  selected: number;
  width: number;
}) {
  const theme = useTheme();
  const first = Math.max(0, Math.min(selected - RELATED_ROWS + 1, related.length - RELATED_ROWS));
  const shown = related.slice(first, first + RELATED_ROWS);
  const placed = layoutColumns(RELATED_COLUMNS, width - 2);
  return (
    <Box flexDirection="column">
      <Text {...theme.muted} wrap="truncate-end">
        {related.length} linked {related.length === 1 ? 'claim' : 'claims'} (n/N select, Enter
        opens)
        {related.length > RELATED_ROWS ? ` · ${first + 1}–${first + shown.length}` : ''}
      </Text>
      {shown.map((r, i) => {
        const isSelected = first + i === selected;
        return (
          <Text key={`${r.relation}:${r.other.id}`} wrap="truncate-end">
            <Text {...(isSelected ? theme.marker : {})}>{isSelected ? '▶ ' : '  '}</Text>
            <Text {...(isSelected ? theme.selected : {})}>
              {placed.map((p) => fit(p.column.text(r), p.width)).join(' ')}
            </Text>
          </Text>
        );
      })}
    </Box>
  );
}

const RELATED_COLUMNS: Column<RelatedClaim>[] = [
  { header: 'How', width: 15, text: (r) => r.relation },
  { header: 'Claim', width: 9, text: (r) => claimLabel(r.other.id) },
  { header: 'Speaker', width: 16, text: (r) => r.other.speaker.name },
  { header: 'Text', width: 'fill', text: (r) => `“${r.other.text}”` },
];

function infoHeight(focus: ReaderFocus | null, related: number): number {
  if (focus?.kind !== 'claim') return 1;
  return 2 + (related > 0 ? 1 + Math.min(related, RELATED_ROWS) : 0);
}

/** The article text with mentions and quotes highlighted, opened at the focus when there is one. */
export function ReaderScreen({
  focus,
  articleId,
  ...size
}: PaneSize & { focus: ReaderFocus | null; articleId: string | null }) {
  const theme = useTheme();
  const article = useArticle();
  const { connection } = useApi();
  const { view, dispatch } = useNav();
  const state = useQuery(requests.document(articleId ?? article.id));
  const doc = state.status === 'success' ? state.data : null;
  const claimState = useQuery(focus?.kind === 'claim' ? requests.claim(focus.id) : null);
  const related = useMemo(
    () => (claimState.status === 'success' ? relatedClaims(claimState.data) : []),
    [claimState],
  );
  // At a claim the cursor picks a linked claim: 0 is none, i + 1 is related[i].
  const selectedRelated = focus?.kind === 'claim' ? Math.min(view.cursor, related.length) - 1 : -1;
  const textWidth = Math.max(10, Math.min(size.width - GUTTER, 100));
  const layout = useMemo(
    () => (doc ? layoutArticle(doc, textWidth, focus) : null),
    [doc, textWidth, focus],
  );
  const top = infoHeight(focus, related.length);
  // Info bar, a blank line, the text, the position line.
  const textHeight = Math.max(1, size.height - top - 2);
  const count = layout?.lines.length ?? 0;
  const initial = layout?.focusLine != null ? reveal(layout.focusLine, count, textHeight) : 0;
  const scroll = Math.min(view.positioned ? view.scroll : initial, Math.max(0, count - textHeight));

  useEffect(() => {
    if (layout && !view.positioned) dispatch({ type: 'scrollTo', scroll: initial });
  }, [layout, view.positioned, initial, dispatch]);

  // In the plain article (or at a paragraph) one quote is selected; n/N move it, Enter opens it.
  const selecting = focus === null || focus.kind === 'block';
  // At a paragraph, only its own quotes: the one selected is always inside what is marked.
  const quotes = useMemo(
    () =>
      layout && selecting
        ? quoteLines(layout).filter(
            (q) => focus?.kind !== 'block' || layout.lines[q.line]?.marked === true,
          )
        : [],
    [layout, selecting, focus],
  );
  const selected = selecting ? selectedQuote(quotes, view.cursor, scroll, textHeight) : null;
  const selectedId = selected === null ? null : (quotes[selected]?.id ?? null);
  // The lines on screen, with the selected quote marked.
  const visible = layout?.lines.slice(scroll, scroll + textHeight) ?? [];
  const shown = doc && selectedId ? highlightClaim(visible, doc, selectedId) : visible;
  const selectQuote = (latest: ViewState, delta: 1 | -1) => {
    const top = latest.positioned
      ? Math.min(latest.scroll, Math.max(0, count - textHeight))
      : scroll;
    const current = selectedQuote(quotes, latest.cursor, top, textHeight);
    const next =
      current === null
        ? quotes.findIndex((q) => (delta > 0 ? q.line >= top : q.line >= 0))
        : current + delta;
    const quote = quotes[next];
    if (!quote) return null;
    const onScreen = quote.line >= top && quote.line < top + textHeight;
    return { cursor: next, scroll: onScreen ? top : reveal(quote.line, count, textHeight) };
  };

  const selectRelated = (latest: ViewState, delta: 1 | -1) => {
    const cursor = Math.max(
      0,
      Math.min(Math.min(latest.cursor, related.length) + delta, related.length),
    );
    return { cursor, scroll: latest.positioned ? latest.scroll : scroll };
  };

  const open = (latest: ViewState): Screen | null => {
    if (!doc || !layout) return null;
    const linked =
      focus?.kind === 'claim' ? related[Math.min(latest.cursor, related.length) - 1] : undefined;
    if (linked) return quoteScreen(linked.other);
    if (focus?.kind === 'claim') {
      const claim = doc.claims.find((c) => c.id === focus.id);
      return claim
        ? entityScreen({ id: claim.speakerId, name: entityName(doc, claim.speakerId) })
        : null;
    }
    if (focus?.kind === 'relation') {
      const relation = doc.relations.find((r) => r.id === focus.id);
      return relation
        ? entityScreen({ id: relation.subjectId, name: entityName(doc, relation.subjectId) })
        : null;
    }
    // Otherwise the selected quote.
    const top = latest.positioned
      ? Math.min(latest.scroll, Math.max(0, count - textHeight))
      : scroll;
    const index = selectedQuote(quotes, latest.cursor, top, textHeight);
    const id = index === null ? undefined : quotes[index]?.id;
    const claim = doc.claims.find((c) => c.id === id);
    if (!claim) return null;
    return {
      kind: 'reader',
      label: quoteLabel({ text: claim.content.map((a) => a.quote.exact).join(' … ') }),
      focus: { kind: 'claim', id: claim.id },
      articleId: doc.article.id,
    };
  };
  useScreenController({
    ...(selecting ? { selectQuote } : {}),
    ...(focus?.kind === 'claim' && related.length > 0 ? { selectQuote: selectRelated } : {}),
    mode: layout ? 'reader' : 'none',
    loading: state.status === 'loading',
    count,
    height: textHeight,
    open,
  });

  const hint = selecting
    ? selected === null || selectedId === null
      ? ''
      : `${claimLabel(selectedId)} (${selected + 1} of ${quotes.length}${focus ? ' here' : ''}) · Enter opens · `
    : selectedRelated >= 0 && related[selectedRelated]
      ? `Enter: ${claimLabel(related[selectedRelated].other.id)} · `
      : `Enter: the ${focus?.kind === 'claim' ? 'speaker' : 'subject'} · `;
  let body: ReactNode;
  if (state.status === 'loading') body = <Loading what="the article" />;
  else if (state.status === 'error')
    body = <ErrorView message={describeError(state.error, connection.source)} />;
  else if (doc && layout) {
    body = (
      <Box flexDirection="column">
        <Box height={top} flexDirection="column" overflow="hidden">
          <InfoBar
            doc={doc}
            focus={focus}
            claimState={claimState}
            related={related}
            selectedRelated={selectedRelated}
            width={Math.min(size.width, textWidth + GUTTER)}
          />
        </Box>
        <Text> </Text>
        <Box height={textHeight} flexDirection="column" overflow="hidden">
          {shown.map((line, i) => (
            <Line
              key={scroll + i}
              // The passage the screen opened at stays marked while a quote is selected.
              line={{ ...line, marked: line.marked || (layout.lines[scroll + i]?.marked ?? false) }}
              theme={theme}
            />
          ))}
        </Box>
        <Box justifyContent="flex-end" width={Math.min(size.width, textWidth + GUTTER)}>
          <Text {...theme.muted}>
            {hint}
            lines {positionLabel(scroll, textHeight, count)}
          </Text>
        </Box>
      </Box>
    );
  }
  return (
    <Box flexDirection="column" width={size.width} height={size.height}>
      {body}
    </Box>
  );
}
