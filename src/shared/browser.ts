/**
 * The extension API, from webextension-polyfill, imported here once. The polyfill is a CommonJS
 * module: every ES module that imports it gets the bundler's interop copy of its exports, and in
 * a content script each copy costs every page a share of its start-up.
 */
import browser from 'webextension-polyfill';

export default browser;
