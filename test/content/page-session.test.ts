// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { registeredHighlights } from './support/highlight-api';
import { CATALOG, catalogById } from '../../src/shared/catalog/entities';
import { compileMatcher } from '../../src/shared/matcher';
import { defaultSettings } from '../../src/shared/settings/schema';
import { startPageSession, type PageSession } from '../../src/content/page-session';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../shared/settings/fake-browser')).createFakeBrowser() }));

const matcher = compileMatcher(CATALOG);
let session: PageSession | undefined;

afterEach(() => {
  session?.stop();
  session = undefined;
  document.body.replaceChildren();
});

function start(html: string): PageSession {
  document.body.innerHTML = html;
  session = startPageSession({ matcher, entities: catalogById, settings: defaultSettings(), onChange: () => undefined });
  return session;
}

describe('a page session', () => {
  it('highlights a headline’s surnames once the body names the people in full', async () => {
    const page = start('<h1>Trump–Xi talks end in a truce</h1><p>President Donald Trump met Chinese leader Xi Jinping in Busan.</p>');
    await page.ready;
    expect(page.counts().get('xi-jinping')).toBe(2);
    expect(page.counts().get('donald-trump')).toBe(2);
  });

  it('reads nothing again once stopped, though the page had names held back', async () => {
    document.body.innerHTML = '<h1>Trump–Xi talks end in a truce</h1><p>President Donald Trump met Chinese leader Xi Jinping in Busan.</p>';
    // Switched off as the first highlights appear: the held-back headline must not bring them back.
    const page: PageSession = startPageSession({ matcher, entities: catalogById, settings: defaultSettings(), onChange: () => page.stop() });
    session = page;
    await page.ready;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(registeredHighlights()).toEqual(new Map());
  });
});
