import type { Hono } from 'hono';
import { rawPathOf, readStaticFile, safeSegments } from './static-file.js';
import { staticResponse } from './static-response.js';

/**
 * The browser SDK's build (`packages/sdk/dist`): `/sdk/switchboard.js` (ESM) and
 * `/sdk/switchboard.global.js` (a classic script defining the global `Switchboard`). A public
 * script any site may load, so readable cross-origin (`Access-Control-Allow-Origin: *`, no
 * credentials); revalidated on every load, since its name carries no version.
 */
export function sdkStatic(app: Hono, root: string): void {
  app.get('/sdk/*', async (c) => {
    const segments = safeSegments(rawPathOf(c).slice(1));
    const file = segments === undefined || segments[0] !== 'sdk' ? undefined : await readStaticFile(root, segments.slice(1));
    if (!file) return c.notFound();
    return staticResponse(file, {
      'cache-control': 'no-cache',
      'access-control-allow-origin': '*',
      'cross-origin-resource-policy': 'cross-origin',
    });
  });
}
