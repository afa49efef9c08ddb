import type { Hono } from 'hono';
import { pageSecurityHeaders } from './page-security-headers.js';
import { rawPathOf, readStaticFile, safeSegments } from './static-file.js';
import { staticResponse } from './static-response.js';

/** First path segments that belong to the API and the other static roots: never the console's. */
const notConsole = new Set(['v1', 'health', 'ready', 'widgets', 'sdk']);

/** Vite's content-hashed build output: a name never holds other bytes. */
const immutable = { 'cache-control': 'public, max-age=31536000, immutable' };
/** index.html names the current hashed assets: revalidated on every load. */
const revalidate = { 'cache-control': 'no-cache' };

const notBuiltPage = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Switchboard console not built</title></head>
<body>
<h1>The Switchboard console is not built</h1>
<p>Run <code>npm run build</code> in the repository, then reload this page. The API works meanwhile: see <a href="/v1/openapi.json">/v1/openapi.json</a>.</p>
</body>
</html>
`;

/**
 * The web console (the Vite build in `root`, `apps/console/dist` by default): `/assets/*` as
 * immutable hashed files, other files of the build as they are, and `index.html` for every other
 * path (the console routes in the browser). Registered after every API route, for GET (and so
 * HEAD) only: paths of the API, `/health`, `/ready`, `/widgets/*` and `/sdk/*` never fall back to
 * the console, so their 404s stay problems. A path that could leave the build folder is a 404.
 * Without a build, the console's pages answer 503 with how to make one.
 */
export function consoleStatic(app: Hono, root: string): void {
  app.get('*', async (c) => {
    const segments = safeSegments(rawPathOf(c).slice(1));
    if (segments === undefined || notConsole.has(segments[0] ?? '')) return c.notFound();
    if (segments[0] === 'assets') {
      const asset = await readStaticFile(root, segments);
      // A missing asset is a 404, not the console page: a script tag must not receive HTML.
      return asset ? staticResponse(asset, immutable) : c.notFound();
    }
    const file = await readStaticFile(root, segments);
    if (file) return staticResponse(file, revalidate);
    const index = await readStaticFile(root, ['index.html']);
    if (index) return staticResponse(index, revalidate);
    return new Response(notBuiltPage, {
      status: 503,
      headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'retry-after': '30', ...pageSecurityHeaders },
    });
  });
}
