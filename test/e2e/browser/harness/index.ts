/**
 * What every browser test shares: Chromium (or a reason to skip), the quick-start stack, an
 * axe-core check and screenshots. See each file for details.
 */
export { chromiumAvailable, chromiumPath, launchBrowser } from './launch-browser.js';
export { startStack, type Stack, type StackResponse } from './start-stack.js';
export { expectNoSeriousAxeViolations } from './expect-no-serious-axe-violations.js';
export { saveScreenshot, screenshotDir } from './save-screenshot.js';
