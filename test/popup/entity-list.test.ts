// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { groupEntities, mentionCount, renderEntityList } from '../../src/popup/entity-list';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../shared/settings/fake-browser')).createFakeBrowser() }));

const labels = {
  mss: { name: 'Ministry of State Security', category: 'agency' as const },
  'salt-typhoon': { name: 'Salt Typhoon', category: 'campaign' as const },
  'xi-jinping': { name: 'Xi Jinping', category: 'person' as const },
  'donald-trump': { name: 'Donald Trump', category: 'person' as const },
};

describe('groupEntities', () => {
  it('groups by category in catalog order, most mentioned first, unlabelled last', () => {
    const groups = groupEntities({ 'xi-jinping': 2, mss: 1, 'donald-trump': 5, 'salt-typhoon': 3, mystery: 1, gone: 0 }, labels);
    expect(groups.map((group) => group.category)).toEqual(['campaign', 'agency', 'person', null]);
    expect(groups[2]?.entities.map((entity) => entity.id)).toEqual(['donald-trump', 'xi-jinping']);
    expect(groups[3]?.entities).toEqual([{ id: 'mystery', name: 'mystery', count: 1 }]);
  });
});

describe('renderEntityList', () => {
  it('renders headings and buttons with names and counts, and reveals on click', () => {
    const container = document.createElement('div');
    const reveal = vi.fn();
    renderEntityList(container, groupEntities({ mss: 1, 'salt-typhoon': 3 }, labels), reveal);
    expect([...container.querySelectorAll('h3')].map((h) => h.textContent)).toEqual(['Campaigns', 'Agencies']);
    const buttons = [...container.querySelectorAll('button')];
    expect(buttons.map((b) => b.textContent)).toEqual(['Salt Typhoon3 mentions', 'Ministry of State Security1 mention']);
    buttons[1]?.click();
    expect(reveal).toHaveBeenCalledWith('mss');
  });

  it('inserts names as text, never as markup', () => {
    const container = document.createElement('div');
    renderEntityList(container, [{ category: null, entities: [{ id: 'x', name: '<img src=x onerror=alert(1)>', count: 1 }] }], vi.fn());
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('.name')?.textContent).toBe('<img src=x onerror=alert(1)>');
  });

  it('says so when nothing was found', () => {
    const container = document.createElement('div');
    renderEntityList(container, [], vi.fn());
    expect(container.textContent).toBe('No names from Backstory’s library on this page.');
  });
});

it('words counts in the singular and plural', () => {
  expect(mentionCount(1)).toBe('1 mention');
  expect(mentionCount(12)).toBe('12 mentions');
});
