/**
 * Reading the live React fixture (test/fixtures/react/) from the test: what React says it
 * rendered against what the DOM shows, where the marks are, and typing into its controlled
 * fields. Functions handed to page.evaluate run in the page: they close over nothing and bind
 * no functions to names (see page-helpers.ts).
 */
import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { FIXTURE_GLOBAL, type ReactFixtureApi } from '../fixtures/react/fixture-api';
import { ENTITY_HIGHLIGHT_PREFIX } from '../../scripts/harness/page-helpers';

export interface ReactSample {
  /** Every way the DOM differed from what React rendered, or a mark claimed what is not there. */
  problems: string[];
  ticks: number;
  markCount: number;
  /** React's own error records (boundary, root callbacks, window.onerror). */
  errors: string[];
}

/**
 * One look at the page: each `data-key` element's text is exactly what React last committed
 * there, no element is missing or extra, every live highlighted range sits in a keyed element
 * whose current text names its entity (collapsed ranges, text React took away, are not shown and
 * are left to the next batch), and the fields hold React's values with nothing inside them.
 */
export function sampleReactPage(page: Page): Promise<ReactSample> {
  return page.evaluate(
    (globalName: string, prefix: string) => {
      const api = (window as unknown as Record<string, ReactFixtureApi>)[globalName];
      if (!api) return { problems: ['the app has not started'], ticks: 0, markCount: 0, errors: [] };
      const root = document.getElementById('root');
      if (!root) return { problems: ['#root is gone'], ticks: api.ticks, markCount: 0, errors: [...api.errors] };
      const problems: string[] = [];
      const seen = new Set<string>();
      for (const element of Array.from(root.querySelectorAll<HTMLElement>('[data-key]'))) {
        const key = element.dataset.key ?? '';
        seen.add(key);
        const rendered = api.rendered[key];
        if (!rendered) problems.push(`[${key}] is in the DOM but React no longer renders it`);
        else if (element.textContent !== rendered.text)
          problems.push(`[${key}] shows ${JSON.stringify(element.textContent)}, React rendered ${JSON.stringify(rendered.text)}`);
      }
      for (const key of Object.keys(api.rendered)) {
        if (!seen.has(key)) problems.push(`[${key}] was rendered by React but is not in the DOM`);
      }
      const marks: Array<{ entity: string; range: Range }> = [];
      CSS.highlights.forEach((highlight, name) => {
        if (!name.startsWith(prefix)) return;
        highlight.forEach((range) => {
          if (!range.collapsed && range.startContainer.isConnected) marks.push({ entity: name.slice(prefix.length), range: range as Range });
        });
      });
      for (const { entity, range } of marks) {
        const holder = range.startContainer.parentElement?.closest<HTMLElement>('[data-key]');
        const rendered = holder ? api.rendered[holder.dataset.key ?? ''] : undefined;
        if (!holder) problems.push(`a highlight for ${entity} outside any rendered text: "${range.toString()}"`);
        else if (!rendered?.entities.includes(entity))
          problems.push(`[${holder.dataset.key}] has a highlight for ${entity} ("${range.toString()}") but shows ${JSON.stringify(holder.textContent)}`);
      }
      const input = document.querySelector<HTMLInputElement>('#search');
      const textarea = document.querySelector<HTMLTextAreaElement>('#notes');
      if (!input || !textarea) problems.push('a field is gone');
      else {
        if (input.value !== api.fields.input) problems.push(`the input shows ${JSON.stringify(input.value)}, React holds ${JSON.stringify(api.fields.input)}`);
        if (textarea.value !== api.fields.textarea)
          problems.push(`the textarea shows ${JSON.stringify(textarea.value)}, React holds ${JSON.stringify(api.fields.textarea)}`);
        if (Array.from(textarea.childNodes).some((node) => node.nodeType !== Node.TEXT_NODE)) problems.push('the textarea holds an element');
        if (marks.some(({ range }) => input.closest('form')?.contains(range.startContainer))) problems.push('a highlight inside the form');
      }
      return { problems, ticks: api.ticks, markCount: marks.length, errors: [...api.errors] };
    },
    FIXTURE_GLOBAL,
    ENTITY_HIGHLIGHT_PREFIX,
  );
}

/** Holds the app still (no tick-driven updates) or lets it run again. */
export async function setPaused(page: Page, paused: boolean): Promise<void> {
  await page.evaluate(
    (globalName: string, value: boolean) => {
      const api = (window as unknown as Record<string, ReactFixtureApi>)[globalName];
      if (api) api.paused = value;
    },
    FIXTURE_GLOBAL,
    paused,
  );
}

/**
 * Waits until every keyed element holds highlights for exactly the entities its text names: the
 * highlights have caught up with what React shows. Painting makes no DOM change, so this polls.
 */
export async function waitForEveryRenderedNameMarked(page: Page, timeout: number): Promise<void> {
  await page.waitForFunction(
    (globalName: string, prefix: string) => {
      const api = (window as unknown as Record<string, ReactFixtureApi>)[globalName];
      const root = document.getElementById('root');
      if (!api || !root) return false;
      const marked = new Map<Element, Set<string>>();
      CSS.highlights.forEach((highlight, name) => {
        if (!name.startsWith(prefix)) return;
        highlight.forEach((range) => {
          const holder = range.collapsed ? null : range.startContainer.parentElement?.closest('[data-key]');
          if (!holder) return;
          const entities = marked.get(holder) ?? new Set<string>();
          entities.add(name.slice(prefix.length));
          marked.set(holder, entities);
        });
      });
      for (const element of Array.from(root.querySelectorAll<HTMLElement>('[data-key]'))) {
        const wanted = api.rendered[element.dataset.key ?? '']?.entities ?? [];
        const found = marked.get(element) ?? new Set<string>();
        if (found.size !== wanted.length || !wanted.every((entity) => found.has(entity))) return false;
      }
      return true;
    },
    { polling: 50, timeout },
    FIXTURE_GLOBAL,
    ENTITY_HIGHLIGHT_PREFIX,
  );
}

/** Waits until the page shows no highlight of ours at all. */
export async function waitForNoMarks(page: Page): Promise<void> {
  await page.waitForFunction(
    (prefix: string) => {
      let any = false;
      CSS.highlights.forEach((highlight, name) => {
        if (name.startsWith(prefix) && highlight.size > 0) any = true;
      });
      return !any;
    },
    { polling: 50 },
    ENTITY_HIGHLIGHT_PREFIX,
  );
}

/** Waits until the app has rendered at least `ticks` ticks. */
export async function waitForTicks(page: Page, ticks: number): Promise<void> {
  await page.waitForFunction(
    (globalName: string, wanted: number) => ((window as unknown as Record<string, ReactFixtureApi>)[globalName]?.ticks ?? 0) >= wanted,
    { polling: 'mutation' },
    FIXTURE_GLOBAL,
    ticks,
  );
}

/**
 * Types `text` into a field with the caret at `position`, as a user would, and checks the
 * field took it exactly there and the caret stayed right after it: a highlighter that touched
 * the field would move the caret or lose the keystrokes.
 */
export async function typeInField(page: Page, selector: '#search' | '#notes', position: number, text: string): Promise<void> {
  const before = await page.$eval(selector, (field) => (field as HTMLInputElement).value);
  const at = Math.min(position, before.length);
  await page.focus(selector);
  await page.$eval(selector, (field, caret) => (field as HTMLInputElement).setSelectionRange(caret, caret), at);
  await page.keyboard.type(text);
  const after = await page.$eval(selector, (field) => {
    const { value, selectionStart, selectionEnd } = field as HTMLInputElement;
    return { value, selectionStart, selectionEnd };
  });
  expect(after).toEqual({
    value: before.slice(0, at) + text + before.slice(at),
    selectionStart: at + text.length,
    selectionEnd: at + text.length,
  });
}
