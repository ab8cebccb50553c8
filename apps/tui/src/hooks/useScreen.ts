import { createContext, type Dispatch, type RefObject, useContext } from 'react';
import type { NavAction, NavState, Screen, ViewState } from '../state/navigation.js';

/**
 * What the key handler needs from the screen on display: whether keys move a cursor or
 * scroll text, how many rows there are and fit, and where Enter leads.
 */
export interface ScreenController {
  mode: 'list' | 'reader' | 'none';
  count: number;
  height: number;
  /**
   * Given the screen's current view state, which may be newer than its last render: the screen
   * Enter opens, or an action it takes instead (the article picker chooses an article).
   */
  open?: (view: ViewState) => Screen | NavAction | null;
  /** Moves the reader's selection to the next or previous quote (article text only). */
  selectQuote?: (view: ViewState, delta: 1 | -1) => { cursor: number; scroll: number } | null;
  /** Still fetching what it shows: keys meant for it wait instead of being dropped. */
  loading?: boolean;
}

export const NO_CONTROLLER: ScreenController = { mode: 'none', count: 0, height: 1 };

export interface NavContextValue {
  state: NavState;
  dispatch: Dispatch<NavAction>;
  view: ViewState;
  controller: RefObject<ScreenController>;
}

export const NavContext = createContext<NavContextValue | null>(null);

export function useNav(): NavContextValue {
  const nav = useContext(NavContext);
  if (!nav) throw new Error('useNav needs a <NavContext.Provider> above it');
  return nav;
}

/** Tells the key handler about the screen being rendered; called on every render. */
export function useScreenController(controller: ScreenController): void {
  useNav().controller.current = controller;
}
