// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { CATALOG, catalogById } from '../../src/shared/catalog/entities';
import { compileMatcher } from '../../src/shared/matcher';
import { markNames } from '../../src/reader/mark-names';

const matcher = compileMatcher(CATALOG);

function paragraphs(...texts: string[]): HTMLElement[] {
  document.body.replaceChildren();
  return texts.map((text) => {
    const paragraph = document.createElement('p');
    paragraph.textContent = text;
    document.body.append(paragraph);
    return paragraph;
  });
}

describe('names marked in the reader', () => {
  it('marks every name, short forms settled over the whole article, and keeps the text exact', () => {
    const texts = ['Trump met Xi in Busan.', 'President Donald Trump and Chinese leader Xi Jinping agreed on rare earths.'];
    const shown = paragraphs(...texts);
    markNames(shown, matcher, catalogById);
    const marked = [...document.querySelectorAll<HTMLElement>('mark.entity')].map((mark) => `${mark.dataset.entity}:${mark.textContent}`);
    expect(marked).toEqual(expect.arrayContaining(['donald-trump:Trump', 'xi-jinping:Xi', 'donald-trump:Donald Trump', 'xi-jinping:Xi Jinping', 'rare-earths:rare earths']));
    expect(shown.map((paragraph) => paragraph.textContent)).toEqual(texts);
    expect(document.querySelector<HTMLElement>('mark[data-entity="xi-jinping"]')?.title).toBe(catalogById.get('xi-jinping')?.name);
  });

  it('marks inside a paragraph that already holds the quoted passage', () => {
    const [paragraph] = paragraphs('');
    const passage = document.createElement('mark');
    passage.className = 'passage';
    passage.textContent = 'Salt Typhoon hacked';
    paragraph!.append('Officials said ', passage, ' US carriers.');
    markNames([paragraph!], matcher, catalogById);
    expect(paragraph!.querySelector('mark.passage mark.entity')?.textContent).toBe('Salt Typhoon');
    expect(paragraph!.textContent).toBe('Officials said Salt Typhoon hacked US carriers.');
  });
});
