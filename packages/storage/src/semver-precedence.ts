/** Compares digit strings as numbers of any size (no leading zeros in semver numbers). */
function compareNumeric(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

const isNumeric = (identifier: string): boolean => /^[0-9]+$/.test(identifier);

function compareIdentifiers(a: string, b: string): number {
  const aNumeric = isNumeric(a);
  const bNumeric = isNumeric(b);
  // semver.org 2.0.0 §11.4.3: numeric identifiers have lower precedence than alphanumeric ones.
  if (aNumeric && bNumeric) return compareNumeric(a, b);
  if (aNumeric !== bNumeric) return aNumeric ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Semantic-version precedence (semver.org 2.0.0 §11): negative when `a` is lower. Build metadata
 * is ignored (§10). Only orders stored release versions, which the service validated; an invalid
 * string still compares, just not meaningfully.
 */
export function compareSemver(a: string, b: string): number {
  const [aCore = '', aPre] = splitVersion(a);
  const [bCore = '', bPre] = splitVersion(b);
  const aParts = aCore.split('.');
  const bParts = bCore.split('.');
  for (let i = 0; i < 3; i += 1) {
    const order = compareNumeric(aParts[i] ?? '0', bParts[i] ?? '0');
    if (order !== 0) return order;
  }
  // §11.3: a pre-release version has lower precedence than the normal version.
  if (aPre === undefined || bPre === undefined) return aPre === bPre ? 0 : aPre === undefined ? 1 : -1;
  const aIds = aPre.split('.');
  const bIds = bPre.split('.');
  for (let i = 0; i < Math.min(aIds.length, bIds.length); i += 1) {
    const order = compareIdentifiers(aIds[i]!, bIds[i]!);
    if (order !== 0) return order;
  }
  // §11.4.4: a larger set of pre-release fields has higher precedence when all before are equal.
  return aIds.length - bIds.length;
}

/** [core, pre-release or undefined], build metadata dropped. */
function splitVersion(version: string): [string, string | undefined] {
  const withoutBuild = version.split('+', 1)[0] ?? '';
  const dash = withoutBuild.indexOf('-');
  return dash === -1 ? [withoutBuild, undefined] : [withoutBuild.slice(0, dash), withoutBuild.slice(dash + 1)];
}
