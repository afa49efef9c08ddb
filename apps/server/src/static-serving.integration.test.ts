import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from './testing/expect-problem.js';
import { createTestEnvironment, type ApiResponse, type TestEnvironment } from './testing/test-environment.js';

/**
 * The console's build, the SDK's scripts and the widget pages as served over a real socket, from
 * folders of the test's own: SPA fallback, caching, security headers, and no way out of the roots.
 */

const CSP = "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
const INDEX = '<!doctype html><html><head><script type="module" src="/assets/index-4f2a9c.js"></script></head><body><div id="root"></div></body></html>';
const ASSET = 'console.log("console");';
const SECRET = 'canary-outside-the-roots-5d2e';

/** A GET (or other method) with this exact request target: the client does not normalize it. */
function raw(url: string, path: string, method = 'GET'): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const request = httpRequest({ host: target.hostname, port: target.port, path, method, agent: false }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('static files: console, SDK, widgets', () => {
  const base = mkdtempSync(join(tmpdir(), 'switchboard-static-'));
  const consoleDir = join(base, 'console');
  const sdkDir = join(base, 'sdk');
  const widgetsDir = join(base, 'widgets');
  let env: TestEnvironment;
  /** Without any key: static files need none. */
  const anonymous = async (path: string, method = 'GET'): Promise<ApiResponse> => {
    const response = await fetch(`${env.server.url}${path}`, { method, redirect: 'manual' });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: response.status, headers: response.headers, body, text };
  };

  beforeAll(async () => {
    mkdirSync(join(consoleDir, 'assets'), { recursive: true });
    writeFileSync(join(consoleDir, 'index.html'), INDEX);
    writeFileSync(join(consoleDir, 'assets', 'index-4f2a9c.js'), ASSET);
    writeFileSync(join(consoleDir, 'assets', 'index-77aa01.css'), 'body{}');
    writeFileSync(join(consoleDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(consoleDir, '.env'), SECRET);
    writeFileSync(join(base, 'secret.txt'), SECRET);
    // A link inside the build pointing out of it must not serve its target.
    symlinkSync(join(base, 'secret.txt'), join(consoleDir, 'assets', 'linked.js'));
    mkdirSync(sdkDir);
    writeFileSync(join(sdkDir, 'switchboard.js'), 'export const init = () => ({});');
    writeFileSync(join(sdkDir, 'switchboard.global.js'), 'var Switchboard = { init: function () { return {}; } };');
    writeFileSync(join(sdkDir, 'switchboard.d.ts'), "export * from './types/index.js';\n");
    mkdirSync(join(sdkDir, 'types'));
    writeFileSync(join(sdkDir, 'types', 'index.d.ts'), "export { init } from './init.js';\n");
    writeFileSync(join(sdkDir, 'types', 'init.d.ts'), 'export declare function init(options: { baseUrl: string }): unknown;\n');
    mkdirSync(join(widgetsDir, 'sample'), { recursive: true });
    writeFileSync(join(widgetsDir, 'sample', 'index.html'), '<!doctype html><title>Sample</title><script src="/widgets/sample/widget.js"></script>');
    writeFileSync(join(widgetsDir, 'sample', 'widget.js'), 'void 0;');
    writeFileSync(join(widgetsDir, 'secret.txt'), SECRET);
    env = await createTestEnvironment({ staticRoots: { console: consoleDir, sdk: sdkDir, widgets: widgetsDir } });
  });

  afterAll(async () => {
    await env?.close();
    rmSync(base, { recursive: true, force: true });
  });

  const expectPageHeaders = (headers: Headers) => {
    expect(headers.get('content-security-policy')).toBe(CSP);
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('referrer-policy')).toBe('no-referrer');
    expect(headers.get('access-control-allow-origin')).toBeNull();
  };

  it('/ and every console path that is no file → index.html, revalidated, with the page security headers', async () => {
    for (const path of ['/', '/connectors', '/connectors/acme/apis/createcontact', '/setup/connectors?tab=1', '/index.html']) {
      const page = await anonymous(path);
      expect(page.status, path).toBe(200);
      expect(page.text, path).toBe(INDEX);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(page.headers.get('cache-control')).toBe('no-cache');
      expectPageHeaders(page.headers);
    }
    const head = await fetch(`${env.server.url}/connectors`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('hashed assets are immutable and typed; other build files are revalidated; a missing asset is a 404, never the page', async () => {
    const script = await anonymous('/assets/index-4f2a9c.js');
    expect(script.status).toBe(200);
    expect(script.text).toBe(ASSET);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await anonymous('/assets/index-77aa01.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
    const icon = await anonymous('/favicon.svg');
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
    expect(icon.headers.get('cache-control')).toBe('no-cache');
    expectProblem(await anonymous('/assets/index-000000.js'), 404, 'not_found');
  });

  it('API paths keep their problems: no console page for /v1, /health, /ready, /widgets or /sdk, nor for other methods', async () => {
    for (const path of ['/v1', '/v1/', '/v1/nope', '/v1/connectors/acme/nope', '/health/x', '/ready/x', '/widgets', '/widgets/nope', '/sdk', '/sdk/nope.js']) {
      expectProblem(await anonymous(path), 404, 'not_found');
    }
    expectProblem(await anonymous('/connectors', 'POST'), 404, 'not_found');
    expectProblem(await anonymous('/', 'DELETE'), 404, 'not_found');
    // The API is untouched.
    expect((await anonymous('/health')).body).toEqual({ status: 'ok' });
    expect((await anonymous('/v1/openapi.json')).status).toBe(200);
    expect((await anonymous('/v1/connectors')).status).toBe(401);
    expect((await env.request('GET', '/v1/connectors')).status).toBe(200);
  });

  it('nothing outside the roots: dot segments (plain or encoded), encoded slashes, NUL, dotfiles and links out are 404s', async () => {
    const attempts = [
      '/assets/../../secret.txt',
      '/../secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/assets/%2E%2E%2F%2E%2E%2Fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/..%5c..%5csecret.txt',
      '/assets/index-4f2a9c.js%00.png',
      '/%00',
      '/assets/%',
      '/.env',
      '/assets/.%2e/.env',
      '/assets/linked.js',
      '/assets//index-4f2a9c.js',
      '/sdk/../secret.txt',
      '/sdk/..%2fsecret.txt',
      '/sdk/%2e%2e/secret.txt',
      '/widgets/sample/../secret.txt',
      '/widgets/sample/..%2f..%2fsecret.txt',
      '/widgets/%2e%2e/secret.txt',
      '/widgets/sample/%2e%2e/%2e%2e/console/.env',
      '/widgets/../console/.env',
    ];
    for (const path of attempts) {
      const response = await raw(env.server.url, path);
      expect(response.status, path).toBe(404);
      expect(response.text, path).not.toContain(SECRET);
      expect(response.text, path).not.toBe(INDEX);
    }
  });

  it('without a build, the console pages answer 503 saying to run npm run build; the API still works', async () => {
    const moved = join(base, 'index.html.moved');
    renameSync(join(consoleDir, 'index.html'), moved);
    try {
      for (const path of ['/', '/connectors']) {
        const page = await anonymous(path);
        expect(page.status).toBe(503);
        expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
        expect(page.text).toContain('npm run build');
        expectPageHeaders(page.headers);
      }
      expect((await anonymous('/health')).status).toBe(200);
    } finally {
      renameSync(moved, join(consoleDir, 'index.html'));
    }
    expect((await anonymous('/')).status).toBe(200);
  });

  it('/sdk/switchboard.js and /sdk/switchboard.global.js: JavaScript, readable from any origin, revalidated', async () => {
    for (const name of ['switchboard.js', 'switchboard.global.js']) {
      const script = await anonymous(`/sdk/${name}`);
      expect(script.status, name).toBe(200);
      expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(script.headers.get('access-control-allow-origin')).toBe('*');
      expect(script.headers.get('access-control-allow-credentials')).toBeNull();
      expect(script.headers.get('cache-control')).toBe('no-cache');
      expect(script.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect((await anonymous('/sdk/switchboard.global.js')).text).toContain('var Switchboard');
  });

  it('/sdk/switchboard.d.ts and the declarations under /sdk/types/: TypeScript, readable from any origin, revalidated', async () => {
    const entry = await anonymous('/sdk/switchboard.d.ts');
    expect(entry.status).toBe(200);
    expect(entry.text).toBe("export * from './types/index.js';\n");
    // Its relative import resolves against the served URL: /sdk/types/index.d.ts, then init.d.ts.
    for (const path of ['/sdk/switchboard.d.ts', '/sdk/types/index.d.ts', '/sdk/types/init.d.ts']) {
      const declarations = await anonymous(path);
      expect(declarations.status, path).toBe(200);
      expect(declarations.headers.get('content-type'), path).toBe('application/typescript; charset=utf-8');
      expect(declarations.headers.get('access-control-allow-origin')).toBe('*');
      expect(declarations.headers.get('cache-control')).toBe('no-cache');
      expect(declarations.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect((await anonymous('/sdk/types/init.d.ts')).text).toContain('export declare function init');
    expect((await anonymous('/sdk/types/nope.d.ts')).status).toBe(404);
    expect((await anonymous('/sdk/types/')).status).toBe(404);
  });

  it('/widgets/sample is its index.html under the console’s CSP; its files beside it', async () => {
    for (const path of ['/widgets/sample', '/widgets/sample/', '/widgets/sample/index.html']) {
      const page = await anonymous(path);
      expect(page.status, path).toBe(200);
      expect(page.text).toContain('<title>Sample</title>');
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(page.headers.get('cache-control')).toBe('no-cache');
      expectPageHeaders(page.headers);
    }
    const script = await anonymous('/widgets/sample/widget.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expectProblem(await anonymous('/widgets/sample/missing.js'), 404, 'not_found');
    expectProblem(await anonymous('/widgets/secret.txt'), 404, 'not_found');
  });
});
