// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { compareComposed, containsComposed, shadowRootOf } from '../../../src/content/highlighter/composed-tree';

afterEach(() => document.body.replaceChildren());

/** <p a/> <div host>[shadow: <p inShadow/> <div innerHost>[shadow: <p deepest/>]]<p lightChild/></div> <p b/> */
function tree() {
  const a = document.createElement('p');
  const host = document.createElement('div');
  const lightChild = document.createElement('p');
  host.append(lightChild);
  const shadow = host.attachShadow({ mode: 'open' });
  const inShadow = document.createElement('p');
  const innerHost = document.createElement('div');
  const innerShadow = innerHost.attachShadow({ mode: 'open' });
  const deepest = document.createElement('p');
  innerShadow.append(deepest);
  shadow.append(inShadow, innerHost);
  const b = document.createElement('p');
  document.body.append(a, host, b);
  return { a, host, lightChild, shadow, inShadow, innerHost, deepest, b };
}

describe('compareComposed', () => {
  it('orders nodes across shadow boundaries: host, its shadow tree, its light children, what follows', () => {
    const { a, host, lightChild, inShadow, innerHost, deepest, b } = tree();
    const order = [a, host, inShadow, innerHost, deepest, lightChild, b];
    const shuffled = [b, deepest, lightChild, a, innerHost, inShadow, host];
    expect(shuffled.sort(compareComposed)).toEqual(order);
    for (let i = 0; i < order.length; i++) {
      for (let j = 0; j < order.length; j++) {
        expect(Math.sign(compareComposed(order[i]!, order[j]!))).toBe(Math.sign(i - j));
      }
    }
  });

  it('gives 0 for unrelated trees', () => {
    const { a } = tree();
    expect(compareComposed(a, document.createElement('p'))).toBe(0);
  });
});

describe('containsComposed and shadowRootOf', () => {
  it('sees into open shadow trees through their hosts', () => {
    const { a, host, shadow, deepest, b } = tree();
    expect(containsComposed(document.body, deepest)).toBe(true);
    expect(containsComposed(host, deepest)).toBe(true);
    expect(containsComposed(a, deepest)).toBe(false);
    expect(containsComposed(b, b)).toBe(true);
    expect(shadowRootOf(a)).toBeNull();
    expect(shadowRootOf(shadow.firstChild!)).toBe(shadow);
  });
});
