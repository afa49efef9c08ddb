/**
 * An org id suggested from its name ("Acme Customer Inc." → `acme-customer-inc`): lowercase,
 * runs of anything else as one `-`, trimmed to what `orgIdSchema` accepts (63 characters). The
 * person may still type their own.
 */
export function suggestOrgId(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 63)
    .replace(/-+$/, '');
}
