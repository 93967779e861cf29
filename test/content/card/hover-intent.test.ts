import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HoverIntent, PointerSpeed } from '../../../src/content/card/hover-intent';

const DWELL = 400;
const GRACE = 300;

/** A hover target: only compared by identity and by the mention it claims to belong to. */
interface Target {
  mention: string;
}

function target(mention: string): Target {
  return { mention };
}

function machine() {
  let showingFor: Target | null = null;
  const actions = {
    open: vi.fn((hovered: Target) => (showingFor = hovered)),
    close: vi.fn(() => (showingFor = null)),
    isShowingFor: (hovered: Target) => showingFor !== null && showingFor.mention === hovered.mention,
    sameMention: (a: Target, b: Target) => a.mention === b.mention,
  };
  return { intent: new HoverIntent<Target>(actions, { dwellMs: DWELL, closeGraceMs: GRACE }), actions };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('HoverIntent', () => {
  it('opens after the dwell and not before', () => {
    const { intent, actions } = machine();
    const a = target('a');
    intent.enteredMention(a);
    vi.advanceTimersByTime(DWELL - 1);
    expect(actions.open).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(actions.open).toHaveBeenCalledWith(a);
  });

  it('a quick pass opens nothing', () => {
    const { intent, actions } = machine();
    intent.enteredMention(target('a'));
    vi.advanceTimersByTime(DWELL / 2);
    intent.leftBoth();
    vi.advanceTimersByTime(DWELL * 4);
    expect(actions.open).not.toHaveBeenCalled();
  });

  it('fast movement restarts the dwell; slow movement does not', () => {
    const { intent, actions } = machine();
    intent.enteredMention(target('a'));
    vi.advanceTimersByTime(DWELL - 10);
    intent.movedOnMention(true);
    vi.advanceTimersByTime(DWELL - 10);
    expect(actions.open).not.toHaveBeenCalled();
    intent.movedOnMention(false);
    vi.advanceTimersByTime(10);
    expect(actions.open).toHaveBeenCalledTimes(1);
  });

  it('moving between pieces of one mention keeps the dwell running', () => {
    const { intent, actions } = machine();
    intent.enteredMention(target('a'));
    vi.advanceTimersByTime(DWELL - 10);
    intent.enteredMention(target('a'));
    vi.advanceTimersByTime(10);
    expect(actions.open).toHaveBeenCalledTimes(1);
  });

  it('closes only after the grace period once the pointer has left mention and card', () => {
    const { intent, actions } = machine();
    intent.enteredMention(target('a'));
    vi.advanceTimersByTime(DWELL);
    intent.leftBoth();
    vi.advanceTimersByTime(GRACE - 1);
    intent.enteredCard();
    vi.advanceTimersByTime(GRACE * 3);
    expect(actions.close).not.toHaveBeenCalled();
    intent.leftBoth();
    intent.leftBoth(); // repeated leaves do not extend or duplicate the timer
    vi.advanceTimersByTime(GRACE);
    expect(actions.close).toHaveBeenCalledTimes(1);
  });

  it('re-entering the mention whose card shows changes nothing', () => {
    const { intent, actions } = machine();
    intent.enteredMention(target('a'));
    vi.advanceTimersByTime(DWELL);
    intent.leftBoth();
    intent.enteredMention(target('a'));
    vi.advanceTimersByTime(DWELL + GRACE);
    expect(actions.open).toHaveBeenCalledTimes(1);
    expect(actions.close).not.toHaveBeenCalled();
  });

  it('reset forgets a pending dwell, and moves alone do not start one', () => {
    const { intent, actions } = machine();
    intent.enteredMention(target('a'));
    intent.reset();
    intent.movedOnMention(false);
    intent.movedOnMention(true);
    vi.advanceTimersByTime(DWELL * 2);
    expect(actions.open).not.toHaveBeenCalled();
  });

  it('uses a changed dwell for the next hover', () => {
    const { intent, actions } = machine();
    intent.setDwell(100);
    intent.enteredMention(target('a'));
    vi.advanceTimersByTime(100);
    expect(actions.open).toHaveBeenCalledTimes(1);
  });
});

describe('PointerSpeed', () => {
  it('measures px/ms between successive samples', () => {
    const speed = new PointerSpeed();
    expect(speed.sample(0, 0, 0)).toBe(0);
    expect(speed.sample(3, 4, 10)).toBeCloseTo(0.5);
    expect(speed.sample(3, 4, 20)).toBe(0);
  });

  it('treats movement in no time as infinitely fast, and starts over after reset', () => {
    const speed = new PointerSpeed();
    speed.sample(0, 0, 5);
    expect(speed.sample(10, 0, 5)).toBe(Infinity);
    speed.reset();
    expect(speed.sample(100, 100, 6)).toBe(0);
  });
});
