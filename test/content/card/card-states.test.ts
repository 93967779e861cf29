import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initialCardState, transition, type CardEffect, type CardInput, type CardState, type Opening } from '../../../src/content/card/card-states';
import type { EntityKnowledge } from '../../../src/shared/knowledge/types';
import { CARD_CLOSE_DELAY_MS, CARD_HOST_MAX_REATTACH, CARD_OPEN_DELAY_MS, HOVER_INTENT_MAX_SPEED_PX_PER_MS } from '../../../src/shared/constants';

/** Mentions are told apart by identity only, as the DOM layer's painted mentions are. */
interface TestMention {
  entityId: string;
  label: string;
}

const mss1: TestMention = { entityId: 'mss', label: 'mss1' };
const mss2: TestMention = { entityId: 'mss', label: 'mss2' };
const salt: TestMention = { entityId: 'salt-typhoon', label: 'salt' };
const MENTIONS = [mss1, mss2, salt];

type State = CardState<TestMention>;
type Input = CardInput<TestMention>;
type Effect = CardEffect<TestMention>;

const SLOW = 0;
const FAST = HOVER_INTENT_MAX_SPEED_PX_PER_MS * 10;

function knowledgeOf(entityId: string): EntityKnowledge {
  return { id: entityId, name: entityId, category: 'agency', summary: { text: '', articleId: 'a', publisher: 'p', paragraph: 0 }, quotes: [], related: [] };
}

/** What the DOM layer would read for an open: by default a connected mention whose knowledge has not arrived. */
function opening(mention: TestMention, facts: Partial<Opening<TestMention>> = {}): Opening<TestMention> {
  return { mention, connected: true, hostRemoved: false, hostMoves: false, scheme: 'light', name: `${mention.entityId} name`, knowledge: undefined, ...facts };
}

/** Runs inputs from `state`; the effects are those of the last input. */
function run(state: State, ...inputs: Input[]): { state: State; effects: Effect[] } {
  let step = { state, effects: [] as Effect[] };
  for (const input of inputs) step = transition(step.state, input);
  return step;
}

const types = (effects: Effect[]) => effects.map((effect) => effect.type);
const on = (mention: TestMention, speed = SLOW): Input => ({ type: 'pointer', zone: 'mention', mention, speed });
const page: Input = { type: 'pointer', zone: 'page' };
const card: Input = { type: 'pointer', zone: 'card' };
const dwelt = (mention: TestMention, facts: Partial<Opening<TestMention>> = {}): Input => ({ type: 'dwellElapsed', opening: opening(mention, facts) });
const apiOpen = (mention: TestMention, facts: Partial<Opening<TestMention>> = {}): Input => ({ type: 'open', opening: opening(mention, facts) });
const reveal = (mention: TestMention, focusOutside: object | null = null): Input => ({ type: 'reveal', opening: opening(mention), focusOutside });

/** A card opened by hover on `mention`: the pointer rests on it through the dwell. */
function hoverOpen(mention: TestMention, state: State = initialCardState()): State {
  return run(state, on(mention), dwelt(mention)).state;
}

describe('hover', () => {
  it('a pointer on a mention fetches, warms up and starts the dwell; the dwell opens the card', () => {
    const entered = run(initialCardState(), on(mss1));
    expect(entered.effects).toEqual([
      { type: 'prefetch', entityId: 'mss' },
      { type: 'warmUp', mention: mss1 },
      { type: 'startDwell', mention: mss1, ms: CARD_OPEN_DELAY_MS },
    ]);
    expect(entered.state.dwell).toBe(mss1);

    const opened = run(entered.state, dwelt(mss1));
    expect(opened.effects).toEqual([
      { type: 'attach', mention: mss1 },
      { type: 'paintActive', mention: mss1 },
      { type: 'render', content: { kind: 'loading', name: 'mss name' } },
      { type: 'show', scheme: 'light' },
      { type: 'fetch', entityId: 'mss', interaction: 1 },
      { type: 'anchor', mention: mss1 },
    ]);
    expect(opened.state.shown).toEqual({ mention: mss1, openedBy: 'hover', name: 'mss name', loading: true });
    expect(opened.state.dwell).toBeNull();
  });

  it('leaving before the dwell elapses cancels it and starts the close delay', () => {
    const left = run(initialCardState(), on(mss1), page);
    expect(left.effects).toEqual([{ type: 'cancelDwell' }, { type: 'startCloseDelay', ms: CARD_CLOSE_DELAY_MS }]);
    expect(left.state.dwell).toBeNull();
    // A dwell timer that fired anyway would open nothing.
    expect(run(left.state, dwelt(mss1)).state.shown).toBeNull();
  });

  it("the end of a dwell on one mention opens nothing once the pointer dwells on another", () => {
    const elsewhere = run(initialCardState(), on(mss1), on(salt)).state;
    expect(elsewhere.dwell).toBe(salt);
    expect(run(elsewhere, dwelt(mss1))).toEqual({ state: elsewhere, effects: [] });
    expect(run(elsewhere, dwelt(salt)).state.shown?.mention).toBe(salt);
  });

  it('a fast move on the mention starts the dwell over; a slow one and a move onto another piece of it do not', () => {
    const entered = run(initialCardState(), on(mss1)).state;
    expect(run(entered, on(mss1, FAST)).effects).toEqual([{ type: 'cancelDwell' }, { type: 'startDwell', mention: mss1, ms: CARD_OPEN_DELAY_MS }]);
    expect(run(entered, on(mss1, SLOW)).effects).toEqual([]);
  });

  it('moves alone never start a dwell: after Escape the pointer must leave and come back', () => {
    const escaped = run(hoverOpen(mss1), { type: 'escape', focusInCard: false }).state;
    expect(run(escaped, on(mss1, FAST)).effects).toEqual([]);
    const back = run(escaped, page, on(mss1));
    expect(types(back.effects)).toContain('startDwell');
  });

  it('moving to another mention of the same entity re-anchors the card and keeps its content', () => {
    const opened = hoverOpen(mss1);
    const moved = run(opened, on(mss2), dwelt(mss2));
    expect(moved.effects).toEqual([
      { type: 'attach', mention: mss2 },
      { type: 'paintActive', mention: mss2 },
      { type: 'anchor', mention: mss2 },
    ]);
    expect(moved.state.shown?.mention).toBe(mss2);
    // The load under way still fills the card.
    const filled = run(moved.state, { type: 'loaded', interaction: 1, knowledge: knowledgeOf('mss') });
    expect(filled.effects).toEqual([{ type: 'render', content: { kind: 'knowledge', knowledge: knowledgeOf('mss') } }]);
  });

  it('coming back onto the mention whose card shows starts no dwell and stops the close delay', () => {
    const leaving = run(hoverOpen(mss1), page).state;
    expect(leaving.closing).toBe(true);
    const back = run(leaving, on(mss1));
    expect(back.effects).toEqual([{ type: 'prefetch', entityId: 'mss' }, { type: 'warmUp', mention: mss1 }, { type: 'cancelCloseDelay' }]);
    expect(back.state.dwell).toBeNull();
  });

  it('a mouse press drops the dwell and closes the card; the pointer must come back for another', () => {
    const dwelling = run(hoverOpen(salt), on(mss1)).state;
    const pressed = run(dwelling, { type: 'press', mouse: true });
    expect(types(pressed.effects)).toEqual(['cancelDwell', 'hide', 'paintActive']);
    expect(pressed.state).toMatchObject({ shown: null, dwell: null, pointer: 'page', hovered: null });
    expect(types(run(pressed.state, on(mss1)).effects)).toContain('startDwell');
  });

  it('uses the hover delay set by the options, and the default for nonsense', () => {
    const slow = run(initialCardState(), { type: 'setHoverDelay', ms: 1000 }, on(mss1));
    expect(slow.effects.at(-1)).toEqual({ type: 'startDwell', mention: mss1, ms: 1000 });
    for (const ms of [Number.NaN, -1, Infinity]) {
      expect(run(initialCardState(), { type: 'setHoverDelay', ms }).state.dwellMs).toBe(CARD_OPEN_DELAY_MS);
    }
  });
});

describe('close delay', () => {
  it('stays open while the pointer is on the card, and closes once the delay runs out off both', () => {
    const onCard = run(hoverOpen(mss1), page, card);
    expect(onCard.effects).toEqual([{ type: 'cancelCloseDelay' }]);
    expect(onCard.state.closing).toBe(false);

    const left = run(onCard.state, page);
    expect(left.effects).toEqual([{ type: 'startCloseDelay', ms: CARD_CLOSE_DELAY_MS }]);
    // Repeated leaves neither extend nor duplicate the delay.
    expect(run(left.state, card, page).effects).toEqual([{ type: 'startCloseDelay', ms: CARD_CLOSE_DELAY_MS }]);
    expect(run(left.state, page).effects).toEqual([]);

    const closed = run(left.state, { type: 'closeElapsed' });
    expect(closed.effects).toEqual([{ type: 'hide' }, { type: 'paintActive', mention: null }]);
    expect(closed.state.shown).toBeNull();
  });

  it('a card pinned by a tap, the keyboard or the API does not close when the pointer leaves', () => {
    const pinned: State[] = [
      run(initialCardState(), { type: 'tap', opening: opening(mss1) }).state,
      run(initialCardState(), reveal(mss1)).state,
      run(initialCardState(), apiOpen(mss1)).state,
    ];
    for (const state of pinned) {
      const after = run(state, on(mss1), page, { type: 'closeElapsed' });
      expect(after.state.shown?.mention).toBe(mss1);
    }
  });
});

describe('knowledge', () => {
  it('known knowledge shows at once, without a fetch', () => {
    const knowledge = knowledgeOf('mss');
    const opened = run(initialCardState(), apiOpen(mss1, { knowledge }));
    expect(types(opened.effects)).toEqual(['attach', 'paintActive', 'render', 'show', 'anchor']);
    expect(opened.effects[2]).toEqual({ type: 'render', content: { kind: 'knowledge', knowledge } });
    expect(opened.state.shown?.loading).toBe(false);
  });

  it('says so by name when nothing is known', () => {
    const opened = run(initialCardState(), apiOpen(salt));
    const loaded = run(opened.state, { type: 'loaded', interaction: opened.state.interaction, knowledge: null });
    expect(loaded.effects).toEqual([{ type: 'render', content: { kind: 'missing', name: 'salt-typhoon name' } }]);
    expect(loaded.state.shown?.loading).toBe(false);
  });

  it('drops a late answer from a stale hover', () => {
    const first = run(hoverOpen(mss1), page, { type: 'closeElapsed' }).state;
    const second = hoverOpen(salt, first);
    expect(second.shown?.mention).toBe(salt);
    const stale = run(second, { type: 'loaded', interaction: 1, knowledge: knowledgeOf('mss') });
    expect(stale.effects).toEqual([]);
    expect(stale.state).toEqual(second);
    const fresh = run(second, { type: 'loaded', interaction: second.interaction, knowledge: knowledgeOf('salt-typhoon') });
    expect(fresh.effects).toEqual([{ type: 'render', content: { kind: 'knowledge', knowledge: knowledgeOf('salt-typhoon') } }]);
  });

  it('drops an answer that arrives after the card closed', () => {
    const opened = run(initialCardState(), apiOpen(mss1)).state;
    const closed = run(opened, { type: 'close' }).state;
    expect(run(closed, { type: 'loaded', interaction: opened.interaction, knowledge: knowledgeOf('mss') }).effects).toEqual([]);
  });
});

describe('opening', () => {
  it('opens nothing for a mention whose text has left the page', () => {
    const gone = opening(mss1, { connected: false });
    const dwelling = run(initialCardState(), on(mss1)).state;
    expect(run(dwelling, { type: 'open', opening: gone })).toEqual({ state: dwelling, effects: [] });
    expect(run(dwelling, { type: 'reveal', opening: gone, focusOutside: {} })).toEqual({ state: dwelling, effects: [] });
    // The dwell that ran out is over all the same.
    expect(run(dwelling, { type: 'dwellElapsed', opening: gone })).toEqual({ state: { ...dwelling, dwell: null }, effects: [] });
  });

  it('an open for the mention already shown changes nothing', () => {
    const leaving = run(hoverOpen(mss1), page).state;
    expect(run(leaving, apiOpen(mss1))).toEqual({ state: leaving, effects: [] });
  });

  it('a host that has to move closes the card first, so it reopens in the new place', () => {
    const opened = run(initialCardState(), apiOpen(salt)).state;
    const moved = run(opened, apiOpen(mss1, { hostMoves: true }));
    expect(types(moved.effects)).toEqual(['attach', 'hide', 'paintActive', 'paintActive', 'render', 'show', 'fetch', 'anchor']);
    expect(moved.effects[2]).toEqual({ type: 'paintActive', mention: null });
    expect(moved.state.shown?.mention).toBe(mss1);
  });

  it(`puts back a host the page removed ${CARD_HOST_MAX_REATTACH} times, then opens no more cards`, () => {
    let state = initialCardState<TestMention>();
    for (let removal = 1; removal <= CARD_HOST_MAX_REATTACH; removal++) {
      const opened = run(state, apiOpen(mss1, { hostRemoved: true }));
      expect(types(opened.effects)).toContain('attach');
      state = run(opened.state, { type: 'close' }).state;
    }
    const refused = run(state, apiOpen(mss1, { hostRemoved: true }));
    expect(refused.effects).toEqual([]);
    expect(refused.state.shown).toBeNull();
    expect(run(refused.state, apiOpen(salt)).effects).toEqual([]);
  });

  it('fullscreen changes close the card and move the host', () => {
    const changed = run(run(initialCardState(), apiOpen(mss1)).state, { type: 'fullscreenChanged' });
    expect(types(changed.effects)).toEqual(['hide', 'paintActive', 'reattach']);
    expect(changed.state.shown).toBeNull();
    expect(run(initialCardState(), { type: 'fullscreenChanged' }).effects).toEqual([{ type: 'reattach' }]);
  });
});

describe('touch', () => {
  it('the first tap opens the card and keeps its click from following a link; a second tap is left alone', () => {
    const tapped = run(initialCardState(), { type: 'tap', opening: opening(mss1) });
    expect(tapped.state.shown).toMatchObject({ mention: mss1, openedBy: 'tap' });
    expect(tapped.state.tapped).toBe(mss1);
    const clicked = run(tapped.state, { type: 'click', x: 3, y: 4 });
    expect(clicked.effects).toEqual([{ type: 'blockLinkClick', mention: mss1, x: 3, y: 4 }]);
    expect(clicked.state.tapped).toBeNull();

    const again = run(clicked.state, { type: 'tap', opening: opening(mss1) });
    expect(again.effects).toEqual([]);
    expect(run(again.state, { type: 'click', x: 3, y: 4 }).effects).toEqual([]);
  });

  it('a tap on another mention of the same entity counts as a first tap there', () => {
    const second = run(initialCardState(), { type: 'tap', opening: opening(mss2) }, { type: 'click', x: 0, y: 0 }, { type: 'tap', opening: opening(mss1) });
    expect(second.state.tapped).toBe(mss1);
    expect(second.state.shown?.mention).toBe(mss1);
  });

  it('a press elsewhere closes the card', () => {
    const pressed = run(run(initialCardState(), { type: 'tap', opening: opening(mss1) }).state, { type: 'press', mouse: false });
    expect(pressed.state.shown).toBeNull();
    expect(pressed.state.tapped).toBeNull();
  });
});

describe('focus', () => {
  const before = { element: 'before' };

  it('reveal scrolls, opens from the keyboard and gives the card focus, remembering where focus was', () => {
    const revealed = run(initialCardState(), reveal(mss1, before));
    expect(types(revealed.effects)).toEqual(['scrollTo', 'attach', 'paintActive', 'render', 'show', 'fetch', 'anchor', 'focusCard']);
    expect(revealed.state.shown?.openedBy).toBe('keyboard');
    expect(revealed.state.focusOrigin).toBe(before);
    // Stepping on from inside the card keeps the first origin.
    expect(run(revealed.state, reveal(salt, null)).state.focusOrigin).toBe(before);
    expect(run(revealed.state, reveal(salt, { element: 'other' })).state.focusOrigin).toBe(before);
  });

  it('Escape with focus in the card closes it, returns focus and keeps the key from the page', () => {
    const escaped = run(initialCardState(), reveal(mss1, before), reveal(salt), { type: 'escape', focusInCard: true });
    expect(escaped.effects).toEqual([
      { type: 'hide' },
      { type: 'paintActive', mention: null },
      { type: 'returnFocus', origin: before },
      { type: 'claimEvent' },
    ]);
    expect(escaped.state.focusOrigin).toBeNull();
  });

  it('Escape with focus elsewhere closes the card and leaves the key to the page', () => {
    const escaped = run(hoverOpen(mss1), { type: 'escape', focusInCard: false });
    expect(escaped.effects).toEqual([{ type: 'hide' }, { type: 'paintActive', mention: null }]);
    expect(run(initialCardState(), { type: 'escape', focusInCard: true }).effects).toEqual([]);
  });

  it('the close button closes and returns focus as Escape does, without claiming an event', () => {
    const dismissed = run(initialCardState(), reveal(mss1, before), { type: 'dismiss', focusInCard: true });
    expect(types(dismissed.effects)).toEqual(['hide', 'paintActive', 'returnFocus']);
  });

  it('Shift+Tab from the first button closes and returns focus; Tab from the last goes on after the mention', () => {
    const opened = run(initialCardState(), reveal(mss1, before)).state;
    const back = run(opened, { type: 'tab', backwards: true, atFirst: true, atLast: false });
    expect(back.effects).toEqual([{ type: 'preventDefault' }, { type: 'hide' }, { type: 'paintActive', mention: null }, { type: 'returnFocus', origin: before }]);
    const forward = run(opened, { type: 'tab', backwards: false, atFirst: false, atLast: true });
    expect(forward.effects).toEqual([{ type: 'focusAfter', mention: mss1 }]);
    expect(run(opened, { type: 'tab', backwards: false, atFirst: true, atLast: false }).effects).toEqual([]);
    expect(run(opened, { type: 'tab', backwards: true, atFirst: false, atLast: true }).effects).toEqual([]);
  });

  it('focus moving elsewhere closes a pinned card, but not for the link around its mention', () => {
    const opened = run(initialCardState(), reveal(mss1, before)).state;
    expect(run(opened, { type: 'focusIn', aroundMention: true })).toEqual({ state: opened, effects: [] });
    const moved = run(opened, { type: 'focusIn', aroundMention: false });
    expect(moved.state.shown).toBeNull();
    expect(moved.state.focusOrigin).toBeNull();
  });

  it('focus moving elsewhere closes a hover card only once the pointer has left mention and card', () => {
    const opened = hoverOpen(mss1);
    expect(run(opened, { type: 'focusIn', aroundMention: false }).state.shown).not.toBeNull();
    expect(run(opened, card, { type: 'focusIn', aroundMention: false }).state.shown).not.toBeNull();
    expect(run(opened, page, { type: 'focusIn', aroundMention: false }).state.shown).toBeNull();
  });
});

// --- Properties ------------------------------------------------------------------------------

/**
 * The DOM layer reduced to what the properties watch: which timers run, which mention is painted
 * active, whether the card is on screen, and the loads asked for. Timers fire only while they run,
 * and a held mouse button turns every move off the card into "the page", as the controller does.
 */
interface World {
  state: State;
  dwell: TestMention | null;
  closing: boolean;
  active: TestMention | null;
  visible: boolean;
  fetches: Array<{ interaction: number; entityId: string }>;
  held: boolean;
}

type Command =
  | { kind: 'move'; target: number | 'card' | 'page'; fast: boolean }
  | { kind: 'press'; touch: boolean; target: number | 'page' }
  | { kind: 'release' }
  | { kind: 'dwellTimer' }
  | { kind: 'closeTimer' }
  | { kind: 'open'; target: number; facts: Partial<Opening<TestMention>> }
  | { kind: 'reveal'; target: number; connected: boolean }
  | { kind: 'loaded'; pick: number; found: boolean }
  | { kind: 'input'; input: Input };

const target = fc.integer({ min: 0, max: MENTIONS.length - 1 });
const facts = fc.record({ connected: fc.boolean(), hostRemoved: fc.boolean(), hostMoves: fc.boolean(), known: fc.boolean() });
const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('move' as const), target: fc.oneof(target, fc.constantFrom('card' as const, 'page' as const)), fast: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('press' as const), touch: fc.boolean(), target: fc.oneof(target, fc.constant('page' as const)) }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'release' as const }) },
  { weight: 4, arbitrary: fc.constant({ kind: 'dwellTimer' as const }) },
  { weight: 3, arbitrary: fc.constant({ kind: 'closeTimer' as const }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('open' as const), target, facts }).map(({ target: index, facts: { known, ...rest } }) => ({
      kind: 'open' as const,
      target: index,
      facts: { ...rest, knowledge: known ? knowledgeOf(MENTIONS[index]!.entityId) : undefined },
    })),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('reveal' as const), target, connected: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('loaded' as const), pick: fc.nat(), found: fc.boolean() }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom<Command>(
      ...(
        [
          { type: 'click', x: 0, y: 0 },
          { type: 'focusIn', aroundMention: false },
          { type: 'focusIn', aroundMention: true },
          { type: 'escape', focusInCard: true },
          { type: 'escape', focusInCard: false },
          { type: 'tab', backwards: true, atFirst: true, atLast: false },
          { type: 'tab', backwards: false, atFirst: false, atLast: true },
          { type: 'dismiss', focusInCard: true },
          { type: 'close' },
          { type: 'fullscreenChanged' },
          { type: 'setHoverDelay', ms: 100 },
        ] satisfies Input[]
      ).map((input) => ({ kind: 'input' as const, input })),
    ),
  },
);

/** The input the DOM layer would send for a command, if any (a timer that does not run fires nothing). */
function inputFor(world: World, next: Command): Input | null {
  switch (next.kind) {
    case 'move':
      if (next.target === 'card') return card;
      // A held button is a drag or a selection: every move off the card is the page.
      if (next.target === 'page' || world.held) return page;
      return on(MENTIONS[next.target]!, next.fast ? FAST : SLOW);
    case 'press':
      if (next.touch) return next.target === 'page' ? { type: 'press', mouse: false } : { type: 'tap', opening: opening(MENTIONS[next.target]!) };
      world.held = true;
      return { type: 'press', mouse: true };
    case 'release':
      world.held = false;
      return null;
    case 'dwellTimer': {
      const mention = world.dwell;
      world.dwell = null;
      return mention ? dwelt(mention) : null;
    }
    case 'closeTimer':
      if (!world.closing) return null;
      world.closing = false;
      return { type: 'closeElapsed' };
    case 'open':
      return apiOpen(MENTIONS[next.target]!, next.facts);
    case 'reveal':
      return { type: 'reveal', opening: opening(MENTIONS[next.target]!, { connected: next.connected }), focusOutside: {} };
    case 'loaded': {
      const fetch = world.fetches[next.pick % Math.max(1, world.fetches.length)];
      if (!fetch) return null;
      return { type: 'loaded', interaction: fetch.interaction, knowledge: next.found ? knowledgeOf(fetch.entityId) : null };
    }
    case 'input':
      return next.input;
  }
}

function perform(world: World, effects: Effect[]): void {
  for (const effect of effects) {
    if (effect.type === 'startDwell') world.dwell = effect.mention;
    else if (effect.type === 'cancelDwell') world.dwell = null;
    else if (effect.type === 'startCloseDelay') world.closing = true;
    else if (effect.type === 'cancelCloseDelay') world.closing = false;
    else if (effect.type === 'paintActive') world.active = effect.mention;
    else if (effect.type === 'show') world.visible = true;
    else if (effect.type === 'hide') world.visible = false;
    else if (effect.type === 'fetch') world.fetches.push({ interaction: effect.interaction, entityId: effect.entityId });
  }
}

describe('properties over any sequence of inputs', () => {
  it('the page always matches the states: one card at most, its mention painted, its timers running, its content its own', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 60 }), (commands) => {
        const world: World = { state: initialCardState(), dwell: null, closing: false, active: null, visible: false, fetches: [], held: false };
        for (const next of commands) {
          const input = inputFor(world, next);
          if (!input) continue;
          const before = world.state;
          const { state, effects } = transition(before, input);
          world.state = state;
          perform(world, effects);

          // The card on screen is the one the states hold, painted as the active mention.
          expect(world.visible).toBe(state.shown !== null);
          expect(world.active).toBe(state.shown?.mention ?? null);
          // A timer runs exactly when the states wait for it.
          expect(world.dwell).toBe(state.dwell);
          expect(world.closing).toBe(state.closing);
          // No dwell runs for the mention whose card already shows.
          if (state.shown) expect(state.dwell).not.toBe(state.shown.mention);
          // Whatever knowledge is rendered belongs to the entity of the card shown after the input.
          for (const effect of effects) {
            if (effect.type === 'render' && effect.content.kind === 'knowledge') expect(effect.content.knowledge.id).toBe(state.shown?.mention.entityId);
          }
          // A held mouse button or a selection: no dwell runs, and no card opens by hover.
          if (world.held) {
            expect(state.dwell).toBeNull();
            if (state.shown?.openedBy === 'hover') expect(before.shown?.openedBy).toBe('hover');
          }
          // A mouse press leaves no card, no dwell and no close delay behind.
          if (input.type === 'press' && input.mouse) expect(state).toMatchObject({ shown: null, dwell: null, closing: false });
        }
      }),
      { numRuns: 400 },
    );
  });
});
