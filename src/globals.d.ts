/** Set by the build: true only in test builds, so test-only hooks never ship. */
declare const __TEST_HOOKS__: boolean;
/** Set by the build: which browser this bundle is for. */
declare const __BROWSER__: 'chrome' | 'firefox';
