/** Popup entry. Test builds may name the tab to show (`popup.html?tab=<id>`), since e2e opens the popup as a tab. */
import { startPopup } from './popup';

function testTabOverride(): number | null {
  if (!__TEST_HOOKS__) return null;
  const value = Number(new URLSearchParams(location.search).get('tab'));
  return Number.isSafeInteger(value) && value >= 0 ? value : null;
}

const tabId = testTabOverride();
void startPopup(document, { tabId, closeWhenDone: tabId === null });
