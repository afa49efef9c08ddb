import { orgIdSchema } from '@switchboard/contracts';
import { describe, expect, it } from 'vitest';
import { suggestOrgId } from './suggest-org-id.js';

describe('suggestOrgId', () => {
  it('turns a name into an id the API accepts', () => {
    expect(suggestOrgId('Acme Customer Inc.')).toBe('acme-customer-inc');
    expect(suggestOrgId('  Globex — Corporation ')).toBe('globex-corporation');
    expect(suggestOrgId('Café Zürich')).toBe('cafe-zurich');
    expect(orgIdSchema.safeParse(suggestOrgId('Acme Customer Inc.')).success).toBe(true);
  });

  it('stays within 63 characters without a trailing dash', () => {
    const id = suggestOrgId(`${'a'.repeat(62)} b`);
    expect(id).toBe('a'.repeat(62));
    expect(suggestOrgId('!!!')).toBe('');
  });
});
