/**
 * The reader page (reader/reader.html?article=<id>&p=<paragraph>&q=<start>-<end>): shows a whole
 * reference article and brings the quoted passage into view.
 */
import { parseReaderSearch } from '../shared/knowledge/reader-link';
import { ARTICLES } from '../shared/library';
import { renderReader } from './render';

function showReader(): void {
  const root = document.getElementById('reader-root');
  if (root === null) return;
  const { focusTarget } = renderReader(root, ARTICLES, parseReaderSearch(location.search));
  if (focusTarget === null) return;
  const reduceMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
  // Focus moves to the passage so keyboard and screen-reader users start where the card pointed.
  focusTarget.focus({ preventScroll: true });
  focusTarget.scrollIntoView({ block: 'center', behavior: reduceMotion ? 'auto' : 'smooth' });
}

showReader();
