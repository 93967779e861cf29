/**
 * Background: a service worker in Chrome, background scripts in Firefox, one bundle for both (no
 * DOM, no window). It may be stopped at any moment, so it keeps no state of its own: settings
 * live in storage, per-tab badges and icons in the browser.
 */
import kb from '../generated/knowledge.json';
import type { KnowledgeBase } from '../shared/knowledge/types';
import { startBackground } from './start';

startBackground(kb as KnowledgeBase);
