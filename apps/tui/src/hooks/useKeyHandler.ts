import { useApp, useInput, useStdin } from 'ink';
import { useCallback, useEffect, useRef } from 'react';
import type { QueryCache } from '../api/query-cache.js';
import type { Command, Mode } from '../keys/keyBindings.js';
import { resolveKey } from '../keys/keyMatchers.js';
import { type KeyPress, toKeyPresses } from '../keys/keypress.js';
import {
  currentScreen,
  currentStack,
  currentView,
  type NavAction,
  type NavState,
  navigationReducer,
  TABS,
} from '../state/navigation.js';
import type { Motion } from '../state/viewport.js';
import type { ScreenController } from './useScreen.js';

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
    case 'order':
      return currentScreen(state).kind === 'articles' ? { type: 'nextArticleSort' } : null;
    case 'nextQuote':
    case 'prevQuote': {
      const next = ctl.selectQuote?.(currentView(state), command === 'nextQuote' ? 1 : -1);
      return next ? { type: 'select', ...next } : null;
    }
    case 'open': {
      const next = ctl.open?.(currentView(state));
      if (!next) return null;
      return 'type' in next ? next : { type: 'push', screen: next };
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
    case 'articles':
      return currentScreen(state).kind === 'articles'
        ? null
        : { type: 'push', screen: { kind: 'articles', label: 'Articles' } };
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
export function useKeyHandler(
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
      const next = navigationReducer(state, action);
      // An action that changes nothing (Esc at a tab's first screen) is not dispatched: React
      // would re-render the shell without the screen, and the screen would not re-register.
      if (next === state) continue;
      const before = screenIdentity(state);
      state = next;
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
