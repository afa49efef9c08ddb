/**
 * The releases an installation can be upgraded to: those listed before the installed one (the
 * API lists releases newest first, in semver order). When the installed release is not in the
 * list, all of them are offered and the server decides (409 downgrade_refused).
 */
export function newerReleases<T extends { readonly version: string }>(releasesNewestFirst: readonly T[], installed: string): T[] {
  const index = releasesNewestFirst.findIndex((item) => item.version === installed);
  return index === -1 ? [...releasesNewestFirst] : releasesNewestFirst.slice(0, index);
}
