/**
 * Derive an API name (`^[a-z][a-z0-9_]{1,49}$`) from a display name, as the seed's console does:
 * "Google Contacts" → "googlecontacts". Returns null when nothing usable remains.
 */
export function deriveApiName(name: string): string | null {
  let base = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  base = base.replace(/^[0-9]+/, '');
  if (base.length === 0) return null;
  if (base.length === 1) base = `${base}_`;
  return base.slice(0, 50);
}
