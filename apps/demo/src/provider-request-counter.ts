import type { KoaContextWithOIDC, Provider } from 'oidc-provider';

import type { DemoStatsRecorder } from './demo-stats.js';

/**
 * Counts token and revocation endpoint requests, failed ones included, after the provider has
 * handled them: only then are `ctx.oidc.route` and the parsed `grant_type` known.
 */
export function countProviderRequests(provider: Provider, stats: DemoStatsRecorder): void {
  provider.use(async (ctx: KoaContextWithOIDC, next: () => Promise<unknown>) => {
    await next();
    // ctx.oidc is absent for requests no provider route matched.
    const oidc = (ctx as Partial<KoaContextWithOIDC>).oidc;
    if (oidc?.route === 'token') {
      const grantType = oidc.params?.grant_type;
      stats.countTokenRequest(typeof grantType === 'string' ? grantType : undefined);
    } else if (oidc?.route === 'revocation') {
      stats.countRevocation();
    }
  });
}
