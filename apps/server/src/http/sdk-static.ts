import type { Hono } from 'hono';
import { rawPathOf, readStaticFile, safeSegments } from './static-file.js';
import { staticResponse } from './static-response.js';

/**
 * TypeScript declarations. `static-file` maps extensions only, and `.ts` alone could be
 * anything; a `.d.ts` is TypeScript source that tools (and a person reading it in a browser tab
 * under nosniff) take as text.
 */
const declarationContentType = 'application/typescript; charset=utf-8';

/**
 * The browser SDK's build (`packages/sdk/dist`): `/sdk/switchboard.js` (ESM),
 * `/sdk/switchboard.global.js` (a classic script defining the global `Switchboard`) and their
 * types, `/sdk/switchboard.d.ts`, which re-exports the declarations under `/sdk/types/`. Public
 * files any site may load, so readable cross-origin (`Access-Control-Allow-Origin: *`, no
 * credentials); revalidated on every load, since their names carry no version.
 */
export function sdkStatic(app: Hono, root: string): void {
  app.get('/sdk/*', async (c) => {
    const segments = safeSegments(rawPathOf(c).slice(1));
    const file = segments === undefined || segments[0] !== 'sdk' ? undefined : await readStaticFile(root, segments.slice(1));
    if (!file) return c.notFound();
    const isDeclaration = segments!.at(-1)!.endsWith('.d.ts');
    return staticResponse(isDeclaration ? { ...file, contentType: declarationContentType } : file, {
      'cache-control': 'no-cache',
      'access-control-allow-origin': '*',
      'cross-origin-resource-policy': 'cross-origin',
    });
  });
}
