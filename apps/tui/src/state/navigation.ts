import type { ArticleSort } from '../api/queries.js';
import { type Motion, moveCursor, moveScroll, type Viewport } from './viewport.js';

export const TABS = [
  'article',
  'entities',
  'claims',
  'relations',
  'search',
  'disagreements',
] as const;
export type TabId = (typeof TABS)[number];

export const TAB_TITLES: Record<TabId, string> = {
  article: 'Article',
  entities: 'Entities',
  claims: 'Claims',
  relations: 'Relations',
  search: 'Search',
  disagreements: 'Disagreements',
};

/** What the article text should open at and highlight. */
export type ReaderFocus =
  | { kind: 'claim'; id: string }
  | { kind: 'relation'; id: string }
  | { kind: 'block'; id: string };

/** One screen in a tab's stack. `label` is what the breadcrumb shows for it. */
export type Screen =
  /** `articleId` null: the article the app shows; search results can lead to another. */
  | { kind: 'reader'; label: string; focus: ReaderFocus | null; articleId: string | null }
  | { kind: 'entities'; label: string }
  | { kind: 'entity'; label: string; entityId: string }
  | { kind: 'claims'; label: string }
  | { kind: 'relations'; label: string }
  | { kind: 'search'; label: string }
  | { kind: 'disagreements'; label: string }
  | { kind: 'articles'; label: string };

/**
 * What each screen remembers while you are elsewhere: selection, scroll, filter text, and how
 * much of each of its paged lists it has loaded.
 */
export interface ViewState extends Viewport {
  filter: string;
  /** Set once a reader has scrolled to its focus, so returning keeps the reader's own scroll. */
  positioned: boolean;
  /** Rows of each paged list shown (an entity's claims: `said`, `about`); absent: one page. */
  shown?: Readonly<Record<string, number>>;
}

export interface NavState {
  tab: TabId;
  stacks: Record<TabId, Screen[]>;
  /** Keyed by `viewKey(tab, depth)`. */
  views: Record<string, ViewState>;
  help: boolean;
  helpScroll: number;
  /** True while typing into the current screen's filter (or the search box). */
  typing: boolean;
  /** The article chosen in the picker; null: the one given at start, else the first. */
  articleId: string | null;
  /** The order of the article picker (`o` cycles through ARTICLE_SORT_ORDER). */
  articleSort: ArticleSort;
}

export type NavAction =
  | { type: 'switchTab'; tab: TabId }
  | { type: 'cycleTab'; delta: 1 | -1 }
  | { type: 'push'; screen: Screen }
  | { type: 'back' }
  | { type: 'move'; motion: Motion; count: number; height: number; scrolls: boolean }
  | { type: 'scrollTo'; scroll: number }
  | { type: 'select'; cursor: number; scroll: number }
  /** The current screen shows `count` rows of its paged list `list`. */
  | { type: 'showMore'; list: string; count: number }
  | { type: 'focusInput' }
  | { type: 'type'; text: string }
  | { type: 'deleteChar' }
  | { type: 'clearInput' }
  | { type: 'acceptInput' }
  | { type: 'cancelInput' }
  | { type: 'toggleHelp' }
  | { type: 'scrollHelp'; delta: number; max: number }
  | { type: 'closeHelp' }
  /** Shows another article in every tab, each back at its first screen. */
  | { type: 'chooseArticle'; articleId: string }
  /** The article picker in its next order, from its first row. */
  | { type: 'nextArticleSort' };

/** The article picker's orders, in the order `o` goes through them. */
export const ARTICLE_SORT_ORDER: readonly ArticleSort[] = [
  'added',
  'recent',
  'newest',
  'oldest',
  'headline',
  'claims',
];

export const EMPTY_VIEW: ViewState = { cursor: 0, scroll: 0, filter: '', positioned: false };

const ROOT_SCREENS: Record<TabId, Screen> = {
  article: { kind: 'reader', label: 'Article', focus: null, articleId: null },
  entities: { kind: 'entities', label: 'Entities' },
  claims: { kind: 'claims', label: 'Claims' },
  relations: { kind: 'relations', label: 'Relations' },
  search: { kind: 'search', label: 'Search' },
  disagreements: { kind: 'disagreements', label: 'Disagreements' },
};

export function viewKey(tab: TabId, depth: number): string {
  return `${tab}:${depth}`;
}

export function initialNavState(tab: TabId = 'article'): NavState {
  const stacks = Object.fromEntries(TABS.map((t) => [t, [ROOT_SCREENS[t]]])) as Record<
    TabId,
    Screen[]
  >;
  return {
    tab,
    stacks,
    views: {},
    help: false,
    helpScroll: 0,
    typing: tab === 'search',
    articleId: null,
    articleSort: 'added',
  };
}

export function currentStack(state: NavState): Screen[] {
  return state.stacks[state.tab];
}

export function currentScreen(state: NavState): Screen {
  const stack = currentStack(state);
  return stack[stack.length - 1] ?? ROOT_SCREENS[state.tab];
}

export function currentViewKey(state: NavState): string {
  return viewKey(state.tab, currentStack(state).length - 1);
}

export function currentView(state: NavState): ViewState {
  return state.views[currentViewKey(state)] ?? EMPTY_VIEW;
}

/** Whether the current screen has a text input at all (lists, and the search box). */
export function screenHasInput(screen: Screen): boolean {
  return screen.kind !== 'reader';
}

function updateView(state: NavState, change: (view: ViewState) => ViewState): NavState {
  const key = currentViewKey(state);
  return { ...state, views: { ...state.views, [key]: change(state.views[key] ?? EMPTY_VIEW) } };
}

function switchTab(state: NavState, tab: TabId): NavState {
  // Opening the search tab with nothing typed yet puts you straight into the search box.
  const next = { ...state, tab, typing: false };
  const screen = currentScreen(next);
  return { ...next, typing: screen.kind === 'search' && currentView(next).filter === '' };
}

export function navigationReducer(state: NavState, action: NavAction): NavState {
  switch (action.type) {
    case 'switchTab':
      return switchTab(state, action.tab);
    case 'cycleTab': {
      const i = TABS.indexOf(state.tab);
      return switchTab(state, TABS[(i + action.delta + TABS.length) % TABS.length] ?? 'article');
    }
    case 'push': {
      const stack = [...currentStack(state), action.screen];
      const views = { ...state.views };
      delete views[viewKey(state.tab, stack.length - 1)];
      return { ...state, stacks: { ...state.stacks, [state.tab]: stack }, views, typing: false };
    }
    case 'back': {
      const screen = currentScreen(state);
      if (currentView(state).filter !== '' && screen.kind !== 'search')
        return updateView(state, (v) => ({ ...v, filter: '', cursor: 0, scroll: 0 }));
      const stack = currentStack(state);
      if (stack.length <= 1) return state;
      // The screen you leave forgets its state; the one you return to kept its own.
      const views = { ...state.views };
      delete views[currentViewKey(state)];
      return {
        ...state,
        stacks: { ...state.stacks, [state.tab]: stack.slice(0, -1) },
        views,
        typing: false,
      };
    }
    case 'move':
      return updateView(state, (v) => {
        const move = action.scrolls ? moveScroll : moveCursor;
        return { ...v, ...move(v, action.motion, action.count, action.height) };
      });
    case 'scrollTo':
      return updateView(state, (v) => ({
        ...v,
        scroll: Math.max(0, action.scroll),
        positioned: true,
      }));
    case 'select':
      return updateView(state, (v) => ({
        ...v,
        cursor: action.cursor,
        scroll: action.scroll,
        positioned: true,
      }));
    case 'showMore':
      return updateView(state, (v) => ({
        ...v,
        shown: { ...v.shown, [action.list]: action.count },
      }));
    case 'focusInput':
      return screenHasInput(currentScreen(state)) ? { ...state, typing: true } : state;
    case 'type':
      return updateView({ ...state, typing: true }, (v) => ({
        ...v,
        filter: v.filter + action.text,
        cursor: 0,
        scroll: 0,
      }));
    case 'deleteChar':
      return updateView(state, (v) => ({
        ...v,
        filter: Array.from(v.filter).slice(0, -1).join(''),
        cursor: 0,
        scroll: 0,
      }));
    case 'clearInput':
      return updateView(state, (v) => ({ ...v, filter: '', cursor: 0, scroll: 0 }));
    case 'acceptInput':
      return { ...state, typing: false };
    case 'cancelInput':
      return updateView({ ...state, typing: false }, (v) => ({
        ...v,
        filter: '',
        cursor: 0,
        scroll: 0,
      }));
    case 'toggleHelp':
      return { ...state, help: !state.help, helpScroll: 0 };
    case 'scrollHelp':
      return {
        ...state,
        helpScroll: Math.max(0, Math.min(state.helpScroll + action.delta, action.max)),
      };
    case 'closeHelp':
      return { ...state, help: false };
    case 'chooseArticle':
      return {
        ...initialNavState('article'),
        articleId: action.articleId,
        articleSort: state.articleSort,
      };
    case 'nextArticleSort': {
      const i = ARTICLE_SORT_ORDER.indexOf(state.articleSort);
      const articleSort = ARTICLE_SORT_ORDER[(i + 1) % ARTICLE_SORT_ORDER.length] ?? 'added';
      return updateView({ ...state, articleSort }, (v) => ({ ...v, cursor: 0, scroll: 0 }));
    }
  }
}
