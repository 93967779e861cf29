/**
 * Notices single-page-app navigations (history.pushState/replaceState, back/forward) from the
 * content script's isolated world, where the page's history functions cannot be wrapped. The
 * Navigation API reports them where it exists (Chromium, current Firefox); elsewhere the address is
 * compared whenever the page's DOM changes (SPA routes always change the DOM). Back and forward
 * come as popstate everywhere.
 */
export function watchNavigations(onNavigate: () => void): () => void {
  let address = documentAddress();
  const check = () => {
    const now = documentAddress();
    if (now === address) return;
    address = now;
    onNavigate();
  };
  const stops: (() => void)[] = [];
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  if (navigation) {
    navigation.addEventListener('navigatesuccess', check);
    stops.push(() => navigation.removeEventListener('navigatesuccess', check));
  } else {
    // Older browsers (Firefox before the Navigation API) say nothing on pushState; watching the
    // DOM costs a second observer on every page, so it is only paid where it is needed.
    const observer = new MutationObserver(check);
    observer.observe(document.documentElement, { childList: true, subtree: true });
    stops.push(() => observer.disconnect());
  }
  window.addEventListener('popstate', check);
  stops.push(() => window.removeEventListener('popstate', check));
  return () => stops.forEach((stop) => stop());
}

/** The address without its fragment: jumping to an anchor is not a new page. */
function documentAddress(): string {
  return location.href.split('#')[0] ?? location.href;
}
