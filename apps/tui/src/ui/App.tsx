import { Box, useApp, useInput, useStdin } from 'ink';
import { type ReactNode, useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import type { Connection } from '../api/client.js';
import { describeError } from '../api/errors.js';
import { requests } from '../api/queries.js';
import { QueryCache } from '../api/query-cache.js';
import { ArticleContext } from '../hooks/useArticle.js';
import { ApiContext, useApi, useQuery, useQueryCache } from '../hooks/useQuery.js';
import { NavContext, NO_CONTROLLER, type ScreenController } from '../hooks/useScreen.js';
import { type TerminalSize, useTerminalSize } from '../hooks/useTerminalSize.js';
import { type Command, footerHints, type Mode, resolveKey } from '../keys/keymap.js';
import { type KeyPress, toKeyPresses } from '../keys/keypress.js';
import {
  currentScreen,
  currentStack,
  currentView,
  initialNavState,
  type NavAction,
  type NavState,
  navigationReducer,
  type Screen,
  TABS,
  type TabId,
} from '../state/navigation.js';
import type { Motion } from '../state/viewport.js';
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
  ClaimsScreen,
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

const MOTIONS: ReadonlySet<string> = new Set<Motion>([
  'down',
  'up',
  'pageDown',
  'pageUp',
  'halfPageDown',
  'halfPageUp',
  'top',
  'bottom',
]);

/** The modes in force right now, for resolving keys and for the footer. */
export function activeModes(
  state: NavState,
  controller: ScreenController,
  hasErrors: boolean,
): Set<Mode> {
  const modes = new Set<Mode>(['always', 'global']);
  if (state.help) modes.add('help');
  if (state.typing) modes.add('input');
  if (hasErrors) modes.add('error');
  if (controller.mode !== 'none') modes.add(controller.mode);
  return modes;
}

/** What a command does: a navigation action, quitting, or a side effect (retry) and nothing. */
function runCommand(
  command: Command,
  press: KeyPress,
  state: NavState,
  ctl: ScreenController,
  cache: QueryCache,
): NavAction | 'exit' | null {
  if (state.help && (command === 'down' || command === 'up'))
    return { type: 'scrollHelp', delta: command === 'down' ? 1 : -1, max: ctl.count - ctl.height };
  if (MOTIONS.has(command))
    return {
      type: 'move',
      motion: command as Motion,
      count: ctl.count,
      height: ctl.height,
      scrolls: ctl.mode === 'reader',
    };
  switch (command) {
    case 'quit':
    case 'quitNow':
      return 'exit';
    case 'help':
      return { type: 'toggleHelp' };
    case 'closeHelp':
      return { type: 'closeHelp' };
    case 'inputAccept':
      return { type: 'acceptInput' };
    case 'inputCancel':
      return { type: 'cancelInput' };
    case 'inputDelete':
      return { type: 'deleteChar' };
    case 'inputClear':
      return { type: 'clearInput' };
    case 'retry':
      cache.retryFailed();
      return null;
    case 'filter':
      return { type: 'focusInput' };
    case 'nextQuote':
    case 'prevQuote': {
      const next = ctl.selectQuote?.(currentView(state), command === 'nextQuote' ? 1 : -1);
      return next ? { type: 'select', ...next } : null;
    }
    case 'open': {
      const next = ctl.open?.(currentView(state));
      return next ? { type: 'push', screen: next } : null;
    }
    case 'switchTab': {
      const tab = TABS[Number(press.char) - 1];
      return tab ? { type: 'switchTab', tab } : null;
    }
    case 'nextTab':
      return { type: 'cycleTab', delta: 1 };
    case 'prevTab':
      return { type: 'cycleTab', delta: -1 };
    case 'back':
      return { type: 'back' };
    default:
      return null;
  }
}

/** Changes when a different screen (or the help) is shown, whose controller is not known yet. */
function screenIdentity(state: NavState): string {
  return `${state.tab}:${currentStack(state).length}:${state.help}`;
}

/**
 * One key handler for the whole app. Keys wait in a queue: several can arrive in one read, and
 * after a key that changes the screen the rest wait until the new screen has rendered and told
 * the handler what it holds, so "2 j j Enter" opens the third entity, not something else.
 */
function useAppKeys(
  stateRef: { current: NavState },
  controller: { current: ScreenController },
  dispatch: (a: NavAction) => void,
  cache: QueryCache,
) {
  const { exit } = useApp();
  const { isRawModeSupported } = useStdin();
  const queue = useRef<KeyPress[]>([]);
  const drain = useCallback(() => {
    let state = stateRef.current;
    while (queue.current.length > 0) {
      const press = queue.current.shift() as KeyPress;
      const resolution = resolveKey(
        press,
        activeModes(state, controller.current, cache.hasErrors()),
      );
      if (resolution.kind === 'none' && controller.current.loading) {
        // Meant for the list or text still loading: keep it until the screen is ready, unless a
        // later key means something now (another tab, quit), in which case the user moved on.
        const modes = activeModes(state, controller.current, cache.hasErrors());
        const later = queue.current.findIndex((p) => resolveKey(p, modes).kind !== 'none');
        if (later === -1) {
          queue.current.unshift(press);
          return;
        }
        queue.current.splice(0, later);
        continue;
      }
      let action: NavAction | null = null;
      if (resolution.kind === 'text') action = { type: 'type', text: resolution.text };
      else if (resolution.kind === 'command') {
        const outcome = runCommand(
          resolution.command,
          resolution.press,
          state,
          controller.current,
          cache,
        );
        if (outcome === 'exit') {
          queue.current = [];
          return exit();
        }
        action = outcome;
      }
      if (!action) continue;
      const before = screenIdentity(state);
      state = navigationReducer(state, action);
      stateRef.current = state;
      dispatch(action);
      if (screenIdentity(state) !== before) return;
    }
  }, [stateRef, controller, cache, dispatch, exit]);
  // After each render the current screen has registered itself: carry on with waiting keys.
  useEffect(() => {
    if (queue.current.length > 0) drain();
  });
  useInput(
    (input, key) => {
      queue.current.push(...toKeyPresses(input, key));
      drain();
    },
    { isActive: isRawModeSupported === true },
  );
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
  useAppKeys(stateRef, controller, dispatch, cache);
  const articles = useQuery(requests.articles());
  // The screen rendered below sets its own controller during this render.
  controller.current =
    articles.status === 'loading' ? { ...NO_CONTROLLER, loading: true } : NO_CONTROLLER;

  // One line short of the terminal: a frame as tall as the screen makes Ink clear it each time.
  const height = rows - 1;
  if (columns < MIN_COLUMNS || height < MIN_ROWS - 1)
    return <TooSmall columns={columns} rows={rows} />;

  const screen = currentScreen(state);
  const bodyHeight = height - 3;
  let body: ReactNode;
  let article = null;
  if (state.help)
    body = <HelpOverlay width={columns} height={bodyHeight} scroll={state.helpScroll} />;
  else if (articles.status === 'loading') body = <Loading what="articles" />;
  else if (articles.status === 'error') body = <ArticlesError error={articles.error} />;
  else {
    article = articleId ? articles.data.find((a) => a.id === articleId) : articles.data[0];
    if (!article)
      body = articleId ? (
        <EmptyView
          message={`No article with id “${articleId}”.`}
          hint={`Articles: ${articles.data.map((a) => a.id).join(', ') || 'none'}`}
        />
      ) : (
        <EmptyView message="The corpus has no articles." />
      );
    else body = <ScreenView screen={screen} size={{ width: columns, height: bodyHeight }} />;
  }
  // The footer reflects the controller the screen set while rendering above, so build it last.
  const footer = <FooterFor state={state} controller={controller} width={columns} />;
  return (
    <NavContext.Provider value={{ state, dispatch, view: currentView(state), controller }}>
      <ArticleContext.Provider value={article ?? null}>
        <Box flexDirection="column" width={columns} height={height}>
          <TabBar tab={state.tab} source={connection.source} width={columns} />
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

function ArticlesError({ error }: { error: unknown }) {
  const { connection } = useApi();
  return <ErrorView message={describeError(error, connection.source)} />;
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
