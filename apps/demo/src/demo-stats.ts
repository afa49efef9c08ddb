import type { DemoStats } from './demo-service.js';

/** Mutable counters behind {@link DemoService.stats}. */
export interface DemoStatsRecorder {
  countTokenRequest(grantType: string | undefined): void;
  countRevocation(): void;
  countApiRequest(): void;
  snapshot(): DemoStats;
  reset(): void;
}

/** Creates zeroed counters; one per demo instance so parallel tests do not share numbers. */
export function createDemoStats(): DemoStatsRecorder {
  let stats = zero();
  return {
    countTokenRequest(grantType) {
      if (grantType === 'authorization_code' || grantType === 'refresh_token') stats.tokenRequests[grantType] += 1;
      else stats.tokenRequests.other += 1;
    },
    countRevocation() {
      stats.revocations += 1;
    },
    countApiRequest() {
      stats.apiRequests += 1;
    },
    snapshot: () => structuredClone(stats),
    reset() {
      stats = zero();
    },
  };
}

function zero(): DemoStats {
  return { tokenRequests: { authorization_code: 0, refresh_token: 0, other: 0 }, revocations: 0, apiRequests: 0 };
}
