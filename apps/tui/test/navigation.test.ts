import { describe, expect, it } from 'vitest';
import {
  currentScreen,
  currentStack,
  currentView,
  initialNavState,
  type NavAction,
  type NavState,
  navigationReducer,
  type Screen,
} from '../src/state/navigation.js';

const run = (state: NavState, ...actions: NavAction[]) => actions.reduce(navigationReducer, state);
const down = (count = 50, height = 10): NavAction => ({
  type: 'move',
  motion: 'down',
  count,
  height,
  scrolls: false,
});
const entity: Screen = { kind: 'entity', label: 'al Qaeda', entityId: 'al-qaeda' };
const quote: Screen = {
  kind: 'reader',
  label: '“…”',
  focus: { kind: 'claim', id: 'c1' },
  articleId: null,
};

describe('tabs', () => {
  it('starts on the article and switches by number or cycling', () => {
    let state = initialNavState();
    expect(currentScreen(state).kind).toBe('reader');
    state = run(state, { type: 'switchTab', tab: 'claims' });
    expect(currentScreen(state).kind).toBe('claims');
    state = run(state, { type: 'cycleTab', delta: 1 }, { type: 'cycleTab', delta: 1 });
    expect(state.tab).toBe('search');
    state = run(state, { type: 'cycleTab', delta: 1 }, { type: 'cycleTab', delta: 1 });
    expect(state.tab).toBe('article');
    expect(run(state, { type: 'cycleTab', delta: -1 }).tab).toBe('disagreements');
  });

  it('keeps each tab’s selection while you are on another tab', () => {
    const state = run(
      initialNavState('entities'),
      down(),
      down(),
      { type: 'switchTab', tab: 'claims' },
      down(),
      {
        type: 'switchTab',
        tab: 'entities',
      },
    );
    expect(currentView(state).cursor).toBe(2);
  });

  it('puts you in the search box when you open an empty search tab', () => {
    const state = run(initialNavState(), { type: 'switchTab', tab: 'search' });
    expect(state.typing).toBe(true);
  });
});

describe('drilling in and going back', () => {
  it('pushes screens onto the tab’s stack and pops them', () => {
    let state = run(
      initialNavState('entities'),
      { type: 'push', screen: entity },
      { type: 'push', screen: quote },
    );
    expect(currentStack(state).map((s) => s.kind)).toEqual(['entities', 'entity', 'reader']);
    state = run(state, { type: 'back' }, { type: 'back' });
    expect(currentStack(state).map((s) => s.kind)).toEqual(['entities']);
    expect(run(state, { type: 'back' })).toBe(state);
  });

  it('restores the selection and scroll of the screen you return to', () => {
    let state = run(
      initialNavState('entities'),
      down(50, 5),
      down(50, 5),
      down(50, 5),
      down(50, 5),
      down(50, 5),
      down(50, 5),
    );
    const before = currentView(state);
    expect(before).toMatchObject({ cursor: 6, scroll: 2 });
    state = run(state, { type: 'push', screen: entity }, down(), { type: 'back' });
    expect(currentView(state)).toEqual(before);
  });

  it('opens a screen fresh even where an earlier one at that depth was scrolled', () => {
    let state = run(initialNavState('entities'), { type: 'push', screen: entity }, down(), down(), {
      type: 'back',
    });
    state = run(state, { type: 'push', screen: { ...entity, entityId: 'syria' } });
    expect(currentView(state).cursor).toBe(0);
  });
});

describe('filtering', () => {
  it('types into the filter, resetting the selection', () => {
    const state = run(
      initialNavState('entities'),
      down(),
      { type: 'focusInput' },
      { type: 'type', text: 'q' },
      { type: 'type', text: 'a' },
    );
    expect(state.typing).toBe(true);
    expect(currentView(state)).toMatchObject({ filter: 'qa', cursor: 0 });
  });

  it('keeps the filter on Enter and clears it on Escape', () => {
    const typed = run(
      initialNavState('entities'),
      { type: 'focusInput' },
      { type: 'type', text: 'syr' },
    );
    const kept = run(typed, { type: 'acceptInput' });
    expect(kept.typing).toBe(false);
    expect(currentView(kept).filter).toBe('syr');
    const cancelled = run(typed, { type: 'cancelInput' });
    expect(currentView(cancelled).filter).toBe('');
  });

  it('deletes whole characters, not UTF-16 halves', () => {
    const state = run(
      initialNavState('entities'),
      { type: 'type', text: 'a😀' },
      { type: 'deleteChar' },
    );
    expect(currentView(state).filter).toBe('a');
  });

  it('makes Esc clear a kept filter before it goes back', () => {
    let state = run(
      initialNavState('entities'),
      { type: 'push', screen: entity },
      { type: 'type', text: 'x' },
      { type: 'acceptInput' },
    );
    state = run(state, { type: 'back' });
    expect(currentScreen(state).kind).toBe('entity');
    expect(currentView(state).filter).toBe('');
    state = run(state, { type: 'back' });
    expect(currentScreen(state).kind).toBe('entities');
  });

  it('has no filter on the article text', () => {
    const state = run(initialNavState('article'), { type: 'focusInput' });
    expect(state.typing).toBe(false);
  });
});

describe('help', () => {
  it('toggles and scrolls within bounds', () => {
    let state = run(initialNavState(), { type: 'toggleHelp' });
    expect(state.help).toBe(true);
    state = run(state, { type: 'scrollHelp', delta: 5, max: 3 });
    expect(state.helpScroll).toBe(3);
    state = run(state, { type: 'closeHelp' }, { type: 'toggleHelp' });
    expect(state.helpScroll).toBe(0);
  });
});
