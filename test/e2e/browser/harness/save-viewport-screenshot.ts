import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { screenshotDir } from './save-screenshot.js';

/**
 * Saves what the viewport shows (not the full page) as `test-results/screenshots/<name>.png`;
 * returns its path. For pictures meant for people (the README's), where a full page would be a
 * long strip and a sticky top bar would be stitched into its middle.
 */
export async function saveViewportScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}
