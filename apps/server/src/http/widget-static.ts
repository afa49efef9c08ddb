import type { Hono } from 'hono';
import { rawPathOf, readStaticFile, safeSegments } from './static-file.js';
import { staticResponse } from './static-response.js';

/**
 * Widget pages (`apps/server/public/widgets`): `/widgets/<name>` (and `/widgets/<name>/`) is the
 * folder's `index.html`, `/widgets/<name>/<file>` a file of it. Served from Switchboard's own
 * origin with the console's Content-Security-Policy (script only from this origin), revalidated on
 * every load. Prefer absolute paths (`/widgets/sample/app.js`) inside a widget's page, since it is
 * served both with and without the trailing slash.
 */
export function widgetStatic(app: Hono, root: string): void {
  app.get('/widgets/*', async (c) => {
    const all = safeSegments(rawPathOf(c).slice(1));
    if (all === undefined || all[0] !== 'widgets') return c.notFound();
    const segments = all.slice(1);
    if (segments.length === 0 || segments[0] === '') return c.notFound();
    const path = segments.length === 1 || (segments.length === 2 && segments[1] === '') ? [segments[0]!, 'index.html'] : segments;
    const file = await readStaticFile(root, path);
    return file ? staticResponse(file, { 'cache-control': 'no-cache' }) : c.notFound();
  });
}
