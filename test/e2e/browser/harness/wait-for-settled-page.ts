import type { Page } from 'playwright-core';

/**
 * Waits until a console page has settled: no busy region left (`<Loading/>` and busy buttons set
 * `aria-busy="true"`), no lazy chunk still on its way, and the fonts laid out. Then an axe run or
 * a screenshot sees the page a person would look at, not its spinner.
 */
export async function waitForSettledPage(page: Page, timeout = 15_000): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0, undefined, { timeout, polling: 50 });
  await page.waitForLoadState('networkidle', { timeout });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  // A second look: a request that just finished may have rendered another loading state.
  await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0, undefined, { timeout, polling: 50 });
}
