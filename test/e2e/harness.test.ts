/**
 * The harness checks itself: a helper that cannot see a failure would let every test built on
 * it pass for nothing. These pages name no entity, so the extension leaves them alone.
 */
import { expect, it } from 'vitest';
import { cardState, describeBrowsers, domSnapshot, marks, mentions, pageLog, waitForCard, waitForMarks } from './harness';

const QUIET_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>quiet</title></head>
<body><main><p id="first">Nothing here is <b>anyone</b> in particular.</p><p id="second">Plain words.</p></main></body></html>`;

describeBrowsers((b) => {
  it('aborts and records requests that leave loopback', async () => {
    const url = b.server.page(
      `<!doctype html><title>leak</title><p>An image from elsewhere.</p><img src="http://192.0.2.10/pixel.png" alt="">`,
    );
    await b.page.goto(url);
    await b.page.waitForFunction(() => document.readyState === 'complete');
    expect(pageLog(b.page).blockedRequests).toEqual(['http://192.0.2.10/pixel.png']);
  });

  it('domSnapshot tells the same node apart from an equal copy', async () => {
    await b.page.goto(b.server.page(QUIET_PAGE));
    const before = await domSnapshot(b.page, 'main');

    // Wrapping a text node and unwrapping it again puts the same node back: equal snapshots.
    await b.page.evaluate(() => {
      const text = document.getElementById('second')?.firstChild;
      if (!text) throw new Error('fixture changed');
      const wrapper = document.createElement('mark');
      text.replaceWith(wrapper);
      wrapper.append(text);
      wrapper.replaceWith(text);
    });
    expect(await domSnapshot(b.page, 'main')).toEqual(before);

    // A new node with the very same text is not a restore.
    await b.page.evaluate(() => {
      const text = document.getElementById('second')?.firstChild;
      if (!text) throw new Error('fixture changed');
      text.replaceWith(document.createTextNode(text.textContent ?? ''));
    });
    const after = await domSnapshot(b.page, 'main');
    expect(after.map(({ data }) => data)).toEqual(before.map(({ data }) => data));
    expect(after).not.toEqual(before);
  });

  it('cardState reads a dialog inside the open shadow root of the UI host', async () => {
    await b.page.goto(b.server.page(QUIET_PAGE));
    // The extension may keep a host of its own on any page, but no card shows on this one.
    expect((await cardState(b.page))?.visible ?? false).toBe(false);
    await b.page.evaluate(() => {
      const host = document.createElement('backstory-ui');
      const root = host.attachShadow({ mode: 'open' });
      const dialog = document.createElement('div');
      dialog.setAttribute('role', 'dialog');
      dialog.setAttribute('aria-labelledby', 'card-title');
      const title = document.createElement('h2');
      title.id = 'card-title';
      title.textContent = 'Example Entity';
      dialog.append(title, document.createTextNode('A summary.'));
      dialog.hidden = true;
      root.append(dialog);
      document.body.append(host);
      setTimeout(() => (dialog.hidden = false));
    });
    const card = await waitForCard(b.page, 'Example Entity');
    expect(card).toEqual({ visible: true, role: 'dialog', ariaModal: null, name: 'Example Entity', text: 'Example EntityA summary.' });
  });

  /** A page script that paints `spec` (entity id → [element id, start, end] per range) as our highlights would. */
  const paintScript = (spec: Record<string, Array<[string, number, number]>>) => `<script>
    for (const [entity, pieces] of Object.entries(${JSON.stringify(spec)})) {
      const ranges = pieces.map(([id, start, end]) => {
        const range = new Range();
        const text = document.getElementById(id).firstChild;
        range.setStart(text, start);
        range.setEnd(text, end);
        return range;
      });
      CSS.highlights.set('backstory-entity-' + entity, new Highlight(...ranges));
    }
  </script>`;

  it('mentions joins the pieces of a name split across inline elements, and nothing else', async () => {
    // Highlights registered by the page itself, with ids the extension does not know.
    await b.page.goto(
      b.server.page(`<!doctype html><title>split</title>
        <p><span id="a">Alpha</span> <em id="b">Beta</em><span id="c"> and Alpha Beta</span></p>
        <p id="d">Alpha Beta</p><p id="e">Gamma</p>
        ${paintScript({ 'test-x': [['a', 0, 5], ['b', 0, 4], ['c', 5, 15], ['d', 0, 10]], 'test-y': [['e', 0, 5]] })}`),
    );
    expect(await mentions(b.page)).toEqual([
      { entity: 'test-x', text: 'Alpha Beta' },
      { entity: 'test-x', text: 'Alpha Beta' },
      { entity: 'test-x', text: 'Alpha Beta' },
      { entity: 'test-y', text: 'Gamma' },
    ]);
  });

  it('helpers run apart from the page\'s JavaScript: built-ins replaced with traps trip nothing', async () => {
    await b.page.goto(
      b.server.page(`<!doctype html><title>traps</title>
        <p><span id="a">Alpha</span> and <span id="b">Beta</span></p>
        ${paintScript({ 'test-x': [['a', 0, 5]], 'test-y': [['b', 0, 4]] })}
        <script>
          for (const [owner, name] of [[Array.prototype, 'map'], [Array, 'from'], [Document.prototype, 'querySelectorAll'], [window, 'WeakMap']]) {
            owner[name] = () => { throw new Error('page trap: ' + name); };
          }
        </script>`),
    );
    const expected = [
      { entity: 'test-x', text: 'Alpha' },
      { entity: 'test-y', text: 'Beta' },
    ];
    expect(await waitForMarks(b.page, 2)).toEqual(expected);
    expect(await marks(b.page)).toEqual(expected);
    expect(await mentions(b.page)).toEqual(expected);
    const snapshot = await domSnapshot(b.page, 'p');
    expect(snapshot.map((node) => node.nodeName)).toEqual(['P', 'SPAN', '#text', '#text', 'SPAN', '#text']);
    expect((await cardState(b.page))?.visible ?? false).toBe(false);
  });
});
