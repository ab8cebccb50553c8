import { formatCount } from '@claimscope/schema/display';
import { Box } from 'ink';
import { type ReactNode, useMemo, useReducer, useRef } from 'react';
import type { Connection } from '../api/client.js';
import { describeError, isNotFound } from '../api/errors.js';
import { type ArticleSummary, requests } from '../api/queries.js';
import { QueryCache } from '../api/query-cache.js';
import { ArticleContext } from '../hooks/useArticle.js';
import { useArticlePages } from '../hooks/useArticlePages.js';
import { activeModes, useKeyHandler } from '../hooks/useKeyHandler.js';
import { ApiContext, useApi, useQuery, useQueryCache } from '../hooks/useQuery.js';
import {
  NavContext,
  NO_CONTROLLER,
  type ScreenController,
  useScreenController,
} from '../hooks/useScreen.js';
import { type TerminalSize, useTerminalSize } from '../hooks/useTerminalSize.js';
import { footerHints } from '../keys/keyHelp.js';
import {
  currentScreen,
  currentStack,
  currentView,
  initialNavState,
  type NavState,
  navigationReducer,
  type Screen,
  type TabId,
} from '../state/navigation.js';
import {
  Breadcrumb,
  Footer,
  HelpOverlay,
  MIN_COLUMNS,
  MIN_ROWS,
  TabBar,
  TooSmall,
} from './Chrome.js';
import { EmptyView, ErrorView, Loading } from './StatusViews.js';
import {
  ArticlesScreen,
  ClaimsScreen,
  DisagreementsScreen,
  EntitiesScreen,
  EntityClaimsScreen,
  type PaneSize,
  RelationsScreen,
  SearchScreen,
} from './screens/ListScreens.js';
import { ReaderScreen } from './screens/ReaderScreen.js';
import { type Theme, ThemeContext } from './theme.js';

export interface AppProps {
  connection: Connection;
  theme: Theme;
  /** `--article`; null shows the first article. */
  articleId: string | null;
  initialTab?: TabId;
  /** Fixes the size instead of following the terminal (tests). */
  size?: TerminalSize;
  cache?: QueryCache;
}

function ScreenView({ screen, size }: { screen: Screen; size: PaneSize }) {
  switch (screen.kind) {
    case 'reader':
      return <ReaderScreen {...size} focus={screen.focus} articleId={screen.articleId} />;
    case 'entities':
      return <EntitiesScreen {...size} />;
    case 'entity':
      return <EntityClaimsScreen {...size} entityId={screen.entityId} />;
    case 'claims':
      return <ClaimsScreen {...size} />;
    case 'relations':
      return <RelationsScreen {...size} />;
    case 'search':
      return <SearchScreen {...size} />;
    case 'disagreements':
      return <DisagreementsScreen {...size} />;
    case 'articles':
      return <ArticlesScreen {...size} />;
  }
}

function Shell({
  articleId,
  initialTab,
  size: fixedSize,
}: Pick<AppProps, 'articleId' | 'initialTab' | 'size'>) {
  const terminal = useTerminalSize();
  const { columns, rows } = fixedSize ?? terminal;
  const [state, dispatch] = useReducer(navigationReducer, initialTab ?? 'article', initialNavState);
  const stateRef = useRef(state);
  stateRef.current = state;
  const controller = useRef<ScreenController>(NO_CONTROLLER);
  const cache = useQueryCache();
  const { connection } = useApi();
  useKeyHandler(stateRef, controller, dispatch, cache);
  const articles = useArticlePages();
  const chosen = state.articleId ?? articleId;
  const listed = articles.state.status === 'success' ? articles.state.data : [];
  const onPage = chosen ? listed.find((a) => a.id === chosen) : listed[0];
  // An article past the pages read so far (`--article`, or one picked far down the list).
  const lookedUp = useQuery(
    chosen && !onPage && articles.state.status === 'success'
      ? requests.articleSummary(chosen)
      : null,
  );

  // One line short of the terminal: a frame as tall as the screen makes Ink clear it each time.
  const height = rows - 1;
  if (columns < MIN_COLUMNS || height < MIN_ROWS - 1)
    return (
      <NavContext.Provider value={{ state, dispatch, view: currentView(state), controller }}>
        <NoScreen />
        <TooSmall columns={columns} rows={rows} />
      </NavContext.Provider>
    );

  const screen = currentScreen(state);
  const bodyHeight = height - 3;
  let body: ReactNode;
  let article = null;
  if (state.help)
    body = <HelpOverlay width={columns} height={bodyHeight} scroll={state.helpScroll} />;
  else if (articles.state.status === 'loading') body = <NoScreen loading what="articles" />;
  else if (articles.state.status === 'error') body = <ArticlesError error={articles.state.error} />;
  else {
    article = onPage ?? (lookedUp.status === 'success' ? lookedUp.data : null);
    if (article)
      body = <ScreenView screen={screen} size={{ width: columns, height: bodyHeight }} />;
    else if (chosen && lookedUp.status === 'loading')
      body = <NoScreen loading what="the article" />;
    else if (chosen && lookedUp.status === 'error' && !isNotFound(lookedUp.error))
      body = <ArticlesError error={lookedUp.error} />;
    else
      body = (
        <>
          <NoScreen />
          {chosen ? (
            <EmptyView
              message={`No article with id “${chosen}”.`}
              hint={articleIdsHint(listed, articles.total)}
            />
          ) : (
            <EmptyView message="The corpus has no articles." />
          )}
        </>
      );
  }
  // The footer reflects the controller the screen set while rendering above, so build it last.
  const footer = <FooterFor state={state} controller={controller} width={columns} />;
  return (
    <NavContext.Provider value={{ state, dispatch, view: currentView(state), controller }}>
      <ArticleContext.Provider value={article ? { article } : null}>
        <Box flexDirection="column" width={columns} height={height}>
          <TabBar
            tab={state.tab}
            source={connection.source}
            failing={cache.hasErrors()}
            width={columns}
          />
          <Breadcrumb stack={currentStack(state)} width={columns} />
          <Box height={bodyHeight} flexDirection="column" overflow="hidden">
            {body}
          </Box>
          {footer}
        </Box>
      </ArticleContext.Provider>
    </NavContext.Provider>
  );
}

/**
 * Stands where no screen is (loading, an error, a message) and tells the key handler so. Each
 * screen registers itself as it renders; the shell never does, because React may run the shell
 * without re-rendering the screen below it.
 */
function NoScreen({ loading = false, what }: { loading?: boolean; what?: string }) {
  useScreenController(loading ? { ...NO_CONTROLLER, loading: true } : NO_CONTROLLER);
  return loading && what ? <Loading what={what} /> : null;
}

/** A few of the corpus's article ids, for a user who asked for one that is not there. */
function articleIdsHint(listed: readonly ArticleSummary[], total: number): string {
  if (total === 0) return 'The corpus has no articles.';
  const shown = listed.slice(0, 5).map((a) => a.id);
  const rest = total - shown.length;
  return `Articles: ${shown.join(', ')}${rest > 0 ? ` and ${formatCount(rest)} more` : ''}`;
}

function ArticlesError({ error }: { error: unknown }) {
  const { connection } = useApi();
  return (
    <>
      <NoScreen />
      <ErrorView message={describeError(error, connection.source)} />
    </>
  );
}

/** Rendered after the body, so the body's screen has registered its controller by then. */
function FooterFor({
  state,
  controller,
  width,
}: {
  state: NavState;
  controller: { current: ScreenController };
  width: number;
}) {
  const cache = useQueryCache();
  const modes = activeModes(state, controller.current, cache.hasErrors());
  return <Footer hints={footerHints(modes)} width={width} />;
}

export function App({ connection, theme, articleId, initialTab, size, cache }: AppProps) {
  const queryCache = useMemo(() => cache ?? new QueryCache(), [cache]);
  return (
    <ThemeContext.Provider value={theme}>
      <ApiContext.Provider value={{ connection, cache: queryCache }}>
        <Shell articleId={articleId} initialTab={initialTab} size={size} />
      </ApiContext.Provider>
    </ThemeContext.Provider>
  );
}
