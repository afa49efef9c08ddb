import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** One axe finding, trimmed to what a failure message needs. */
interface Finding {
  readonly id: string;
  readonly impact: string | null | undefined;
  readonly help: string;
  readonly targets: string[];
}

/**
 * Runs axe-core (WCAG 2.x A and AA rules and best practices) on the page as it is now and fails
 * listing every `serious` or `critical` violation. axe is evaluated through the DevTools
 * protocol rather than a script tag, so it also runs under the pages' `script-src 'self'` CSP
 * (which a script tag would, rightly, be refused by).
 */
export async function expectNoSeriousAxeViolations(page: Page, name: string): Promise<void> {
  // The trailing expression keeps evaluate from trying to return axe's (unserializable) value.
  await page.evaluate(`${axe.source}\n;0`);
  const findings = await page.evaluate(async (): Promise<Finding[]> => {
    const runner = (window as unknown as { axe: typeof axe }).axe;
    const results = await runner.run(document, { resultTypes: ['violations'] });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  });
  const serious = findings.filter((finding) => finding.impact === 'serious' || finding.impact === 'critical');
  const report = serious.map((finding) => `- ${finding.id} (${finding.impact}): ${finding.help}\n    ${finding.targets.join('\n    ')}`).join('\n');
  expect(serious, `axe found serious violations on ${name}:\n${report}`).toEqual([]);
}
