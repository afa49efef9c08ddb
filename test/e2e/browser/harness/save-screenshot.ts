import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

/** `test-results/screenshots/` at the repository root (git-ignored; kept by CI as artifacts). */
export const screenshotDir = join(dirname(fileURLToPath(import.meta.url)), '../../../../test-results/screenshots');

/** Saves a full-page PNG as `test-results/screenshots/<name>.png`; returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  // A sticky top bar is painted where the page is scrolled to, which in a full-page image lands
  // mid-page: capture from the top, then put the scroll position back.
  const scrolled = await page.evaluate(() => window.scrollY);
  if (scrolled !== 0) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path, fullPage: true });
  if (scrolled !== 0) await page.evaluate((y) => window.scrollTo(0, y), scrolled);
  return path;
}
